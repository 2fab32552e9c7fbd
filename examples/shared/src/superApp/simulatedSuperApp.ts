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

/** What the sheet answers when its wallet issued no code: "the host could not reach its servers". */
export const WALLET_FAILURE_CODE = 12;

/** What the user allowed on the sheet. */
export interface WalletConsent {
  readonly scopes: readonly Scope[];
}

/** Asks the wallet for a new single-use code when the user allows; rejects without ever quoting one. */
export type WalletCodeSource = (consent: WalletConsent) => Promise<string>;

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
  /**
   * Gets each code from a wallet when the user allows (`createWalletCodeSource()` with the full-stack
   * server), for the scopes the user left ticked. Replaces `createCode`; a failure answers error 12.
   */
  issueCode?: WalletCodeSource;
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
  let answerSheet: ((answer: SimulatedAnswer | Promise<SimulatedAnswer>) => void) | undefined;
  const listeners = new Set<() => void>();
  // Codes the wallet issued, in the order their answers settle: the host takes one per grant.
  const issuedCodes: string[] = [];

  const setState = (next: SimulatedSuperAppState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const closeSheet = (answer: SimulatedAnswer | Promise<SimulatedAnswer>) => {
    const answerCall = answerSheet;
    answerSheet = undefined;
    setState({ ...state, sheet: undefined });
    answerCall?.(answer);
  };

  const host = createSimulatedHost({
    delayMs: options.delayMs ?? 250,
    ...(options.issueCode
      ? { createCode: () => issuedCodes.shift()! }
      : options.createCode
        ? { createCode: options.createCode }
        : {}),
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

  /**
   * A grant waits for the wallet's code; the host then takes it from `issuedCodes`. The code is
   * queued in the same step that settles the answer, so each grant gets the code asked for it.
   */
  const withWalletCode = async (
    issueCode: WalletCodeSource,
    answer: Extract<SimulatedAnswer, { kind: 'grant' }>,
    sheet: ConsentSheet,
  ): Promise<SimulatedAnswer> => {
    const denied = Object.keys(answer.denied ?? {});
    const granted = sheet.scopes.filter((scope) => !denied.includes(scope));
    try {
      issuedCodes.push(await issueCode({ scopes: granted }));
      return answer;
    } catch {
      return simulatedAnswers.fail(WALLET_FAILURE_CODE);
    }
  };

  const answerOpenSheet = (answer: (sheet: ConsentSheet) => SimulatedAnswer) => () => {
    const { sheet } = state;
    if (!sheet) return;
    const decided = answer(sheet);
    // The sheet closes at once, as a super app's does; the flow keeps waiting for the code.
    closeSheet(
      decided.kind === 'grant' && options.issueCode
        ? withWalletCode(options.issueCode, decided, sheet)
        : decided,
    );
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
