/**
 * The host the playground's flow calls: the examples' simulated super app (its consent sheet, its
 * silent and failing modes), or the core's simulated host answering at once as the reader chose.
 * The behaviour is read when each call starts, so one flow can try one behaviour after another.
 */
import type { AuthCodeHost, GetAuthCodeOptions } from '@authcode/core';
import { createSimulatedHost, simulatedAnswers, type SimulatedAnswer } from '@authcode/core/testing';
import type { SimulatedSuperApp } from '@authcode/example-shared';
import type { HostBehaviour } from './hostBehaviour';

/** How long the host takes to answer, so that `consenting` can be seen. */
export const HOST_DELAY_MS = 400;
/** How long after its answer a faulty host calls back again. */
export const LATE_CALLBACK_MS = 1000;

export interface PlaygroundHostOptions {
  superApp: SimulatedSuperApp;
  behaviour: () => HostBehaviour;
  /** Makes each code (an end-to-end test passes one to know them); default: random. */
  createCode?: (() => string) | undefined;
  /** Told when the host does something the flow never sees as an event: a late second callback. */
  onHostNote: (note: string) => void;
}

/** The answer of an automatic behaviour; a denial of every scope asked for issues no code. */
function answerFor(behaviour: HostBehaviour, scopes: readonly string[]): SimulatedAnswer {
  switch (behaviour.kind) {
    case 'deny': {
      const denied = scopes.filter((scope) => behaviour.deniedScopes.includes(scope));
      const codes = Object.fromEntries(denied.map((scope) => [scope, behaviour.scopeCode]));
      if (denied.length === 0) return simulatedAnswers.grant();
      return denied.length === scopes.length ? simulatedAnswers.deny(codes) : simulatedAnswers.grant(codes);
    }
    case 'cancel':
      return simulatedAnswers.decline();
    default:
      return simulatedAnswers.grant();
  }
}

/** Calls `success` once more, with a new code, after the host answered: only the first answer counts. */
function withLateCallback(
  options: GetAuthCodeOptions,
  createCode: () => string,
  onHostNote: (note: string) => void,
): GetAuthCodeOptions {
  let answered = false;
  return {
    ...options,
    success(result) {
      options.success?.(result);
      if (answered) return;
      answered = true;
      setTimeout(() => {
        onHostNote('The host called success a second time, with a new code: the flow ignored it.');
        options.success?.({ authCode: createCode(), authSuccessScopes: options.scopes, authErrorScopes: {} });
      }, LATE_CALLBACK_MS);
    },
  };
}

export function createPlaygroundHost({
  superApp,
  behaviour,
  createCode,
  onHostNote,
}: PlaygroundHostOptions): AuthCodeHost {
  const makeCode = createCode ?? (() => crypto.randomUUID().replace(/-/g, '').slice(0, 26).toUpperCase());
  return {
    getAuthCode(options) {
      const current = behaviour();
      if (current.kind === 'sheet' || current.kind === 'silent' || current.kind === 'error') {
        superApp.setMode(
          current.kind === 'sheet'
            ? 'sheet'
            : current.kind === 'silent'
              ? 'timeout'
              : `error:${current.errorCode}`,
        );
        superApp.host.getAuthCode(options);
        return;
      }
      const host = createSimulatedHost({
        delayMs: HOST_DELAY_MS,
        createCode: makeCode,
        answer: answerFor(current, options.scopes),
      });
      host.getAuthCode(current.kind === 'late' ? withLateCallback(options, makeCode, onHostNote) : options);
    },
  };
}
