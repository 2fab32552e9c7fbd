/**
 * `POST /wallet/consent`: the super app's consent sheet, stood in for by the embedded wallet. The page's
 * simulated sheet posts the scopes the user allowed and gets a real one-time code from the wallet, so the
 * code it then sends to `POST /api/session` is one the wallet issued (and one it never issued is
 * `code-invalid`). Registered only when the embedded wallet runs (src/fullstack.ts): a real wallet's
 * consent happens in the super app, never on the merchant's server.
 *
 * It is a state-changing POST like the others, so the origin policy applies (same-origin page, or a mini
 * program's `my.request` with `X-Authcode-Client`). The answer holds a code: `Cache-Control: no-store`,
 * and nothing of it is logged.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, errors, toApiError } from './errors.ts';

export const walletConsentPath = '/wallet/consent';

/** Room for 64 scope names of 64 characters; more than the API's 4 KiB, far less than the wallet's 64 KiB. */
export const CONSENT_BODY_LIMIT = 8192;

const consentBody = {
  type: 'object',
  required: ['scopes'],
  additionalProperties: false,
  properties: {
    // The embedded wallet's own rule for scope names (and at most 64 of them).
    scopes: {
      type: 'array',
      minItems: 1,
      maxItems: 64,
      items: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' },
    },
    userId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7e]+$' },
  },
} as const;

const consentAnswer = {
  type: 'object',
  required: ['authCode', 'authSuccessScopes'],
  additionalProperties: false,
  properties: {
    authCode: { type: 'string' },
    authSuccessScopes: { type: 'array', items: { type: 'string' } },
  },
} as const;

const badConsent = () =>
  new ApiError(
    400,
    'bad-request',
    'The body must be JSON {"scopes": ["<scope>", ...], "userId"?: "<a user of the wallet>"}.',
  );

export interface WalletConsentOptions {
  /** The embedded wallet's base URL; its `/consent` issues the code. */
  walletUrl: string;
  /** How long the wallet may take. Default 5000. */
  timeoutMs?: number;
}

export function registerWalletConsent(app: FastifyInstance, options: WalletConsentOptions): void {
  const endpoint = `${options.walletUrl.replace(/\/+$/, '')}/consent`;
  const timeoutMs = options.timeoutMs ?? 5000;

  app.post<{ Body: { scopes: string[]; userId?: string } }>(
    walletConsentPath,
    {
      bodyLimit: CONSENT_BODY_LIMIT,
      schema: { body: consentBody, response: { 200: consentAnswer } },
      errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
        const api = error.validation !== undefined ? badConsent() : toApiError(error);
        if (api.statusCode >= 500 && !(error instanceof ApiError)) {
          request.log.error({ failure: { type: error.name, code: error.code } }, 'request failed');
        }
        return reply.code(api.statusCode).send(api.toJSON());
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      void reply.header('referrer-policy', 'no-referrer');
      let response: Response;
      let answer: unknown;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request.body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        answer = await response.json();
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        request.log.warn({ timedOut }, 'the embedded wallet did not issue a code');
        throw timedOut ? errors.walletSlow() : errors.walletDown();
      }
      // The wallet answers 400 for an unknown user or a scope it does not accept.
      if (response.status === 400) throw badConsent();
      const { authCode, authSuccessScopes } = (answer ?? {}) as Record<string, unknown>;
      if (!response.ok || typeof authCode !== 'string' || !Array.isArray(authSuccessScopes)) {
        request.log.warn({ status: response.status }, 'the embedded wallet did not issue a code');
        throw errors.walletDown();
      }
      request.log.info({ scopes: authSuccessScopes.length }, 'consent: the wallet issued a code');
      return { authCode, authSuccessScopes };
    },
  );
}
