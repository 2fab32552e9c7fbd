import type { SnapshotFrom } from 'xstate';
import { revealCode } from '../credential/secret.js';
import type { AuthCodeError } from '../errors/errors.js';
import type { AuthCodeMachine, AuthCodeStatus } from '../machine/machine.js';
import { prepareRequest, type PreparedRequest } from '../machine/request.js';
import type { AuthCodeInput, AuthCodeRequest, Scope } from '../types.js';

export type AuthCodeSnapshot = SnapshotFrom<AuthCodeMachine>;

/**
 * The shape of a view in one status. Every status has every field, so code that reads a field
 * without checking `status` still compiles (with the field's type across all statuses).
 */
export interface AuthCodeViewShape<
  TStatus extends AuthCodeStatus,
  TCode extends string | undefined,
  TSession,
  TError extends AuthCodeError | undefined,
> {
  status: TStatus;
  /** `consenting` or `exchanging`. */
  isLoading: TStatus extends 'consenting' | 'exchanging' ? true : false;
  /**
   * What the current flow asked for, de-duplicated, in order; while `idle`, what a `request()`
   * without arguments will ask for (the input's scopes), so a page can list them by its button.
   */
  scopes: Scope[];
  /** Which of `scopes` must be granted for `success`; the input's while `idle`, like `scopes`. */
  requiredScopes: Scope[];
  /**
   * Only in `success` of a flow without `exchange`, only from this flow's host answer. Dropped from
   * memory once the flow's actor stops: a view read after that (or of a snapshot restored from
   * storage, which never holds the raw code) has none.
   */
  authCode: TCode;
  grantedScopes: Scope[];
  /** Scope -> the host's error code, for example `{ USER_EMAIL: '40006' }`. */
  deniedScopes: Record<string, string>;
  /** What `exchange` resolved with: only in `success` of a flow with `exchange` (which spent the code). */
  session: TSession;
  /** Only in `failed`, and always there. */
  error: TError;
}

/**
 * Whether a flow has an `exchange`, from what it resolves with: `false` for `never` (no exchange:
 * what the functions that take an input infer when it has none), `true` for a session type, and
 * `boolean` (either) for `unknown`, the default of the types.
 */
export type HasExchange<TSession> = unknown extends TSession
  ? boolean
  : [TSession] extends [never]
    ? false
    : true;

/** `TWithCode` for a flow without `exchange`, `TWithSession` for one with it, either for `boolean`. */
export type ByExchange<TExchange extends boolean, TWithCode, TWithSession> =
  (TExchange extends false ? TWithCode : never) | (TExchange extends true ? TWithSession : never);

/** The view in each status: a new state fails to compile until it has its shape here. */
interface ViewsByStatus<TSession, TExchange extends boolean> {
  idle: AuthCodeViewShape<'idle', undefined, undefined, undefined>;
  consenting: AuthCodeViewShape<'consenting', undefined, undefined, undefined>;
  exchanging: AuthCodeViewShape<'exchanging', undefined, undefined, undefined>;
  success: ByExchange<
    TExchange,
    AuthCodeViewShape<'success', string, undefined, undefined>,
    AuthCodeViewShape<'success', undefined, TSession, undefined>
  >;
  failed: AuthCodeViewShape<'failed', undefined, undefined, AuthCodeError>;
}

/**
 * What a UI needs of a flow: the one thing every framework adapter maps. A union by `status`:
 * checking it tells TypeScript what the flow holds (`error` in `failed`; in `success`, `authCode`
 * without `exchange`, or `session` with one).
 *
 * `TSession` is what `exchange` resolves with: `never` for a flow without `exchange` (what the
 * functions that take an input infer when it has none), `unknown` (the default) for a view of any
 * flow, whose `success` holds a code or a session. `TExchange` follows from it (`HasExchange`).
 */
export type AuthCodeView<
  TSession = unknown,
  TExchange extends boolean = HasExchange<TSession>,
> = ViewsByStatus<TSession, TExchange>[AuthCodeStatus];

// Shared empties keep views of idle flows equal by reference, so selectors do not re-render.
const noScopes = Object.freeze([]) as unknown as Scope[];

// The input is the actor's own copy, so one request per input keeps idle views equal by reference.
const inputRequests = new WeakMap<AuthCodeInput<unknown>, PreparedRequest>();

/** What the flow asks for; while idle, what `request()` would ask for (nothing if the input is invalid). */
function shownRequest(snapshot: AuthCodeSnapshot): AuthCodeRequest | undefined {
  const { request, input } = snapshot.context;
  if (request || snapshot.value !== 'idle') return request;
  let prepared = inputRequests.get(input);
  if (!prepared) inputRequests.set(input, (prepared = prepareRequest({}, input)));
  return prepared.request;
}

/** Maps a machine snapshot to its framework-neutral view. Pure; arrays and objects are the context's own. */
export function toView<TSession = unknown>(snapshot: AuthCodeSnapshot): AuthCodeView<TSession> {
  // Never a transient state: a snapshot does not rest in one (see `TransientState`).
  const status = snapshot.value as AuthCodeStatus;
  const { context } = snapshot;
  const { scopes = noScopes, required = noScopes } = shownRequest(snapshot) ?? {};
  // The union is what the machine guarantees status by status; the object is built field by field.
  return {
    status,
    isLoading: status === 'consenting' || status === 'exchanging',
    scopes,
    requiredScopes: required,
    // The one place the raw code leaves its seal; `undefined` once dropped or after a restore from storage.
    authCode: status === 'success' ? revealCode(context.authCode) : undefined,
    grantedScopes: context.grantedScopes,
    deniedScopes: context.deniedScopes,
    session: context.session as TSession | undefined,
    error: status === 'failed' ? context.error : undefined,
  } as AuthCodeView<TSession>;
}

/** True when two views show the same thing: field by field, by reference. For selector compare functions. */
export function viewEquals<TSession>(a: AuthCodeView<TSession>, b: AuthCodeView<TSession>): boolean {
  return (Object.keys(a) as (keyof AuthCodeView)[]).every((key) => Object.is(a[key], b[key]));
}
