import { classifyError, UNREPORTED_SCOPE_CODE } from '../errors/errorCodes.js';
import { AuthCodeError, describeReason } from '../errors/errors.js';
import { explain } from '../errors/messages.js';
import type { AuthCodeRequest, Scope } from '../types.js';
import { readPayload, type HostAnswer, type SealedGrant } from './hostAnswer.js';

export type Resolution =
  { grant: SealedGrant; error?: undefined } | { grant?: undefined; error: AuthCodeError };

const listCodes = (codes: ReadonlyMap<string, string>, scopes: Iterable<Scope> = codes.keys()) =>
  Array.from(scopes, (scope) => `${scope} (${codes.get(scope) ?? 'no code'})`).join(', ');

const failure = (...error: ConstructorParameters<typeof AuthCodeError>): Resolution => ({
  error: new AuthCodeError(...error),
});

/**
 * Reads a host's first answer into a grant or a typed error. Success needs a non-empty auth code
 * and every required scope granted; optional scopes may be denied. A `fail` never yields a grant.
 */
export function resolveAnswer(answer: HostAnswer, { scopes, required }: AuthCodeRequest): Resolution {
  if (answer.via === 'throw') {
    const { error } = answer;
    return failure('host', explain('host-threw', describeReason(error)), { cause: error });
  }

  const {
    authCode,
    successScopes,
    deniedScopes,
    error: code,
    errorMessage,
    shape,
  } = readPayload(answer.payload);
  const denied = new Map(Object.entries(deniedScopes));
  if (answer.via !== 'fail' && authCode) {
    // An empty or missing list says nothing: then every requested scope not denied counts as granted.
    // Sets, not `includes`: a flow stays linear in its scope count (docs/budgets.md).
    const reported = new Set(successScopes);
    const listed = reported.size ? [...scopes.filter((scope) => reported.has(scope)), ...reported] : scopes;
    const granted = new Set(listed.filter((scope) => !denied.has(scope)));
    for (const scope of scopes) {
      if (!granted.has(scope) && !denied.has(scope)) denied.set(scope, UNREPORTED_SCOPE_CODE);
    }
    const missing = required.filter((scope) => !granted.has(scope));
    return missing.length
      ? failure('scope', explain('required-denied', listCodes(denied, missing)), {
          scopes: Object.fromEntries(denied),
          code,
        })
      : {
          grant: { authCode, grantedScopes: [...granted], deniedScopes: Object.fromEntries(denied), scopes },
        };
  }
  if (denied.size) {
    return failure('scope', explain('scopes-denied', listCodes(denied)), { scopes: deniedScopes, code });
  }
  if (code !== undefined) {
    const { message, class: errorClass, retryable } = classifyError(code);
    return failure(errorClass === 'declined' ? 'declined' : 'host', errorMessage ?? message, {
      code,
      retryable,
    });
  }
  return failure('invalid-response', explain('empty-answer', answer.via, shape));
}
