export { authCodeMachine, DEFAULT_TIMEOUT_MS } from './machine';
export type { AuthCodeMachine, AuthCodeContext } from './machine';
export { toView, viewEquals, isSettled } from './view';
export type { AuthCodeView, AuthCodeSnapshot } from './view';
export { requestFlow, waitForSettled } from './flow';
export type { AuthCodeActorRef } from './flow';
export { requestAuthCode } from './requestAuthCode';
export type { AuthCodeResult } from './requestAuthCode';
export { AuthCodeError, isAuthCodeError } from './errors';
export type { AuthCodeErrorKind, AuthCodeErrorOptions } from './errors';
export { classifyError, hostErrorCodes, UNREPORTED_SCOPE_CODE } from './errorCodes';
export type { ErrorClass, ErrorClassification } from './errorCodes';
export { describeError, errorCatalogue } from './errorCatalogue';
export type { ErrorDescription } from './errorCatalogue';
export { scopeCatalogue, knownScopes, describeScope } from './scopes';
export type { KnownScope } from './scopes';
export { findHost } from './host';
export { prepareRequest } from './request';
export { resolveAnswer } from './resolve';
export type { HostAnswer, HostEvent, HostCallInput } from './host';
export type { ExchangeEvent, ExchangeInput } from './exchange';
export { fromResumable } from './resumable';
export type { Resolution } from './resolve';
export { createSimulatedHost, simulatedAnswers } from './simulatedHost';
export type { SimulatedAnswer, SimulatedHost, SimulatedHostOptions, SimulatedRequest } from './simulatedHost';
export { maskAuthCode, maskAuthCodes } from './mask';
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
} from './types';
