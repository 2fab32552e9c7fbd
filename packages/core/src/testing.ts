/**
 * `@authcode/core/testing`: hosts for building and testing outside a super app.
 * `createSimulatedHost` answers like a real host, with timers; `createScriptedHost` does exactly
 * what a test tells it, step by step. `findHost` says whether a real host is there.
 */
export { createSimulatedHost, simulatedAnswers } from './testHosts/simulatedHost.js';
export type {
  SimulatedAnswer,
  SimulatedHost,
  SimulatedHostOptions,
  SimulatedRequest,
} from './testHosts/simulatedHost.js';
export { createScriptedHost } from './testHosts/scriptedHost.js';
export type {
  HostScript,
  ScriptedHost,
  ScriptedHostOptions,
  ScriptedReply,
} from './testHosts/scriptedHost.js';
export { findHost } from './machine/host.js';
