/**
 * The machine's states. `AuthCodeState` (derived from the machine) must be exactly these names, or
 * machine.ts fails to compile: a state cannot be added, renamed or removed without its description.
 */
export type DescribedState = 'idle' | 'consenting' | 'resolving' | 'exchanging' | 'success' | 'failed';

/** The transitions that carry a description: the names the machine config uses. */
export type DescribedTransition =
  | 'invalidRequest'
  | 'hostMissing'
  | 'reset'
  | 'cancelConsent'
  | 'cancelExchange'
  | 'timeout'
  | 'resolvedAsFailure'
  | 'exchange'
  | 'retryWithoutHost'
  | 'retry'
  | 'expired';

/** One description for the machine, each of its states and each described transition: no more, no fewer. */
export type DescriptionKey = 'machine' | DescribedState | DescribedTransition;

/** What the inspector and diagrams show for each state and transition. */
export const descriptions: Readonly<Record<DescriptionKey, string>> = {
  machine:
    "Asks the super app's getAuthCode for a one-time authorization code and reads the per-scope answer.",
  idle: 'No flow is running. REQUEST validates the scopes and opens the consent sheet.',
  consenting:
    'The host shows its consent sheet. Only the first answer of this call counts; a REQUEST is ignored until it settles.',
  resolving:
    "Reads the host's answer scope by scope: granted, denied with a code, or missing. Required scopes decide.",
  exchanging: 'Your `exchange` function trades the single-use code for a session.',
  success: 'Every required scope was granted. Holds the auth code, or the session when `exchange` ran.',
  failed: 'The flow ended with an AuthCodeError; `error.kind` says why. RETRY asks again when retryable.',
  invalidRequest: 'The scopes or options are invalid; the host is not called.',
  hostMissing: 'No global `my` (or given host) with getAuthCode.',
  reset: 'Forget the current flow from any state; a late host answer is dropped.',
  cancelConsent: 'Stop waiting; the host call is abandoned and its answer dropped.',
  cancelExchange: 'Abort the exchange (its signal fires); its result is dropped.',
  timeout: 'The host did not answer within timeoutMs.',
  expired: 'The code was not exchanged within codeLifetimeMs (or is gone after a restore); it is dropped.',
  resolvedAsFailure: 'No auth code, a host error, or a required scope not granted.',
  exchange: 'Trade the code for a session on your server.',
  retryWithoutHost: 'The host is gone since the last try.',
  retry: 'Ask the host again with the same request: a new host call.',
};

/**
 * Which transitions carry which description: by their guard, or else by `<state>.<event>` (`.` alone
 * for the machine's own `on`). Every `DescribedTransition` is here once.
 */
const transitionKeys: Readonly<Record<string, DescribedTransition>> = {
  isRequestInvalid: 'invalidRequest',
  isHostMissing: 'hostMissing',
  isResolvedAsFailure: 'resolvedAsFailure',
  hasExchange: 'exchange',
  isRetryableButHostMissing: 'retryWithoutHost',
  isRetryable: 'retry',
  holdsCode: 'expired',
  '.RESET': 'reset',
  'consenting.CANCEL': 'cancelConsent',
  'exchanging.CANCEL': 'cancelExchange',
  'consenting.HOST.TIMEOUT': 'timeout',
} satisfies Record<string, DescribedTransition>;

interface TransitionConfig {
  guard?: unknown;
  description?: string;
}

interface StateConfig {
  description?: string;
  on?: Record<string, TransitionConfig | readonly TransitionConfig[]>;
  always?: TransitionConfig | readonly TransitionConfig[];
  states?: Record<string, StateConfig>;
}

function describeTransitions(
  transitions: TransitionConfig | readonly TransitionConfig[],
  where: string,
): TransitionConfig[] {
  return [transitions].flat().map((transition) => {
    const key = transitionKeys[typeof transition.guard === 'string' ? transition.guard : where];
    return key ? { ...transition, description: descriptions[key] } : transition;
  });
}

/** A copy of a state's config (and its children's) with their descriptions; the config is left as is. */
function describeState(config: StateConfig, name: string, key: DescriptionKey): StateConfig {
  const { on, always, states } = config;
  return {
    ...config,
    description: descriptions[key],
    ...(on && {
      on: Object.fromEntries(
        Object.entries(on).map(([event, transitions]) => [
          event,
          describeTransitions(transitions, `${name}.${event}`),
        ]),
      ),
    }),
    ...(always && { always: describeTransitions(always, `${name}.always`) }),
    ...(states && {
      states: Object.fromEntries(
        Object.entries(states).map(([child, state]) => [
          child,
          describeState(state, child, child as DescribedState),
        ]),
      ),
    }),
  };
}

/**
 * The machine's config with the descriptions the inspector and the diagrams show, in development
 * builds. Production bundles (the bundler replaces `process.env.NODE_ENV`) get the config as written:
 * no description text and no `description` keys; nor does code where there is no `process` at all
 * (a mini program's logic layer, unbundled browser ESM).
 */
export function describeInDevelopment<TConfig>(config: TConfig): TConfig {
  return typeof process === 'object' && process.env.NODE_ENV !== 'production'
    ? (describeState(config as StateConfig, '', 'machine') as TConfig)
    : config;
}
