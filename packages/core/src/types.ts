import type { KnownScope } from './scopes.js';

/**
 * A scope name. The 25 scopes of the DANA specification are suggested by editors; any other
 * string is accepted as-is because other hosts name other scopes (`auth_base`, `auth_user`, ...).
 * Scope names are case-sensitive.
 */
// `string & {}` keeps the known names in autocompletion instead of widening them all to string.
export type Scope = KnownScope | (string & {});

/** What a host passes to `success` (and often to `complete`). Every field is optional in practice. */
export interface GetAuthCodeSuccessResult {
  authCode?: string;
  authSuccessScopes?: string[];
  /** Scope -> error code. Present in partial grants, too. */
  authErrorScopes?: Record<string, string | number>;
}

/** What a host passes to `fail`: either per-scope errors, or an error code, or both. */
export interface GetAuthCodeFailResult {
  error?: number | string;
  errorMessage?: string;
  authErrorScopes?: Record<string, string | number>;
}

/** The options of `my.getAuthCode`, as the host receives them. */
export interface GetAuthCodeOptions {
  scopes: string[];
  success?: (result: GetAuthCodeSuccessResult) => void;
  fail?: (result: GetAuthCodeFailResult) => void;
  complete?: (result?: GetAuthCodeSuccessResult | GetAuthCodeFailResult) => void;
}

/** What the flow hands a host that declares `takesSignal`, next to the options. */
export interface HostCallContext {
  /**
   * Aborts once the flow no longer waits for this call: it was answered, or the flow was cancelled,
   * reset, stopped or timed out. Stop what the call still waits for (a listener, a pending message).
   */
  signal: AbortSignal;
}

/**
 * The shape of the super app's global `my` that this library uses. The flow calls
 * `getAuthCode(options)` with exactly `{ scopes, success, fail, complete }`, since host bridges
 * serialise their options; a host of your own that sets `takesSignal: true` also gets a
 * `HostCallContext` as a second argument (the real `my` never does).
 */
export interface AuthCodeHost {
  getAuthCode(options: GetAuthCodeOptions, context?: HostCallContext): void;
  /** `true` for a host that stops its work when the context's signal aborts. */
  readonly takesSignal?: boolean;
}

/**
 * A host chosen when a request starts: returns the host for that request, or a promise of it (a
 * dynamic `import()` keeps a simulated host out of a production bundle); `undefined` means the
 * global `my`.
 */
export type HostSource = () => AuthCodeHost | undefined | PromiseLike<AuthCodeHost | undefined>;

/** A code the host issued, with the per-scope outcome of the consent. */
export interface AuthCodeGrant {
  /** Single-use credential: exchange it on your server at once; never log or store it. */
  authCode: string;
  grantedScopes: Scope[];
  /** Scope -> the host's error code, for scopes that were requested or reported but not granted. */
  deniedScopes: Record<string, string>;
  /** The scopes this flow asked for, de-duplicated, in order. */
  scopes: Scope[];
}

/** Passed as the second argument of `exchange`; aborted when the flow is cancelled or reset, or the exchange times out. */
export interface ExchangeContext {
  signal: AbortSignal;
}

/** Trades a grant's code for a session on your server: what `createExchange` is given. */
export type ExchangeFunction<TSession> = (
  grant: AuthCodeGrant,
  context: ExchangeContext,
) => Promise<TSession>;

declare const sessionType: unique symbol;

/**
 * The `exchange` of a flow's input, made by `createExchange` from `@authcode/core/exchange`; a flow
 * refuses anything else (kind `invalid-request`). Opaque: `TSession` is what it resolves with.
 */
export interface AuthCodeExchange<TSession = unknown> {
  /** Only carries the session type; never set. */
  readonly [sessionType]?: TSession;
}

export interface AuthCodeInput<TSession = unknown> {
  /**
   * Default: the global `my`, looked up when a request starts (never at import). A function is
   * called when each request starts, never before (not at creation, not in server rendering), and
   * its host (or promise of one) answers that request; `superAppHostOr` from `@authcode/core/hosts`
   * makes one that prefers the super app's `my`.
   */
  host?: AuthCodeHost | HostSource;
  /** Default scopes for a REQUEST that names none. */
  scopes?: readonly Scope[];
  /** Scopes that must be granted. Default: every requested scope. */
  required?: readonly Scope[];
  /** How long to wait for the host to answer, in ms. Default 60000; 0 waits forever. */
  timeoutMs?: number;
  /**
   * How long a code not exchanged is kept, in ms: then it is dropped and the flow fails with kind
   * `expired`. Default 300000 (five minutes); 0 keeps it until the flow leaves `success`.
   */
  codeLifetimeMs?: number;
  /** How long `exchange` may run before its signal aborts (kind `exchange-timeout`). Default 30000; 0 disables. */
  exchangeTimeoutMs?: number;
  /**
   * Trades the code for a session on your server, made by `createExchange` from
   * `@authcode/core/exchange`. The code is dropped from memory once it ran.
   */
  exchange?: AuthCodeExchange<TSession>;
}

/** The validated request of one flow. */
export interface AuthCodeRequest {
  scopes: Scope[];
  required: Scope[];
}

export type AuthCodeEvent =
  | { type: 'REQUEST'; scopes?: readonly Scope[]; required?: readonly Scope[] }
  | { type: 'CANCEL' }
  | { type: 'RETRY' }
  | { type: 'RESET' };
