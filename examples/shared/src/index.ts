export { syncModal } from './ui/dialog';
export {
  SILENT_HOST_TIMEOUT_MS,
  errorCodeOf,
  hostErrorCodes,
  hostErrorOptions,
  hostModeOptions,
  isHostMode,
  timeoutFor,
} from './superApp/hostModes';
export type { HostMode, HostModeOption } from './superApp/hostModes';
export { isInspectorRequested, loadInspector } from './ui/inspector';
export type { MaskedInspector } from './ui/inspector';
export {
  SESSION_PATH,
  createSessionExchange,
  detectMerchantServer,
  readSession,
  signOut,
} from './session/merchantSession';
export type { FetchLike, MerchantServer, MerchantSession, SessionExchange } from './session/merchantSession';
export { createMerchantSessionStore } from './session/merchantSessionStore';
export type { MerchantSessionState, MerchantSessionStore } from './session/merchantSessionStore';
export { NO_ERROR_CODE_TEXT, describeStatus, isAuthorizePrimary, listScopeCodes } from './ui/presentation';
export type { ScopeCodeRow } from './ui/presentation';
export { revealResult } from './ui/reveal';
export { retryActionFor } from './session/retryAction';
export type { RetryAction } from './session/retryAction';
export {
  featuredScopes,
  initialSelection,
  moreScopes,
  scopeTitle,
  toggleRequested,
  toggleRequired,
} from './ui/scopeChoices';
export type { ScopeSelection } from './ui/scopeChoices';
export {
  SERVER_UNREACHABLE,
  SessionError,
  UNEXPECTED_RESPONSE,
  sessionErrorFrom,
  sessionErrorOf,
} from './session/sessionError';
export {
  DENIED_SCOPE_CODE,
  WALLET_FAILURE_CODE,
  createSimulatedSuperApp,
} from './superApp/simulatedSuperApp';
export type {
  ConsentSheet,
  WalletCodeSource,
  WalletConsent,
  SimulatedSuperApp,
  SimulatedSuperAppOptions,
  SimulatedSuperAppState,
} from './superApp/simulatedSuperApp';
export { isInsideSuperApp } from './superApp/superAppHost';
export { readTestHooks } from './superApp/testHooks';
export type { ExampleTestHooks } from './superApp/testHooks';
export { WALLET_CONSENT_PATH, createWalletCodeSource } from './session/walletConsent';
export { webViewHostIfAsked } from './superApp/webViewPage';
