import { and, assign, setup, type StateValueFrom } from 'xstate';
import type { SealedCode } from '../credential/secret.js';
import { AuthCodeError } from '../errors/errors.js';
import { explain } from '../errors/messages.js';
import type { AuthCodeEvent, AuthCodeInput, AuthCodeRequest, Scope } from '../types.js';
import { codeGone, exchangeCode, type ExchangeEvent } from './exchange.js';
import { describeMissingHost, findHost, hostCall, isHostSource, type HostEvent } from './host.js';
import { codeLifetime, type CodeLifetimeEvent } from './lifetime.js';
import { describeInDevelopment, type DescribedState } from './machine.descriptions.js';
import { prepareRequest, type PreparedRequest } from './request.js';
import { resolveAnswer, type Resolution } from './resolve.js';

/** How long to wait for the host when the input says nothing: a consent sheet left open for a minute. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** How long a code not exchanged stays in memory: five minutes, within every host's validity. */
export const DEFAULT_CODE_LIFETIME_MS = 300_000;
/** How long `exchange` may take before its signal aborts. */
export const DEFAULT_EXCHANGE_TIMEOUT_MS = 30_000;

export interface AuthCodeContext {
  input: AuthCodeInput<unknown>;
  /** The current flow's validated request; kept in `failed` so RETRY can ask again. */
  request: AuthCodeRequest | undefined;
  /** The host's answer read into a grant or an error; lives only while `resolving`. */
  resolution: Resolution | undefined;
  /**
   * Only in `success` (and `exchanging`, where it is being spent), sealed: its JSON and string forms
   * are masked and the raw code is reachable only through `toView`.
   */
  authCode: SealedCode | undefined;
  grantedScopes: Scope[];
  deniedScopes: Record<string, string>;
  session: unknown;
  error: AuthCodeError | undefined;
}

type FlowEvent = AuthCodeEvent | HostEvent | ExchangeEvent | CodeLifetimeEvent;
/** The event of the one transition an action is named on: a cast, not a check, since nothing else runs it. */
type EventOf<TType extends FlowEvent['type']> = Extract<FlowEvent, { type: TType }>;

const noFlow = {
  request: undefined,
  resolution: undefined,
  authCode: undefined,
  // Frozen: these empties are shared by every flow and handed out in views.
  grantedScopes: Object.freeze([]) as unknown as Scope[],
  deniedScopes: Object.freeze({}) as Record<string, string>,
  session: undefined,
  error: undefined,
} satisfies Omit<AuthCodeContext, 'input'>;

/**
 * The guard and then the action of one transition read the same REQUEST: validated once, kept here
 * for that flow, keyed by the context both are given (an actor's own): flows that plan at once never
 * see each other's plan, and a plan goes with its context. A WeakMap used as a private field of those
 * objects, not state that flows share. Every transition that plans assigns a new context, so a plan
 * is never read again once its action ran.
 */
const plans = new WeakMap<AuthCodeContext, { event: object; planned: PreparedRequest }>();

/** The request a REQUEST or RETRY asks for; RETRY (allowed only after a retryable failure) repeats the last one. */
function plannedRequest(context: AuthCodeContext, event: FlowEvent): PreparedRequest {
  if (event.type !== 'REQUEST') return { request: context.request! };
  const plan = plans.get(context);
  if (plan?.event === event) return plan.planned;
  const planned = prepareRequest(event, context.input);
  plans.set(context, { event, planned });
  return planned;
}

/** A new flow for the planned request: with it, or with the error that rejects it. */
const startPlanned = ({ context, event }: { context: AuthCodeContext; event: FlowEvent }) => ({
  ...noFlow,
  ...plannedRequest(context, event),
});

// Taken by top-level states only, so the targets are their siblings.
const startFlow = [
  { guard: 'isRequestInvalid', target: 'failed', actions: 'rejectRequest' },
  { guard: 'isHostMissing', target: 'failed', actions: 'rejectUnavailable' },
  { target: 'consenting', actions: 'beginFlow' },
] as const;

export const authCodeMachine = setup({
  // Types only: one empty object at run time.
  types: {} as {
    context: AuthCodeContext;
    events: FlowEvent;
    // `void`, not `undefined`: inference drops `undefined` here, which would make `input` required.
    input: AuthCodeInput<unknown> | void;
  },
  actors: { hostCall, exchangeCode, codeLifetime },
  guards: {
    isRequestInvalid: ({ context, event }) => !!plannedRequest(context, event).error,
    isHostMissing: ({ context: { input } }) => !isHostSource(input.host) && !findHost(input.host),
    isRetryable: ({ context }) => context.error?.retryable === true,
    // Named, so the inspector and diagrams show it (an inline `and()` serializes as no guard).
    isRetryableButHostMissing: and(['isRetryable', 'isHostMissing']),
    isResolvedAsFailure: ({ context }) => !!context.resolution?.error,
    // A validated input: `exchange` is absent or made by createExchange.
    hasExchange: ({ context }) => !!context.input.exchange,
    holdsCode: ({ context }) => !!context.authCode,
  },
  actions: {
    clearFlow: assign(noFlow),
    rejectRequest: assign(startPlanned),
    rejectUnavailable: assign(({ context, event }) => ({
      ...noFlow,
      ...plannedRequest(context, event),
      error: new AuthCodeError('unavailable', describeMissingHost(context.input.host)),
    })),
    beginFlow: assign(startPlanned),
    // Entry of `resolving`, which only HOST.ANSWER enters. No request: a restored snapshot that lost it.
    resolveAnswer: assign(({ context, event }) => {
      if (!context.request) return {};
      return { resolution: resolveAnswer((event as EventOf<'HOST.ANSWER'>).answer, context.request) };
    }),
    applyFailure: assign(({ context }) => {
      // Only after `isResolvedAsFailure`, on the same context: the resolution holds an error.
      const error = context.resolution!.error!;
      return { resolution: undefined, error, deniedScopes: error.scopes ?? {} };
    }),
    applyGrant: assign(({ context }) => {
      const grant = context.resolution?.grant;
      return {
        resolution: undefined,
        authCode: grant?.authCode,
        grantedScopes: grant?.grantedScopes ?? [],
        deniedScopes: grant?.deniedScopes ?? {},
      };
    }),
    failWithTimeout: assign(({ context }) => ({
      error: new AuthCodeError(
        'timeout',
        explain('host-timeout', `${context.input.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`),
      ),
    })),
    keepSession: assign(({ event }) => ({
      // The code is single-use and now spent: drop it from memory.
      authCode: undefined,
      session: (event as EventOf<'EXCHANGE.DONE'>).output,
    })),
    failExchange: assign(({ event }) => ({
      // Spent even when the exchange failed; RETRY asks the host for a new one.
      authCode: undefined,
      error: (event as EventOf<'EXCHANGE.FAILED'>).error,
    })),
    expireCode: assign({ authCode: undefined, error: codeGone }),
  },
}).createMachine(
  describeInDevelopment({
    id: 'authCode',
    // A copy: the input is read once, when the actor is created; later changes to the object do not leak in.
    context: ({ input }) => ({ input: { ...(input as AuthCodeInput<unknown> | undefined) }, ...noFlow }),
    initial: 'idle',
    on: {
      RESET: {
        target: '.idle',
        actions: 'clearFlow',
      },
    },
    states: {
      idle: {
        on: { REQUEST: startFlow },
      },
      consenting: {
        invoke: {
          id: 'hostCall',
          src: 'hostCall',
          input: ({ context }) => ({
            host: context.input.host,
            scopes: context.request?.scopes ?? [],
            timeoutMs: context.input.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          }),
        },
        on: {
          'HOST.ANSWER': 'resolving',
          'HOST.TIMEOUT': { target: 'failed', actions: 'failWithTimeout' },
          CANCEL: {
            target: 'idle',
            actions: 'clearFlow',
          },
        },
      },
      resolving: {
        entry: 'resolveAnswer',
        always: [
          {
            guard: 'isResolvedAsFailure',
            target: 'failed',
            actions: 'applyFailure',
          },
          {
            guard: 'hasExchange',
            target: 'exchanging',
            actions: 'applyGrant',
          },
          { target: 'success', actions: 'applyGrant' },
        ],
      },
      exchanging: {
        invoke: {
          id: 'exchangeCode',
          src: 'exchangeCode',
          input: ({ context }) => ({
            exchange: context.input.exchange!,
            grant: {
              authCode: context.authCode!,
              grantedScopes: context.grantedScopes,
              deniedScopes: context.deniedScopes,
              scopes: context.request?.scopes ?? [],
            },
            timeoutMs: context.input.exchangeTimeoutMs ?? DEFAULT_EXCHANGE_TIMEOUT_MS,
          }),
        },
        on: {
          'EXCHANGE.DONE': { target: 'success', actions: 'keepSession' },
          'EXCHANGE.FAILED': { target: 'failed', actions: 'failExchange' },
          CANCEL: {
            target: 'idle',
            actions: 'clearFlow',
          },
        },
      },
      success: {
        invoke: {
          id: 'codeLifetime',
          src: 'codeLifetime',
          input: ({ context }) => ({
            code: context.authCode,
            lifetimeMs: context.input.codeLifetimeMs ?? DEFAULT_CODE_LIFETIME_MS,
          }),
        },
        on: {
          REQUEST: startFlow,
          'CODE.EXPIRED': {
            guard: 'holdsCode',
            target: 'failed',
            actions: 'expireCode',
          },
        },
      },
      failed: {
        on: {
          REQUEST: startFlow,
          RETRY: [
            {
              guard: 'isRetryableButHostMissing',
              target: 'failed',
              actions: 'rejectUnavailable',
            },
            {
              guard: 'isRetryable',
              target: 'consenting',
              actions: 'beginFlow',
            },
          ],
        },
      },
    },
  }),
);

export type AuthCodeMachine = typeof authCodeMachine;

/** `T`, when it names exactly what `U` names; a compile error otherwise (`Also` is `T`, never given). */
type SameNames<T extends U, U extends Also, Also = T> = T;

/**
 * Every state of the machine, derived from it, so a new state is part of every type that lists
 * states; it fails to compile until machine.descriptions.ts describes that state too.
 */
export type AuthCodeState = SameNames<StateValueFrom<AuthCodeMachine>, DescribedState>;

/**
 * States a snapshot never rests in: `resolving` reads the host's answer and leaves in the same step,
 * so no subscriber, view or `await` ever sees it. It stays a state (the inspector and the diagram show
 * the decision), but not a `status`: a UI that handled it would handle something that cannot happen.
 */
export type TransientState = 'resolving';

/** The `status` of a view: the states of the machine a flow can be seen in. */
export type AuthCodeStatus = Exclude<AuthCodeState, TransientState>;
