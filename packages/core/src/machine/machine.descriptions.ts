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

/**
 * What the inspector and diagrams show for each state and transition. Development builds only:
 * bundlers replace `process.env.NODE_ENV`, so production bundles drop all of this text. The
 * `typeof` check keeps the import working where there is no `process` (unbundled browser ESM).
 */
export const descriptions: Readonly<Record<DescriptionKey, string | undefined>> =
  typeof process !== 'undefined' && process.env.NODE_ENV !== 'production'
    ? ({
        machine:
          "Asks the super app's getAuthCode for a one-time authorization code and reads the per-scope answer.",
        idle: 'No flow is running. REQUEST validates the scopes and opens the consent sheet.',
        consenting:
          'The host shows its consent sheet. Only the first answer of this call counts; a REQUEST is ignored until it settles.',
        resolving:
          "Reads the host's answer scope by scope: granted, denied with a code, or missing. Required scopes decide.",
        exchanging: 'Your `exchange` function trades the single-use code for a session.',
        success: 'Every required scope was granted. Holds the auth code, or the session when `exchange` ran.',
        failed:
          'The flow ended with an AuthCodeError; `error.kind` says why. RETRY asks again when retryable.',
        invalidRequest: 'The scopes or options are invalid; the host is not called.',
        hostMissing: 'No global `my` (or given host) with getAuthCode.',
        reset: 'Forget the current flow from any state; a late host answer is dropped.',
        cancelConsent: 'Stop waiting; the host call is abandoned and its answer dropped.',
        cancelExchange: 'Abort the exchange (its signal fires); its result is dropped.',
        timeout: 'The host did not answer within timeoutMs.',
        expired:
          'The code was not exchanged within codeLifetimeMs (or is gone after a restore); it is dropped.',
        resolvedAsFailure: 'No auth code, a host error, or a required scope not granted.',
        exchange: 'Trade the code for a session on your server.',
        retryWithoutHost: 'The host is gone since the last try.',
        retry: 'Ask the host again with the same request: a new host call.',
      } satisfies Record<DescriptionKey, string>)
    : ({} as Record<DescriptionKey, undefined>);
