/** What the reader can make the simulated host do, and the codes it may answer with. */
import type { Scope } from '@authcode/core';
import { describeError, errorCatalogue } from '@authcode/core/catalogue';
import { hostErrorCodes } from '@authcode/example-shared';

export type HostBehaviourKind = 'sheet' | 'grant' | 'deny' | 'cancel' | 'error' | 'silent' | 'late';

export interface HostBehaviour {
  kind: HostBehaviourKind;
  /** For `deny`: the scopes the host reports as not granted. */
  deniedScopes: readonly Scope[];
  /** For `deny`: the per-scope code it reports them with. */
  scopeCode: string;
  /** For `error`: the host error code of its `fail`. */
  errorCode: string;
}

export const behaviourOptions: readonly { kind: HostBehaviourKind; label: string }[] = [
  { kind: 'sheet', label: 'Show the consent sheet: you answer' },
  { kind: 'grant', label: 'Grant every scope' },
  { kind: 'deny', label: 'Deny some scopes with a per-scope code' },
  { kind: 'cancel', label: 'The user cancels (code 11)' },
  { kind: 'error', label: 'Fail with a host error code' },
  { kind: 'silent', label: 'Never answer: the flow times out' },
  { kind: 'late', label: 'Grant, then call back a second time' },
];

/** Per-scope codes that hosts send (40006, 10001); the library's own code for unreported scopes is left out. */
export const scopeErrorCodes: readonly string[] = Object.keys(errorCatalogue).filter(
  (code) => describeError(code).class === 'scope' && describeError(code).hosts.length > 0,
);

export { hostErrorCodes };

export const initialBehaviour: HostBehaviour = {
  kind: 'sheet',
  deniedScopes: ['USER_CONTACTINFO_EMAIL'],
  scopeCode: scopeErrorCodes[0] ?? '40006',
  errorCode: hostErrorCodes[0] ?? '3',
};

/** `code · message`, as the catalogue words it. */
export function codeLabel(code: string): string {
  return `${code} · ${describeError(code).message}`;
}
