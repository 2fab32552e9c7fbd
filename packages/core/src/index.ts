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
export { createCommands } from './commands.js';
export type { AuthCodeCommands } from './commands.js';
export type { AuthCodeActorRef } from './flow.js';
export { requestAuthCode } from './requestAuthCode.js';
export type { AuthCodeResult } from './requestAuthCode.js';
export { AuthCodeError, isAuthCodeError } from './errors.js';
export type { AuthCodeErrorKind, AuthCodeErrorOptions } from './errors.js';
export { classifyError, hostErrorCodes, UNREPORTED_SCOPE_CODE } from './errorCodes.js';
export type { ErrorClass, ErrorClassification } from './errorCodes.js';
export { describeError, errorCatalogue } from './errorCatalogue.js';
export type { ErrorDescription } from './errorCatalogue.js';
export { scopeCatalogue, knownScopes, describeScope } from './scopes.js';
export type { KnownScope } from './scopes.js';
export { findHost } from './host.js';
export { prepareRequest } from './request.js';
export { resolveAnswer } from './resolve.js';
export type { HostAnswer, HostEvent, HostCallInput } from './host.js';
export type { ExchangeEvent, ExchangeInput } from './exchange.js';
export { fromResumable } from './resumable.js';
export type { Resolution } from './resolve.js';
export { createSimulatedHost, simulatedAnswers } from './simulatedHost.js';
export type {
  SimulatedAnswer,
  SimulatedHost,
  SimulatedHostOptions,
  SimulatedRequest,
} from './simulatedHost.js';
export { maskAuthCode, maskAuthCodes } from './mask.js';
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
  Scope,
} from './types.js';
