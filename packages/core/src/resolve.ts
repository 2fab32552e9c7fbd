import { AuthCodeError, describeReason } from './errors.js';
import { classifyError, UNREPORTED_SCOPE_CODE } from './errorCodes.js';
import type { HostAnswer } from './host.js';
import { sealCode, type SealedCode } from './secret.js';
import type { AuthCodeGrant, AuthCodeRequest, Scope } from './types.js';

/** A grant as the flow holds it: the code sealed (see `secret.ts`). */
export type SealedGrant = Omit<AuthCodeGrant, 'authCode'> & { authCode: SealedCode };

export type Resolution =
  { grant: SealedGrant; error?: undefined } | { grant?: undefined; error: AuthCodeError };

/**
 * A host payload read once, at the boundary: only the fields the flow uses, copied into plain data,
 * the code sealed. Reading never throws; a payload that throws while read (a getter, a proxy from a
 * native bridge) reads as empty.
 */
export interface HostPayload {
  authCode?: SealedCode | undefined;
  successScopes: string[];
  deniedScopes: Record<string, string>;
  error?: string | undefined;
  errorMessage?: string | undefined;
  /** What the payload looked like, without its values: it may hold a code. */
  shape: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFilled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** A code as this library reports it: hosts send numbers (`11`) or strings (`'40006'`). */
const readCode = (value: unknown): string | undefined =>
  // Number.isFinite is false for anything but a finite number (it does not convert).
  isFilled(value) || Number.isFinite(value) ? String(value) : undefined;

/** Per-scope codes as own entries (`__proto__` stays a key); malformed entries are left out. */
function readScopeCodes(value: unknown): Record<string, string> {
  const codes: [string, string][] = [];
  if (isRecord(value)) {
    for (const scope of Object.keys(value)) {
      const code = readCode(value[scope]);
      if (code !== undefined) codes.push([scope, code]);
    }
  }
  return Object.fromEntries(codes);
}

function describeShape(payload: unknown): string {
  if (!isRecord(payload))
    return Array.isArray(payload) ? 'an array' : payload === null ? 'null' : typeof payload;
  const keys = Object.keys(payload);
  return `an object with keys [${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}]`;
}

const readPayloads = new WeakSet<object>();

/** Reads a host payload into a `HostPayload`; one already read is returned as it is. */
export function readPayload(payload: unknown): HostPayload {
  // WeakSet#has is false for a primitive or null.
  if (readPayloads.has(payload as object)) return payload as HostPayload;
  let read: HostPayload;
  try {
    const record = isRecord(payload) ? payload : {};
    const { authCode, authSuccessScopes, errorMessage } = record;
    read = {
      authCode: isFilled(authCode) ? sealCode(authCode) : undefined,
      successScopes: Array.isArray(authSuccessScopes) ? authSuccessScopes.filter(isFilled) : [],
      deniedScopes: readScopeCodes(record.authErrorScopes),
      error: readCode(record.error),
      errorMessage: isFilled(errorMessage) ? errorMessage : undefined,
      shape: describeShape(payload),
    };
  } catch {
    read = { successScopes: [], deniedScopes: {}, shape: 'a payload that threw when read' };
  }
  readPayloads.add(read);
  return read;
}

const listCodes = (codes: ReadonlyMap<string, string>, scopes: Iterable<Scope> = codes.keys()) =>
  Array.from(scopes, (scope) => `${scope} (${codes.get(scope) ?? 'no code'})`).join(', ');

function resolveGrant(
  authCode: SealedCode,
  { successScopes, deniedScopes, error }: HostPayload,
  { scopes, required }: AuthCodeRequest,
): Resolution {
  const denied = new Map(Object.entries(deniedScopes));
  const listed = new Set(successScopes);
  // An empty or missing list says nothing: then every requested scope not denied counts as granted.
  const granted = listed.size ? [...scopes.filter((scope) => listed.has(scope)), ...listed] : scopes;
  const grantedSet = new Set(granted.filter((scope) => !denied.has(scope)));
  for (const scope of scopes) {
    if (!grantedSet.has(scope) && !denied.has(scope)) denied.set(scope, UNREPORTED_SCOPE_CODE);
  }

  const missing = required.filter((scope) => !grantedSet.has(scope));
  if (missing.length > 0) {
    return {
      error: new AuthCodeError(
        'scope',
        `The host did not grant required scopes: ${listCodes(denied, missing)}.`,
        {
          scopes: Object.fromEntries(denied),
          code: error,
        },
      ),
    };
  }
  return {
    grant: { authCode, grantedScopes: [...grantedSet], deniedScopes: Object.fromEntries(denied), scopes },
  };
}

/**
 * Reads a host's first answer into a grant or a typed error. Success needs a non-empty auth code
 * and every required scope granted; optional scopes may be denied. A `fail` never yields a grant.
 */
export function resolveAnswer(answer: HostAnswer, request: AuthCodeRequest): Resolution {
  if (answer.via === 'throw') {
    return {
      error: new AuthCodeError(
        'host',
        `The host threw when asked for an auth code: ${describeReason(answer.error)}`,
        {
          cause: answer.error,
        },
      ),
    };
  }

  const payload = readPayload(answer.payload);
  const { deniedScopes, error: errorCode, errorMessage } = payload;
  if (answer.via !== 'fail' && payload.authCode) return resolveGrant(payload.authCode, payload, request);
  const denied = new Map(Object.entries(deniedScopes));
  if (denied.size > 0) {
    return {
      error: new AuthCodeError('scope', `The host denied ${listCodes(denied)} and issued no auth code.`, {
        scopes: deniedScopes,
        code: errorCode,
      }),
    };
  }
  if (errorCode !== undefined) {
    const { message, class: errorClass, retryable } = classifyError(errorCode);
    return {
      error: new AuthCodeError(errorClass === 'declined' ? 'declined' : 'host', errorMessage ?? message, {
        code: errorCode,
        retryable,
      }),
    };
  }
  return {
    error: new AuthCodeError(
      'invalid-response',
      `The host's ${answer.via} answer had no auth code and no error (got ${payload.shape}).`,
    ),
  };
}
