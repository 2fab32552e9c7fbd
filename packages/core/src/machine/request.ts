import { AuthCodeError } from '../errors/errors.js';
import type { AuthCodeInput, AuthCodeRequest, Scope } from '../types.js';

export type PreparedRequest =
  { request: AuthCodeRequest; error?: undefined } | { request?: undefined; error: AuthCodeError };

interface RequestParts {
  scopes?: readonly Scope[] | undefined;
  required?: readonly Scope[] | undefined;
}

const invalid = (message: string): PreparedRequest => ({
  error: new AuthCodeError('invalid-request', message),
});

// Never throws, whatever it is given (a symbol, an object without a prototype).
const describeValue = (value: unknown) =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object' && value !== null
        ? 'an object'
        : typeof value === 'symbol'
          ? 'a symbol'
          : String(value);

/** Checks a list of scope names and returns it de-duplicated in order, or says what is wrong. */
function readScopeList(value: unknown, name: string): Scope[] | string {
  if (!Array.isArray(value))
    return `\`${name}\` must be an array of scope names, not ${describeValue(value)}.`;
  for (const [index, scope] of value.entries()) {
    // Scope names are exact: a stray space would ask the host for a scope that does not exist.
    if (typeof scope !== 'string' || scope === '' || scope.trim() !== scope) {
      return `\`${name}[${index}]\` must be a scope name (a non-empty string without spaces around it), not ${describeValue(scope)}.`;
    }
  }
  return [...new Set<Scope>(value)];
}

/**
 * Turns a REQUEST into a validated request. A REQUEST that names its own scopes brings its own
 * `required` (default: all of its scopes); one that names none uses the input's scopes and required.
 */
export function prepareRequest(event: RequestParts, input: AuthCodeInput<unknown>): PreparedRequest {
  try {
    return readRequest(event, input);
  } catch {
    // A throwing getter or proxy in the event or the input: a typed failure, not an actor error.
    return invalid('The request could not be read: a scope list or an option threw when read.');
  }
}

function readRequest(event: RequestParts, input: AuthCodeInput<unknown>): PreparedRequest {
  // Each field read once: a getter or proxy sees one read per validation.
  const { scopes: eventScopes, required: eventRequired } = event;
  const ownScopes = eventScopes !== undefined;
  const scopesValue = ownScopes ? eventScopes : input.scopes;
  const requiredValue = ownScopes ? eventRequired : input.required;

  if (scopesValue === undefined) {
    return invalid('No scopes to request: pass `scopes` in the REQUEST event or in the machine input.');
  }
  const scopes = readScopeList(scopesValue, 'scopes');
  if (typeof scopes === 'string') return invalid(scopes);
  if (scopes.length === 0) return invalid('`scopes` is empty: ask for at least one scope.');

  const required = requiredValue === undefined ? scopes : readScopeList(requiredValue, 'required');
  if (typeof required === 'string') return invalid(required);
  const requested = new Set(scopes);
  const unrequested = required.filter((scope) => !requested.has(scope));
  if (unrequested.length > 0) {
    return invalid(
      `Required scopes must be requested too: ${unrequested.join(', ')} not in ${scopes.join(', ')}.`,
    );
  }

  for (const name of ['timeoutMs', 'codeLifetimeMs', 'exchangeTimeoutMs'] as const) {
    const ms = input[name];
    // setTimeout overflows at 2^31 ms and would fire at once.
    if (ms !== undefined && !(typeof ms === 'number' && ms >= 0 && ms < 2 ** 31)) {
      return invalid(
        `\`${name}\` must be 0 (no limit) or a number of milliseconds, not ${describeValue(ms)}.`,
      );
    }
  }
  const { exchange } = input;
  if (exchange !== undefined && typeof exchange !== 'function') {
    return invalid(`\`exchange\` must be a function, not ${describeValue(exchange)}.`);
  }
  return { request: { scopes, required } };
}
