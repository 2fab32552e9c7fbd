import { AuthCodeError } from './errors';
import type { AuthCodeInput, AuthCodeRequest, Scope } from './types';

export type PreparedRequest =
  { request: AuthCodeRequest; error?: undefined } | { request?: undefined; error: AuthCodeError };

interface RequestParts {
  scopes?: readonly Scope[] | undefined;
  required?: readonly Scope[] | undefined;
}

const invalid = (message: string): PreparedRequest => ({
  error: new AuthCodeError('invalid-request', message),
});

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** Checks a list of scope names and returns it de-duplicated in order, or says what is wrong. */
function readScopeList(value: unknown, name: 'scopes' | 'required'): Scope[] | string {
  if (!Array.isArray(value)) {
    return `\`${name}\` must be an array of scope names; got ${describeValue(value)}.`;
  }
  const seen = new Set<string>();
  for (const [index, scope] of value.entries()) {
    if (typeof scope !== 'string' || scope === '') {
      return `\`${name}[${index}]\` must be a non-empty string; got ${describeValue(scope)}.`;
    }
    if (scope.trim() !== scope) {
      return `\`${name}[${index}]\` ${JSON.stringify(scope)} has surrounding whitespace; scope names are exact.`;
    }
    seen.add(scope);
  }
  return [...seen];
}

/**
 * Turns a REQUEST into a validated request. A REQUEST that names its own scopes brings its own
 * `required` (default: all of its scopes); one that names none uses the input's scopes and required.
 */
export function prepareRequest(event: RequestParts, input: AuthCodeInput<unknown>): PreparedRequest {
  const ownScopes = event.scopes !== undefined;
  const scopesValue = ownScopes ? event.scopes : input.scopes;
  const requiredValue = ownScopes ? event.required : input.required;

  if (scopesValue === undefined) {
    return invalid('No scopes to request: pass `scopes` in the REQUEST event or in the machine input.');
  }
  const scopes = readScopeList(scopesValue, 'scopes');
  if (typeof scopes === 'string') return invalid(scopes);
  if (scopes.length === 0) {
    return invalid("`scopes` is empty: ask for at least one scope, for example ['USER_LOGIN_ID'].");
  }

  let required = scopes;
  if (requiredValue !== undefined) {
    const list = readScopeList(requiredValue, 'required');
    if (typeof list === 'string') return invalid(list);
    const unknown = list.filter((scope) => !scopes.includes(scope));
    if (unknown.length > 0) {
      return invalid(
        `Required scope${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not among the requested scopes (${scopes.join(', ')}).`,
      );
    }
    required = list;
  }

  const { timeoutMs, exchange } = input;
  if (
    timeoutMs !== undefined &&
    !(typeof timeoutMs === 'number' && timeoutMs >= 0 && timeoutMs <= 2 ** 31 - 1)
  ) {
    return invalid(
      `\`timeoutMs\` must be a number of milliseconds from 0 (no timeout) to 2147483647; got ${describeValue(timeoutMs)}.`,
    );
  }
  if (exchange !== undefined && typeof exchange !== 'function') {
    return invalid(`\`exchange\` must be a function that returns a promise; got ${describeValue(exchange)}.`);
  }

  return { request: { scopes, required } };
}
