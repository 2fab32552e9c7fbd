/**
 * `@authcode/core`: the flow and what an app or adapter needs to run it. Error and scope
 * descriptions are in `@authcode/core/catalogue`, test hosts in `@authcode/core/testing`.
 */
export {
  authCodeMachine,
  DEFAULT_CODE_LIFETIME_MS,
  DEFAULT_EXCHANGE_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
} from './machine/machine.js';
export type { AuthCodeMachine, AuthCodeContext, AuthCodeStatus } from './machine/machine.js';
export { toView, viewEquals } from './view/view.js';
export type { AuthCodeView, AuthCodeSnapshot, HasExchange } from './view/view.js';
export { requestFlow, waitForSettled } from './view/flow.js';
export type { AuthCodeActorRef } from './view/flow.js';
export { createCommands } from './view/commands.js';
export type { AuthCodeCommands } from './view/commands.js';
export { requestAuthCode } from './view/requestAuthCode.js';
export type { AuthCodeGrantResult, AuthCodeResult, AuthCodeSessionResult } from './view/requestAuthCode.js';
export { AuthCodeError, isAuthCodeError } from './errors/errors.js';
export type { AuthCodeErrorKind, AuthCodeErrorOptions } from './errors/errors.js';
export { maskAuthCode, maskAuthCodes } from './credential/mask.js';
export { isServerRuntime } from './superApp/serverRuntime.js';
export type { KnownScope } from './scopes.js';
export type {
  AuthCodeEvent,
  AuthCodeExchange,
  AuthCodeGrant,
  AuthCodeHost,
  AuthCodeInput,
  AuthCodeRequest,
  ExchangeContext,
  ExchangeFunction,
  GetAuthCodeFailResult,
  GetAuthCodeOptions,
  GetAuthCodeSuccessResult,
  HostCallContext,
  HostSource,
  Scope,
} from './types.js';
