#!/usr/bin/env sh
# Makes sure the end-to-end tests have a Chromium (Playwright's own browser downloads are not used).
# Set CHROMIUM_PATH to use a browser elsewhere. When none is found, Debian's chromium package is
# installed, but only on a Debian-like system (Debian, Ubuntu and their derivatives): anywhere else
# this stops and asks for CHROMIUM_PATH rather than run apt-get.
set -eu

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM_PATH" ]; then
  exit 0
fi

# /etc/os-release names the distribution (ID) and the ones it derives from (ID_LIKE).
debian_like=false
if [ -r /etc/os-release ]; then
  # shellcheck disable=SC1091
  . /etc/os-release
  case " ${ID:-} ${ID_LIKE:-} " in
    *" debian "* | *" ubuntu "*) debian_like=true ;;
  esac
fi
if [ "$debian_like" != true ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $CHROMIUM_PATH. Install Chromium or Chrome and set CHROMIUM_PATH to its binary," >&2
  echo "for example: CHROMIUM_PATH=\"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\" pnpm test:e2e" >&2
  exit 1
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
