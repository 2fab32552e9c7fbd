import { assign, createActor, fromPromise, setup, toPromise } from 'xstate';
import type { AuthCodeHost, GetAuthCodeSuccessResult, Scope } from '../packages/core/src/index.ts';

export interface BaselineInput {
  host: AuthCodeHost;
  scopes: readonly Scope[];
}

/** The host call as a promise: what a hand-rolled wrapper around `my.getAuthCode` does. */
const callHost = fromPromise<GetAuthCodeSuccessResult, BaselineInput>(
  ({ input }) =>
    new Promise((resolve, reject) => {
      input.host.getAuthCode({ scopes: [...input.scopes], success: resolve, fail: reject });
    }),
);

/**
 * The least an XState app could do: wait for REQUEST, invoke one `fromPromise` around the host
 * call, end. No validation, no per-scope reading, no timeout, no cancel. It starts in `idle` like
 * `authCodeMachine`, so actor creation compares like with like.
 */
export const baselineMachine = setup({
  types: {
    input: {} as BaselineInput,
    context: {} as BaselineInput & { result: GetAuthCodeSuccessResult | undefined },
    output: {} as GetAuthCodeSuccessResult,
  },
  actors: { callHost },
}).createMachine({
  id: 'baseline',
  initial: 'idle',
  context: ({ input }) => ({ ...input, result: undefined }),
  states: {
    idle: { on: { REQUEST: 'calling' } },
    calling: {
      invoke: {
        src: 'callHost',
        input: ({ context }) => ({ host: context.host, scopes: context.scopes }),
        onDone: { target: 'done', actions: assign({ result: ({ event }) => event.output }) },
        onError: 'failed',
      },
    },
    done: { type: 'final' },
    failed: { type: 'final' },
  },
  output: ({ context }) => context.result ?? {},
});

/** One baseline flow, shaped like `requestAuthCode`: create, start, request, wait, stop. */
export async function runBaselineFlow(input: BaselineInput): Promise<GetAuthCodeSuccessResult> {
  const actor = createActor(baselineMachine, { input }).start();
  try {
    actor.send({ type: 'REQUEST' });
    return await toPromise(actor);
  } finally {
    actor.stop();
  }
}
