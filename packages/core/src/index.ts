/**
 * `@authcode/core`: the flow and what an app or adapter needs to run it. Error and scope
 * descriptions are in `@authcode/core/catalogue`, test hosts in `@authcode/core/testing`.
 */
export {
  authCodeMachine,
  DEFAULT_CODE_LIFETIME_MS,
  DEFAULT_EXCHANGE_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
} from './machine.js';
export type { AuthCodeMachine, AuthCodeContext } from './machine.js';
export { toView, viewEquals } from './view.js';
export type { AuthCodeView, AuthCodeSnapshot } from './view.js';
export { requestFlow, waitForSettled } from './flow.js';
export type { AuthCodeActorRef } from './flow.js';
export { createCommands } from './commands.js';
export type { AuthCodeCommands } from './commands.js';
export { requestAuthCode } from './requestAuthCode.js';
export type { AuthCodeResult } from './requestAuthCode.js';
export { AuthCodeError, isAuthCodeError } from './errors.js';
export type { AuthCodeErrorKind, AuthCodeErrorOptions } from './errors.js';
export { maskAuthCode, maskAuthCodes } from './mask.js';
export type { KnownScope } from './scopes.js';
export type {
  AuthCodeEvent,
  AuthCodeGrant,
  AuthCodeHost,
  AuthCodeInput,
  AuthCodeRequest,
  AuthCodeStatus,
  ExchangeContext,
  GetAuthCodeFailResult,
  GetAuthCodeOptions,
  GetAuthCodeSuccessResult,
  HostCallContext,
  Scope,
} from './types.js';
