/** Every error this server answers, as `{ "error": { "code", "message" } }`. */
export type ApiErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden-origin'
  | 'not-found'
  | 'method-not-allowed'
  | 'code-used'
  | 'code-expired'
  | 'code-invalid'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'wallet-unavailable'
  | 'internal';

export interface ErrorEnvelope {
  error: { code: ApiErrorCode; message: string };
}

/** An error with the status and envelope it is answered with. Messages are fixed text: never an echo of input. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ErrorEnvelope {
    return { error: { code: this.code, message: this.message } };
  }
}

export const errors = {
  badRequest: () =>
    new ApiError(
      400,
      'bad-request',
      'The body must be JSON {"authCode": "<1-256 visible ASCII characters>"}.',
    ),
  invalidJson: () => new ApiError(400, 'bad-request', 'The body is not valid JSON.'),
  unauthorized: () => new ApiError(401, 'unauthorized', 'No live session.'),
  forbiddenOrigin: () =>
    new ApiError(403, 'forbidden-origin', 'This request does not come from a page of this site.'),
  notFound: () => new ApiError(404, 'not-found', 'No such resource.'),
  codeUsed: () => new ApiError(409, 'code-used', 'This authorization code has already been used.'),
  codeExpired: () => new ApiError(410, 'code-expired', 'This authorization code has expired.'),
  codeInvalid: () => new ApiError(400, 'code-invalid', 'This authorization code is not valid.'),
  payloadTooLarge: () => new ApiError(413, 'payload-too-large', 'The body is too large.'),
  unsupportedMediaType: () =>
    new ApiError(415, 'unsupported-media-type', 'The body must be sent as application/json.'),
  walletDown: () => new ApiError(502, 'wallet-unavailable', 'The wallet could not be reached.'),
  walletSlow: () => new ApiError(504, 'wallet-unavailable', 'The wallet did not answer in time.'),
  internal: () => new ApiError(500, 'internal', 'Something went wrong on the server.'),
};

const codeByStatus: Record<number, ApiErrorCode> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden-origin',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

const fastifyCodes: Record<string, () => ApiError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: errors.payloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: errors.unsupportedMediaType,
  FST_ERR_CTP_EMPTY_JSON_BODY: errors.invalidJson,
  FST_ERR_CTP_INVALID_JSON_BODY: errors.invalidJson,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: errors.badRequest,
};

/**
 * Maps anything thrown while handling a request to the envelope it is answered with. Fastify's own client
 * errors keep their 4xx status; whatever is left is a 500 `internal` (no input reaches it: the tests say so).
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (typeof error !== 'object' || error === null) return errors.internal();
  const { code, statusCode, validation } = error as {
    code?: unknown;
    statusCode?: unknown;
    validation?: unknown;
  };
  if (validation !== undefined) return errors.badRequest();
  const known = typeof code === 'string' ? fastifyCodes[code] : undefined;
  if (known) return known();
  if (
    typeof statusCode === 'number' &&
    Number.isInteger(statusCode) &&
    statusCode >= 400 &&
    statusCode < 500
  ) {
    const fallback = codeByStatus[statusCode] ?? 'bad-request';
    return new ApiError(statusCode, fallback, 'The request could not be handled.');
  }
  return errors.internal();
}
