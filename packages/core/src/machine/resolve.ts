import type { SealedCode } from '../credential/secret.js';
import { classifyError, UNREPORTED_SCOPE_CODE } from '../errors/errorCodes.js';
import { AuthCodeError, describeReason } from '../errors/errors.js';
import { explain } from '../errors/messages.js';
import type { AuthCodeRequest, Scope } from '../types.js';
import { readPayload, type HostAnswer, type HostPayload, type SealedGrant } from './hostAnswer.js';

export type Resolution =
  { grant: SealedGrant; error?: undefined } | { grant?: undefined; error: AuthCodeError };

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
      error: new AuthCodeError('scope', explain('required-denied', listCodes(denied, missing)), {
        scopes: Object.fromEntries(denied),
        code: error,
      }),
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
      error: new AuthCodeError('host', explain('host-threw', describeReason(answer.error)), {
        cause: answer.error,
      }),
    };
  }

  const payload = readPayload(answer.payload);
  const { deniedScopes, error: errorCode, errorMessage } = payload;
  if (answer.via !== 'fail' && payload.authCode) return resolveGrant(payload.authCode, payload, request);
  const denied = new Map(Object.entries(deniedScopes));
  if (denied.size > 0) {
    return {
      error: new AuthCodeError('scope', explain('scopes-denied', listCodes(denied)), {
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
    error: new AuthCodeError('invalid-response', explain('empty-answer', answer.via, payload.shape)),
  };
}
