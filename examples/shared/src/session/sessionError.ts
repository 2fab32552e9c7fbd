/** The `code` of a SessionError when the server could not be reached at all. */
export const SERVER_UNREACHABLE = 'server-unreachable';
/** The `code` of a SessionError when the server answered something that is not its API. */
export const UNEXPECTED_RESPONSE = 'unexpected-response';

/**
 * Codes after which asking the consent sheet for a new code can succeed. The old code is never sent
 * again: it was spent (`code-used`), is gone (`code-expired`), or the wallet may have spent it before
 * failing (`wallet-unavailable`). Anything else (`bad-request`, `forbidden-origin`,
 * `payload-too-large`, `code-invalid`, an unknown code) needs a fix, not a new code.
 */
const retryableCodes: ReadonlySet<string> = new Set([
  'code-used',
  'code-expired',
  'wallet-unavailable',
  SERVER_UNREACHABLE,
]);

/** A refusal of the merchant server, from its `{ error: { code, message } }` envelope. */
export class SessionError extends Error {
  override readonly name = 'SessionError';
  /** The server's error code: `code-used`, `code-expired`, `bad-request`, ... */
  readonly code: string;
  /** The HTTP status; 0 when no answer came. */
  readonly status: number;
  /** Whether a new code from the consent sheet may succeed (what "Try again" is for). */
  readonly retryable: boolean;

  constructor(code: string, message: string, status: number) {
    // The message is the server's sentence only: the view shows the code beside it.
    super(message);
    this.code = code;
    this.status = status;
    this.retryable = retryableCodes.has(code);
  }
}

/**
 * The SessionError behind a flow's error: the core wraps a rejected `exchange` in an AuthCodeError
 * of kind `exchange` whose `cause` is the rejection. Undefined for errors of the host or the flow.
 */
export function sessionErrorOf(error: unknown): SessionError | undefined {
  if (error instanceof SessionError) return error;
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof SessionError ? cause : undefined;
}

function isEnvelope(body: unknown): body is { error: { code: string; message: string } } {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Reads a failed answer's error envelope; an answer without one (a proxy's HTML page) is UNEXPECTED_RESPONSE. */
export async function sessionErrorFrom(response: Response): Promise<SessionError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isEnvelope(body)) return new SessionError(body.error.code, body.error.message, response.status);
  return new SessionError(
    UNEXPECTED_RESPONSE,
    `The server answered HTTP ${response.status} without an error message.`,
    response.status,
  );
}
