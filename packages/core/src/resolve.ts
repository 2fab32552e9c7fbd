import { AuthCodeError, describeError, UNREPORTED_SCOPE_CODE } from './errors';
import type { HostAnswer } from './host';
import type { AuthCodeGrant, AuthCodeRequest, Scope } from './types';

export type Resolution =
  { grant: AuthCodeGrant; error?: undefined } | { grant?: undefined; error: AuthCodeError };

/** The fields of a host payload that could be read; anything malformed is left out. */
interface HostPayload {
  authCode?: string;
  successScopes?: string[];
  errorScopes: Record<string, string>;
  errorCode?: string;
  errorMessage?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readPayload(payload: unknown): HostPayload {
  const read: HostPayload = { errorScopes: {} };
  if (!isRecord(payload)) return read;
  const { authCode, authSuccessScopes, authErrorScopes, error, errorMessage } = payload;

  if (typeof authCode === 'string' && authCode.trim() !== '') read.authCode = authCode;
  if (Array.isArray(authSuccessScopes)) {
    const scopes = [
      ...new Set(authSuccessScopes.filter((s): s is string => typeof s === 'string' && s !== '')),
    ];
    // An empty list says nothing; it is read like a missing one.
    if (scopes.length > 0) read.successScopes = scopes;
  }
  if (isRecord(authErrorScopes)) {
    for (const [scope, code] of Object.entries(authErrorScopes)) {
      if (typeof code === 'string' || (typeof code === 'number' && Number.isFinite(code))) {
        read.errorScopes[scope] = String(code);
      }
    }
  }
  if ((typeof error === 'number' && Number.isFinite(error)) || (typeof error === 'string' && error !== '')) {
    read.errorCode = String(error);
  }
  if (typeof errorMessage === 'string' && errorMessage.trim() !== '') read.errorMessage = errorMessage;
  return read;
}

/** Names what a payload looked like, without its values (it may hold a code). */
function describeShape(payload: unknown): string {
  if (payload === undefined || payload === null) return String(payload);
  if (Array.isArray(payload)) return 'an array';
  if (!isRecord(payload)) return `a ${typeof payload}`;
  const keys = Object.keys(payload);
  return keys.length === 0 ? 'an empty object' : `an object with ${keys.join(', ')}`;
}

function listScopeCodes(scopes: readonly Scope[], codes: Record<string, string>): string {
  return scopes
    .map((scope) => {
      const code = codes[scope];
      return code === undefined ? scope : `${scope} (${code}: ${describeError(code).message.toLowerCase()})`;
    })
    .join(', ');
}

function scopeError(
  message: string,
  scopes: Record<string, string>,
  code: string | undefined,
): AuthCodeError {
  return new AuthCodeError('scope', message, code === undefined ? { scopes } : { scopes, code });
}

function resolveGrant(authCode: string, read: HostPayload, request: AuthCodeRequest): Resolution {
  const denied = { ...read.errorScopes };
  const isDenied = (scope: string) => Object.prototype.hasOwnProperty.call(denied, scope);
  const listed = read.successScopes;

  let granted: Scope[];
  if (listed) {
    // A scope the host lists both ways is not counted as granted.
    const extras = listed.filter((scope) => !request.scopes.includes(scope) && !isDenied(scope));
    granted = [...request.scopes.filter((scope) => listed.includes(scope) && !isDenied(scope)), ...extras];
    for (const scope of request.scopes) {
      if (!granted.includes(scope) && !isDenied(scope)) denied[scope] = UNREPORTED_SCOPE_CODE;
    }
  } else {
    granted = request.scopes.filter((scope) => !isDenied(scope));
  }

  const missing = request.required.filter((scope) => !granted.includes(scope));
  if (missing.length > 0) {
    return {
      error: scopeError(
        `The host did not grant the required scope${missing.length > 1 ? 's' : ''} ${listScopeCodes(missing, denied)}.`,
        denied,
        read.errorCode,
      ),
    };
  }
  return { grant: { authCode, grantedScopes: granted, deniedScopes: denied, scopes: request.scopes } };
}

const emptyAnswerMessages = {
  success: 'The host reported success without an auth code or any error',
  fail: 'The host reported a failure without an error code or per-scope errors',
  complete: 'The host completed without an auth code or any error',
} as const;

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

  const read = readPayload(answer.payload);
  if (answer.via !== 'fail' && read.authCode !== undefined) return resolveGrant(read.authCode, read, request);

  const deniedScopes = Object.keys(read.errorScopes);
  if (deniedScopes.length > 0) {
    return {
      error: scopeError(
        `The host denied ${listScopeCodes(deniedScopes, read.errorScopes)} and issued no auth code.`,
        read.errorScopes,
        read.errorCode,
      ),
    };
  }

  if (read.errorCode !== undefined) {
    const description = describeError(read.errorCode);
    return {
      error: new AuthCodeError(
        description.class === 'declined' ? 'declined' : 'host',
        read.errorMessage ?? description.message,
        { code: read.errorCode, retryable: description.retryable },
      ),
    };
  }

  return {
    error: new AuthCodeError(
      'invalid-response',
      `${emptyAnswerMessages[answer.via]} (received ${describeShape(answer.payload)}).`,
    ),
  };
}
