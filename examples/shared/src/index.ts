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
export { NO_ERROR_CODE_TEXT, describeStatus, isAuthorizePrimary, listScopeCodes } from './presentation';
export type { ScopeCodeRow } from './presentation';
export { revealResult } from './reveal';
export {
  featuredScopes,
  initialSelection,
  moreScopes,
  scopeTitle,
  toggleRequested,
  toggleRequired,
} from './scopeChoices';
export type { ScopeSelection } from './scopeChoices';
export { DENIED_SCOPE_CODE, createSimulatedSuperApp } from './simulatedSuperApp';
export type {
  ConsentSheet,
  SimulatedSuperApp,
  SimulatedSuperAppOptions,
  SimulatedSuperAppState,
} from './simulatedSuperApp';
export { isInsideSuperApp } from './superAppHost';
export { readTestHooks } from './testHooks';
export type { ExampleTestHooks } from './testHooks';
export { webViewHostIfAsked } from './webViewPage';
