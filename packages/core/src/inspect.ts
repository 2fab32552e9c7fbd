// The inspector anywhere, masked: an adapter for `@statelyai/inspect`'s createInspector over the
// platform's socket. This entry never imports `@statelyai/inspect`; see docs/recipes/inspector-*.md.
export { createInspectorAdapter } from './inspection/inspectorAdapter.js';
export type { InspectorAdapter, InspectorAdapterOptions } from './inspection/inspectorAdapter.js';
export {
  connectMiniProgramSocket,
  connectPlatformSocket,
  connectWebSocket,
} from './inspection/inspectorSocket.js';
export type {
  ConnectInspectorSocket,
  InspectorSocket,
  InspectorSocketHandlers,
} from './inspection/inspectorSocket.js';
