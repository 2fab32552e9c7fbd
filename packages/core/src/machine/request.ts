import { AuthCodeError } from '../errors/errors.js';
import { explain } from '../errors/messages.js';
import type { AuthCodeInput, AuthCodeRequest, Scope } from '../types.js';
import { isExchange } from './exchange.js';

export type PreparedRequest =
  { request: AuthCodeRequest; error?: undefined } | { request?: undefined; error: AuthCodeError };

interface RequestParts {
  scopes?: readonly Scope[] | undefined;
  required?: readonly Scope[] | undefined;
}

// Never throws, whatever it is given (a symbol, an object without a prototype).
const describeValue = (value: unknown) =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'object' && value !== null
        ? 'an object'
        : typeof value === 'symbol' || typeof value === 'function'
          ? `a ${typeof value}`
          : String(value);

/** Checks a list of scope names and returns it de-duplicated in order, or says what is wrong. */
function readScopeList(value: unknown, name: string): Scope[] | string {
  if (!Array.isArray(value)) return explain('not-a-list', name, describeValue(value));
  for (const [index, scope] of value.entries()) {
    // Scope names are exact: a stray space would ask the host for a scope that does not exist.
    if (typeof scope !== 'string' || scope === '' || scope.trim() !== scope) {
      return explain('bad-scope', `${name}[${index}]`, describeValue(scope));
    }
  }
  return [...new Set<Scope>(value)];
}

/**
 * Turns a REQUEST into a validated request. A REQUEST that names its own scopes brings its own
 * `required` (default: all of its scopes); one that names none uses the input's scopes and required.
 */
export function prepareRequest(event: RequestParts, input: AuthCodeInput<unknown>): PreparedRequest {
  let read: AuthCodeRequest | string;
  try {
    read = readRequest(event, input);
  } catch {
    // A throwing getter or proxy in the event or the input: a typed failure, not an actor error.
    read = explain('unreadable-request');
  }
  return typeof read === 'string' ? { error: new AuthCodeError('invalid-request', read) } : { request: read };
}

/** The validated request, or the message that says what is wrong with it. */
function readRequest(event: RequestParts, input: AuthCodeInput<unknown>): AuthCodeRequest | string {
  // Each field read once: a getter or proxy sees one read per validation.
  const { scopes: eventScopes, required: eventRequired } = event;
  const ownScopes = eventScopes !== undefined;
  const scopesValue = ownScopes ? eventScopes : input.scopes;
  const requiredValue = ownScopes ? eventRequired : input.required;

  if (scopesValue === undefined) return explain('no-scopes');
  const scopes = readScopeList(scopesValue, 'scopes');
  if (typeof scopes === 'string') return scopes;
  if (!scopes.length) return explain('empty-scopes');

  const required = requiredValue === undefined ? scopes : readScopeList(requiredValue, 'required');
  if (typeof required === 'string') return required;
  const requested = new Set(scopes);
  const unrequested = required.filter((scope) => !requested.has(scope));
  if (unrequested.length) return explain('required-not-requested', unrequested, scopes);

  for (const name of ['timeoutMs', 'codeLifetimeMs', 'exchangeTimeoutMs'] as const) {
    const ms = input[name];
    // setTimeout overflows at 2^31 ms and would fire at once.
    if (ms !== undefined && !(typeof ms === 'number' && ms >= 0 && ms < 2 ** 31)) {
      return explain('bad-duration', name, describeValue(ms));
    }
  }
  const { exchange } = input;
  return exchange !== undefined && !isExchange(exchange)
    ? explain('bad-exchange', describeValue(exchange))
    : { scopes, required };
}
