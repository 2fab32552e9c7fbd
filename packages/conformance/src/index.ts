export { commandsFlow, createStatusLog } from './driver';
export type { AdapterDriver, MountedFlow } from './driver';
export { scenarios, scenarioScopes } from './scenarios';
export type { Scenario } from './scenarios';
export { describeConformance } from './suite';
export { coreDriver } from './coreDriver';
export { createPostMessageChannel, readSecretFromSrc, webViewDriver } from './webViewDriver';
