import { describeError, errorCatalogue } from '@authcode/core/catalogue';

/** How the simulated super app answers the next getAuthCode call. */
export type HostMode = 'sheet' | 'timeout' | `error:${string}`;

export interface HostModeOption {
  value: HostMode;
  label: string;
}

/** How long a flow waits for a silent host: short, so the timeout shows without a minute's wait. */
export const SILENT_HOST_TIMEOUT_MS = 1500;

/** Every host-wide error code of the catalogue; per-scope codes (40006, ...) come from the sheet instead. */
export const hostErrorCodes: readonly string[] = Object.keys(errorCatalogue).filter(
  (code) => describeError(code).class !== 'scope',
);

export const hostModeOptions: readonly HostModeOption[] = [
  { value: 'sheet', label: 'Show the consent sheet' },
  { value: 'timeout', label: `Never answer (times out after ${SILENT_HOST_TIMEOUT_MS / 1000} s)` },
];

/** One option per host error code, labelled with the catalogue's message. */
export const hostErrorOptions: readonly HostModeOption[] = hostErrorCodes.map((code) => ({
  value: `error:${code}`,
  label: `${code} · ${describeError(code).message}`,
}));

/** The host error code a mode answers with, if it is an error mode. */
export function errorCodeOf(mode: HostMode): string | undefined {
  return mode.startsWith('error:') ? mode.slice('error:'.length) : undefined;
}

/**
 * The flow's `timeoutMs` for a mode. The input is read once when a flow is created, so the page
 * creates a new flow when this value changes.
 */
export function timeoutFor(mode: HostMode): number | undefined {
  return mode === 'timeout' ? SILENT_HOST_TIMEOUT_MS : undefined;
}

export function isHostMode(value: string): value is HostMode {
  return (
    value === 'sheet' || value === 'timeout' || hostErrorOptions.some((option) => option.value === value)
  );
}
