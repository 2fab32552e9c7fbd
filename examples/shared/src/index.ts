export { syncModal } from './dialog';
export {
  SILENT_HOST_TIMEOUT_MS,
  errorCodeOf,
  hostErrorCodes,
  hostErrorOptions,
  hostModeOptions,
  isHostMode,
  timeoutFor,
} from './hostModes';
export type { HostMode, HostModeOption } from './hostModes';
export { isInspectorRequested, loadInspector } from './inspector';
export type { MaskedInspector } from './inspector';
export {
  SESSION_PATH,
  createSessionExchange,
  detectMerchantServer,
  readSession,
  signOut,
} from './merchantSession';
export type { FetchLike, MerchantServer, MerchantSession, SessionExchange } from './merchantSession';
export { createMerchantSessionStore } from './merchantSessionStore';
export type { MerchantSessionState, MerchantSessionStore } from './merchantSessionStore';
export { NO_ERROR_CODE_TEXT, describeStatus, isAuthorizePrimary, listScopeCodes } from './presentation';
export type { ScopeCodeRow } from './presentation';
export { revealResult } from './reveal';
export { retryActionFor } from './retryAction';
export type { RetryAction } from './retryAction';
export {
  featuredScopes,
  initialSelection,
  moreScopes,
  scopeTitle,
  toggleRequested,
  toggleRequired,
} from './scopeChoices';
export type { ScopeSelection } from './scopeChoices';
export {
  SERVER_UNREACHABLE,
  SessionError,
  UNEXPECTED_RESPONSE,
  sessionErrorFrom,
  sessionErrorOf,
} from './sessionError';
export { DENIED_SCOPE_CODE, WALLET_FAILURE_CODE, createSimulatedSuperApp } from './simulatedSuperApp';
export type {
  ConsentSheet,
  SimulatedSuperApp,
  SimulatedSuperAppOptions,
  SimulatedSuperAppState,
} from './simulatedSuperApp';
export { isInsideSuperApp } from './superAppHost';
export { readTestHooks } from './testHooks';
export type { ExampleTestHooks } from './testHooks';
export { WALLET_CONSENT_PATH, createWalletCodeSource } from './walletConsent';
export type { WalletCodeSource, WalletConsent } from './walletConsent';
export { webViewHostIfAsked } from './webViewPage';
