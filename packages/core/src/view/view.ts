import type { SnapshotFrom } from 'xstate';
import { revealCode } from '../credential/secret.js';
import type { AuthCodeError } from '../errors/errors.js';
import type { AuthCodeMachine, AuthCodeStatus } from '../machine/machine.js';
import type { Scope } from '../types.js';

export type AuthCodeSnapshot = SnapshotFrom<AuthCodeMachine>;

/** What a UI needs of a flow: the one thing every framework adapter maps. */
export interface AuthCodeView<TSession = unknown> {
  status: AuthCodeStatus;
  /** `consenting` or `exchanging`. */
  isLoading: boolean;
  /** What the current flow asked for, de-duplicated, in order. */
  scopes: Scope[];
  /** Only in `success`, only from this flow's host answer; gone once `exchange` ran. */
  authCode: string | undefined;
  grantedScopes: Scope[];
  /** Scope -> the host's error code, for example `{ USER_EMAIL: '40006' }`. */
  deniedScopes: Record<string, string>;
  /** What `exchange` resolved with. */
  session: TSession | undefined;
  /** Only in `failed`. */
  error: AuthCodeError | undefined;
}

// Shared empties keep views of idle flows equal by reference, so selectors do not re-render.
const noScopes = Object.freeze([]) as unknown as Scope[];

const loadingStatuses: ReadonlySet<AuthCodeStatus> = new Set(['consenting', 'exchanging']);

/** Maps a machine snapshot to its framework-neutral view. Pure; arrays and objects are the context's own. */
export function toView<TSession = unknown>(snapshot: AuthCodeSnapshot): AuthCodeView<TSession> {
  // Never a transient state: a snapshot does not rest in one (see `TransientState`).
  const status = snapshot.value as AuthCodeStatus;
  const { context } = snapshot;
  return {
    status,
    isLoading: loadingStatuses.has(status),
    scopes: context.request?.scopes ?? noScopes,
    // The one place the raw code leaves its seal; `undefined` once dropped or after a restore from storage.
    authCode: status === 'success' ? revealCode(context.authCode) : undefined,
    grantedScopes: context.grantedScopes,
    deniedScopes: context.deniedScopes,
    session: context.session as TSession | undefined,
    error: status === 'failed' ? context.error : undefined,
  };
}

/** True when two views show the same thing: field by field, by reference. For selector compare functions. */
export function viewEquals<TSession>(a: AuthCodeView<TSession>, b: AuthCodeView<TSession>): boolean {
  if (a === b) return true;
  for (const key of Object.keys(a) as (keyof AuthCodeView)[]) {
    if (!Object.is(a[key], b[key])) return false;
  }
  return true;
}
