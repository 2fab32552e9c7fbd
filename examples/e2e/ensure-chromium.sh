#!/usr/bin/env sh
# Installs Debian's Chromium for the end-to-end tests when it is missing (Playwright's own browser
# downloads are not used). Set CHROMIUM_PATH to use a browser elsewhere.
set -eu

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM_PATH" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
else
  SUDO="sudo"
fi

echo "Chromium not found at $CHROMIUM_PATH: installing Debian's chromium package." >&2
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
"$CHROMIUM_PATH" --version
