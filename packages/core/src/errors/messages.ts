/**
 * Every message the core writes, by id, with the facts it names. Development builds spell each one
 * out; production builds say `<id>: <facts>` (`bad-scope: scopes[2] ""`), so that apps do not ship
 * the prose. `messageCatalogue` (`@authcode/core/catalogue`) explains each id at run time. Facts are
 * scope names, codes, indexes, values and limits: never an auth code.
 */

/** The facts each message names, in the order a production message lists them. */
export interface MessageFacts {
  'no-scopes': [];
  'not-a-list': [option: string, value: string];
  'bad-scope': [entry: string, value: string];
  'empty-scopes': [];
  'required-not-requested': [required: readonly string[], requested: readonly string[]];
  'bad-duration': [option: string, value: string];
  'bad-exchange': [value: string];
  'unreadable-request': [];
  'unreadable-input': [reason: string];
  'no-host': [];
  'bad-host': [];
  'host-threw': [reason: string];
  'scopes-denied': [scopes: string];
  'required-denied': [scopes: string];
  'empty-answer': [callback: string, payload: string];
  'host-timeout': [limit: string];
  'exchange-failed': [reason: string];
  'exchange-timeout': [limit: string];
  'code-expired': [];
  'unreadable-reason': [];
}

export type MessageId = keyof MessageFacts;

type Templates = { readonly [Id in MessageId]: (...facts: MessageFacts[Id]) => string };

/** The development messages: what the catalogue explains, and development builds say. */
export const messageTemplates: Templates = {
  'no-scopes': () => 'No scopes to request: pass `scopes` in the REQUEST event or in the machine input.',
  'not-a-list': (option, value) => `\`${option}\` must be an array of scope names, not ${value}.`,
  'bad-scope': (entry, value) =>
    `\`${entry}\` must be a scope name (a non-empty string without spaces around it), not ${value}.`,
  'empty-scopes': () => '`scopes` is empty: ask for at least one scope.',
  'required-not-requested': (required, requested) =>
    `Required scopes must be requested too: ${required.join(', ')} not in ${requested.join(', ')}.`,
  'bad-duration': (option, value) =>
    `\`${option}\` must be 0 (no limit) or a number of milliseconds, not ${value}.`,
  'bad-exchange': (value) =>
    `\`exchange\` must be made by createExchange() from @authcode/core/exchange, not ${value}.`,
  'unreadable-request': () => 'The request could not be read: a scope list or an option threw when read.',
  'unreadable-input': (reason) => `The input could not be read: ${reason}`,
  'no-host': () =>
    'No super-app host: there is no global `my` with a getAuthCode function. Outside a super app, pass `host` in the input (for example createSimulatedHost()).',
  'bad-host': () => 'The `host` given in the input has no getAuthCode function.',
  'host-threw': (reason) => `The host threw when asked for an auth code: ${reason}`,
  'scopes-denied': (scopes) => `The host denied ${scopes} and issued no auth code.`,
  'required-denied': (scopes) => `The host did not grant required scopes: ${scopes}.`,
  'empty-answer': (callback, payload) =>
    `The host's ${callback} answer had no auth code and no error (got ${payload}).`,
  'host-timeout': (limit) => `The host did not answer within ${limit}.`,
  'exchange-failed': (reason) => `Exchanging the auth code failed: ${reason}`,
  'exchange-timeout': (limit) => `The exchange did not settle within ${limit}.`,
  'code-expired': () => 'The auth code is no longer held: ask the host again.',
  // Stands in for a reason (a throwing getter, a proxy) inside other messages.
  'unreadable-reason': () => 'a reason that could not be read',
};

/** The message `id` names with `facts`: prose in development builds, `<id>: <facts>` in production. */
export function explain<Id extends MessageId>(id: Id, ...facts: MessageFacts[Id]): string {
  // Bundlers replace `process.env.NODE_ENV`: production bundles fold this to the short form and drop
  // `messageTemplates` unless the catalogue is imported. No `process` at all (a mini program's logic
  // layer) reads as production too.
  return typeof process === 'object' && process.env.NODE_ENV !== 'production'
    ? (messageTemplates[id] as (...facts: MessageFacts[Id]) => string)(...facts)
    : facts.length
      ? `${id}: ${facts.join(' ')}`
      : id;
}
