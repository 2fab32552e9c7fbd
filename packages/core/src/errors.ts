/** How a host error code is to be read. */
export type ErrorClass = 'unknown' | 'configuration' | 'transient' | 'declined' | 'account' | 'scope';

export interface ErrorDescription {
  /** The code as a string, as it is compared and reported everywhere in this library. */
  code: string;
  /** A short message for people, used when the host sends none. */
  message: string;
  /** What the code means and when hosts send it. */
  meaning: string;
  class: ErrorClass;
  /** Whether asking again may succeed. */
  retryable: boolean;
  /** Hosts known to send it. Empty for codes this library defines. */
  hosts: readonly string[];
  /** False for a code outside the catalogue. */
  known: boolean;
}

type CatalogueEntry = Omit<ErrorDescription, 'code' | 'known' | 'retryable'>;

const retryableClasses: Record<ErrorClass, boolean> = {
  unknown: true,
  configuration: false,
  transient: true,
  declined: true,
  account: false,
  scope: true,
};

/** The per-scope code used when a host's answer neither grants nor denies a requested scope. */
export const UNREPORTED_SCOPE_CODE = 'unreported';

/** Every error code seen across the Alipay+ family of hosts, with its meaning and classification. */
export const errorCatalogue: Readonly<Record<string, CatalogueEntry>> = {
  '3': {
    message: 'Unknown error',
    meaning:
      'Unknown error or no authorization result. On Alipay (China) the Android back key closing the dialog also sends it.',
    class: 'unknown',
    hosts: ['DANA', 'Alipay+', 'Alipay (China)', 'AlipayHK'],
  },
  '4': {
    message: 'No permission to call getAuthCode',
    meaning: 'The mini program may not call this API; it often works in the IDE and fails on a device.',
    class: 'configuration',
    hosts: ['Alipay (China)'],
  },
  '10': {
    message: 'Empty auth code',
    meaning:
      'Empty data: the dialog was dismissed, the scopes were not accepted, or the app went to the background.',
    class: 'transient',
    hosts: ['DANA', 'Alipay+', 'Alipay (China)'],
  },
  '11': {
    message: 'Unauthorized to get user info',
    meaning: 'The user cancelled or refused the consent dialog.',
    class: 'declined',
    hosts: ['DANA', 'GCash', 'Alipay+', 'Alipay (China)', 'AlipayHK', "Touch 'n Go", 'Qi'],
  },
  '12': {
    message: 'Network error',
    meaning: 'The host could not reach its servers.',
    class: 'transient',
    hosts: ['Alipay (China)', 'AlipayHK'],
  },
  '13': {
    message: 'Authorization timeout',
    meaning: 'The host timed out while authorizing.',
    class: 'transient',
    hosts: ['AlipayHK'],
  },
  '14': {
    message: 'User authorization timeout',
    meaning: 'The user did not answer the consent dialog in time.',
    class: 'transient',
    hosts: ['AlipayHK'],
  },
  '15': {
    message: 'System error',
    meaning: 'The host failed internally.',
    class: 'transient',
    hosts: ['AlipayHK'],
  },
  '101': {
    message: 'User has no eKYC',
    meaning: 'The account has not completed electronic KYC, which the requested scopes need.',
    class: 'account',
    hosts: ['AlipayHK'],
  },
  '1000': {
    message: 'Unknown error',
    meaning: 'Unknown error.',
    class: 'unknown',
    hosts: ['Alipay+'],
  },
  '1001': {
    message: 'User cancelled the operation',
    meaning: 'The user cancelled the consent dialog.',
    class: 'declined',
    hosts: ['Alipay+'],
  },
  '1005': {
    message: 'System error',
    meaning: 'The host failed internally.',
    class: 'transient',
    hosts: ['Alipay+'],
  },
  '40006': {
    message: 'Scope not granted',
    meaning: 'Per-scope code: the scope was not granted (the hosts do not document why).',
    class: 'scope',
    hosts: ['DANA', 'GCash'],
  },
  '10001': {
    message: 'Scope not granted',
    meaning: 'Per-scope code: the scope was not granted (the hosts do not document why).',
    class: 'scope',
    hosts: ['M-Pesa'],
  },
  [UNREPORTED_SCOPE_CODE]: {
    message: 'Scope not reported',
    meaning:
      "Per-scope code set by this library: the host's answer listed other scopes as granted and said nothing of this one.",
    class: 'scope',
    hosts: [],
  },
};

/** The meaning and classification of a host error code; codes outside the catalogue read as unknown. */
export function describeError(code: string | number): ErrorDescription {
  const key = String(code);
  const entry = Object.prototype.hasOwnProperty.call(errorCatalogue, key) ? errorCatalogue[key] : undefined;
  if (entry) return { code: key, ...entry, retryable: retryableClasses[entry.class], known: true };
  return {
    code: key,
    message: `Host error ${key}`,
    meaning: 'A code outside the catalogue.',
    class: 'unknown',
    retryable: true,
    hosts: [],
    known: false,
  };
}

export type AuthCodeErrorKind =
  | 'invalid-request'
  | 'unavailable'
  | 'declined'
  | 'host'
  | 'scope'
  | 'timeout'
  | 'invalid-response'
  | 'exchange';

export interface AuthCodeErrorOptions {
  code?: string;
  scopes?: Record<string, string>;
  retryable?: boolean;
  cause?: unknown;
}

const retryableKinds: Record<AuthCodeErrorKind, boolean> = {
  'invalid-request': false,
  unavailable: false,
  declined: true,
  host: true,
  scope: true,
  timeout: true,
  'invalid-response': true,
  exchange: true,
};

/** Every way a flow can fail; `kind` says which. Never carries an auth code. */
export class AuthCodeError extends Error {
  override readonly name = 'AuthCodeError';
  readonly kind: AuthCodeErrorKind;
  /** The host's code as a string: '3', '10', '11', '40006', ... */
  readonly code?: string;
  /** Per-scope codes, for kind 'scope'. */
  readonly scopes?: Record<string, string>;
  /** Whether the same request may succeed if asked again (what RETRY is for). */
  readonly retryable: boolean;

  constructor(kind: AuthCodeErrorKind, message: string, options: AuthCodeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    if (options.code !== undefined) this.code = options.code;
    if (options.scopes !== undefined) this.scopes = options.scopes;
    this.retryable = options.retryable ?? retryableKinds[kind];
  }

  /** Keeps the fields when the error is serialized (for example by the inspector). */
  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      code: this.code,
      scopes: this.scopes,
      retryable: this.retryable,
    };
  }
}

export function isAuthCodeError(value: unknown): value is AuthCodeError {
  return value instanceof AuthCodeError;
}
