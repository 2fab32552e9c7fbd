import type { Scope } from '@authcode/core';
import {
  createSimulatedHost,
  simulatedAnswers,
  type SimulatedAnswer,
  type SimulatedHost,
} from '@authcode/core/testing';
import { errorCodeOf, type HostMode } from './hostModes';

/** The per-scope code the sheet reports for a scope the user unticked, as DANA does. */
export const DENIED_SCOPE_CODE = '40006';

/** The consent sheet of one getAuthCode call: what it asks for and what the user still allows. */
export interface ConsentSheet {
  readonly id: number;
  readonly scopes: readonly Scope[];
  readonly allowed: readonly Scope[];
}

export interface SimulatedSuperAppState {
  readonly mode: HostMode;
  /** Open while the host waits for the user; the page shows it while its flow is `consenting`. */
  readonly sheet: ConsentSheet | undefined;
}

export interface SimulatedSuperAppOptions {
  /** Delay before the host opens its sheet or answers, in ms. */
  delayMs?: number;
  /** Makes each auth code; tests pass one to know the codes. */
  createCode?: () => string;
}

/**
 * A super app for a normal browser: a simulated host whose consent sheet is the page's own UI.
 * Framework-free; each example renders `getState()` and calls the answer methods.
 */
export interface SimulatedSuperApp {
  /** Pass it as the flow's `host`. */
  readonly host: SimulatedHost;
  getState(): SimulatedSuperAppState;
  /** Calls `listener` after every change; returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void;
  /** How the host answers its next call. */
  setMode(mode: HostMode): void;
  /** Ticks or unticks one scope of the open sheet. */
  toggleScope(scope: Scope): void;
  allowAll(): void;
  /** Grants the ticked scopes and denies the others with 40006; with none ticked, no code is issued. */
  allowSelected(): void;
  /** The user refuses: code 11. */
  decline(): void;
}

function denyAll(scopes: readonly Scope[]): Record<string, string> {
  return Object.fromEntries(scopes.map((scope) => [scope, DENIED_SCOPE_CODE]));
}

export function createSimulatedSuperApp(options: SimulatedSuperAppOptions = {}): SimulatedSuperApp {
  let state: SimulatedSuperAppState = { mode: 'sheet', sheet: undefined };
  let sheetCount = 0;
  let answerSheet: ((answer: SimulatedAnswer) => void) | undefined;
  const listeners = new Set<() => void>();

  const setState = (next: SimulatedSuperAppState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const closeSheet = (answer: SimulatedAnswer) => {
    const answerCall = answerSheet;
    answerSheet = undefined;
    setState({ ...state, sheet: undefined });
    answerCall?.(answer);
  };

  const host = createSimulatedHost({
    delayMs: options.delayMs ?? 250,
    ...(options.createCode ? { createCode: options.createCode } : {}),
    answer: (request) => {
      // A sheet still open here belongs to a flow that was cancelled or timed out: it never answers.
      if (state.sheet) closeSheet(simulatedAnswers.silence());
      if (state.mode === 'timeout') return simulatedAnswers.silence();
      const errorCode = errorCodeOf(state.mode);
      if (errorCode !== undefined) return simulatedAnswers.fail(Number(errorCode));
      return new Promise<SimulatedAnswer>((resolve) => {
        answerSheet = resolve;
        sheetCount += 1;
        setState({ ...state, sheet: { id: sheetCount, scopes: request.scopes, allowed: request.scopes } });
      });
    },
  });

  const answerOpenSheet = (answer: (sheet: ConsentSheet) => SimulatedAnswer) => () => {
    if (state.sheet) closeSheet(answer(state.sheet));
  };

  return {
    host,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setMode(mode) {
      if (mode !== state.mode) setState({ ...state, mode });
    },
    toggleScope(scope) {
      const { sheet } = state;
      if (!sheet || !sheet.scopes.includes(scope)) return;
      const allowed = sheet.allowed.includes(scope)
        ? sheet.allowed.filter((item) => item !== scope)
        : sheet.scopes.filter((item) => item === scope || sheet.allowed.includes(item));
      setState({ ...state, sheet: { ...sheet, allowed } });
    },
    allowAll: answerOpenSheet(() => simulatedAnswers.grant()),
    allowSelected: answerOpenSheet(({ scopes, allowed }) => {
      const denied = scopes.filter((scope) => !allowed.includes(scope));
      if (allowed.length === 0) return simulatedAnswers.deny(denyAll(denied));
      return denied.length === 0 ? simulatedAnswers.grant() : simulatedAnswers.grant(denyAll(denied));
    }),
    decline: answerOpenSheet(() => simulatedAnswers.decline()),
  };
}
