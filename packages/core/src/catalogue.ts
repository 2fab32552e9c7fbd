/**
 * `@authcode/core/catalogue`: what host error codes, production messages and scopes mean, for
 * screens and logs. Apart from the root entry, so that an app that never shows them does not ship
 * their text.
 */
export { classifyError } from './errors/errorCodes.js';
export type { ErrorClass, ErrorClassification } from './errors/errorCodes.js';
export { describeError, errorCatalogue } from './errors/errorCatalogue.js';
export type { ErrorDescription } from './errors/errorCatalogue.js';
export { describeMessage, messageCatalogue } from './errors/messageCatalogue.js';
export type { MessageDescription, MessageId } from './errors/messageCatalogue.js';
export { scopeCatalogue, knownScopes, describeScope } from './scopes.js';
export type { KnownScope } from './scopes.js';
