import { AuthCodeError } from './errors.js';
import { classifyError, UNREPORTED_SCOPE_CODE } from './errorCodes.js';
import type { HostAnswer } from './host.js';
import { own } from './own.js';
import type { AuthCodeGrant, AuthCodeRequest, Scope } from './types.js';

export type Resolution =
  { grant: AuthCodeGrant; error?: undefined } | { grant?: undefined; error: AuthCodeError };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFilled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** A code as this library reports it: hosts send numbers (`11`) or strings (`'40006'`). */
const readCode = (value: unknown): string | undefined =>
  isFilled(value) || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : undefined;

/** Per-scope codes; malformed entries are left out. */
function readScopeCodes(value: unknown): Record<string, string> {
  const codes: Record<string, string> = {};
  if (isRecord(value)) {
    for (const scope of Object.keys(value)) {
      const code = readCode(value[scope]);
      if (code !== undefined) codes[scope] = code;
    }
  }
  return codes;
}

const listCodes = (codes: Record<string, string>, scopes: readonly Scope[] = Object.keys(codes)) =>
  scopes.map((scope) => `${scope} (${own(codes, scope) ?? 'no code'})`).join(', ');

/** Names what a payload looked like, without its values: it may hold a code. */
function describeShape(payload: unknown): string {
  if (isRecord(payload)) return `an object with keys [${Object.keys(payload).join(', ')}]`;
  return Array.isArray(payload) ? 'an array' : payload === null ? 'null' : typeof payload;
}

function resolveGrant(
  authCode: string,
  listed: unknown,
  denied: Record<string, string>,
  errorCode: string | undefined,
  { scopes, required }: AuthCodeRequest,
): Resolution {
  const isDenied = (scope: Scope) => own(denied, scope) !== undefined;
  const successScopes = Array.isArray(listed) ? listed.filter(isFilled) : [];
  // An empty or missing list says nothing: then every requested scope not denied counts as granted.
  const granted = successScopes.length
    ? [...new Set([...scopes.filter((scope) => successScopes.includes(scope)), ...successScopes])]
    : scopes;
  const grantedScopes = granted.filter((scope) => !isDenied(scope));
  for (const scope of scopes) {
    if (!grantedScopes.includes(scope) && !isDenied(scope)) denied[scope] = UNREPORTED_SCOPE_CODE;
  }

  const missing = required.filter((scope) => !grantedScopes.includes(scope));
  if (missing.length > 0) {
    return {
      error: new AuthCodeError(
        'scope',
        `The host did not grant required scopes: ${listCodes(denied, missing)}.`,
        {
          scopes: denied,
          code: errorCode,
        },
      ),
    };
  }
  return { grant: { authCode, grantedScopes, deniedScopes: denied, scopes } };
}

/**
 * Reads a host's first answer into a grant or a typed error. Success needs a non-empty auth code
 * and every required scope granted; optional scopes may be denied. A `fail` never yields a grant.
 */
export function resolveAnswer(answer: HostAnswer, request: AuthCodeRequest): Resolution {
  if (answer.via === 'throw') {
    const reason = answer.error instanceof Error ? answer.error.message : String(answer.error);
    return {
      error: new AuthCodeError('host', `The host threw when asked for an auth code: ${reason}`, {
        cause: answer.error,
      }),
    };
  }

  const payload = isRecord(answer.payload) ? answer.payload : {};
  const deniedScopes = readScopeCodes(payload.authErrorScopes);
  const errorCode = readCode(payload.error);
  if (answer.via !== 'fail' && isFilled(payload.authCode)) {
    return resolveGrant(payload.authCode, payload.authSuccessScopes, deniedScopes, errorCode, request);
  }
  if (Object.keys(deniedScopes).length > 0) {
    return {
      error: new AuthCodeError(
        'scope',
        `The host denied ${listCodes(deniedScopes)} and issued no auth code.`,
        {
          scopes: deniedScopes,
          code: errorCode,
        },
      ),
    };
  }
  if (errorCode !== undefined) {
    const { message, class: errorClass, retryable } = classifyError(errorCode);
    return {
      error: new AuthCodeError(
        errorClass === 'declined' ? 'declined' : 'host',
        isFilled(payload.errorMessage) ? payload.errorMessage : message,
        { code: errorCode, retryable },
      ),
    };
  }
  return {
    error: new AuthCodeError(
      'invalid-response',
      `The host's ${answer.via} answer had no auth code and no error (got ${describeShape(answer.payload)}).`,
    ),
  };
}
