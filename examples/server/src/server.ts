import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { ApiError, errors, toApiError } from './errors.ts';
import { originAllowed, originPolicy } from './origin.ts';
import { MemorySessionStore, type Session, type SessionStore } from './sessions.ts';
import { digest, TriedCodes } from './triedCodes.ts';
import { WalletError, type WalletClient, type WalletToken } from './wallet/types.ts';

/** Fastify's `logger` option: `true`, or pino options such as `{ level, stream }`. */
export type LoggerOption = NonNullable<FastifyServerOptions['logger']>;

export interface ServerOptions {
  wallet: WalletClient;
  /** Where sessions live. Default: a bounded in-memory store (one instance only; see README). */
  sessions?: SessionStore;
  /** The site's own origin, e.g. `http://127.0.0.1:8787`: the one `Origin` POST and DELETE are accepted from. */
  origin: string;
  /** More origins whose POST/DELETE are accepted (other host names of this same site). No CORS is sent. */
  allowedOrigins?: string[];
  /**
   * Accept POST/DELETE carrying neither `Origin` nor `Sec-Fetch-Site` when they carry the custom header
   * `X-Authcode-Client` with a non-empty value (mini programs' `my.request`; see origin.ts). Default false.
   */
  allowClientHeader?: boolean;
  /** `Secure` cookies named `__Host-session`. Default: whether `origin` is https. */
  secureCookies?: boolean;
  /** A directory served at `/` when it exists (the built React example). */
  staticDir?: string;
  /** How long the wallet may take to trade a code before the call is aborted (504). Default 5000. */
  walletTimeoutMs?: number;
  /** A session dies after this long unused. Default 30 minutes. */
  sessionIdleMs?: number;
  /** A session dies this long after sign-in however active (and never after its token). Default 8 hours. */
  sessionMaxAgeMs?: number;
  /** Tried-code memory: replays within it are answered `code-used` without a wallet call. */
  triedCodes?: TriedCodes;
  /** Fastify's logger option; redaction of cookies, codes and tokens is always added. Default false. */
  logger?: LoggerOption;
  now?: () => number;
}

/** Largest body accepted: `{"authCode": ...}` with a 256-character code is far below it. */
export const BODY_LIMIT = 4096;

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** Log paths that could ever hold a credential; Fastify's serializers log none of them, this keeps it so. */
const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'req.body',
  'body',
  'authCode',
  '*.authCode',
  'accessToken',
  '*.accessToken',
  'sessionId',
  '*.sessionId',
];

const sessionBody = {
  type: 'object',
  required: ['userId', 'scopes'],
  additionalProperties: false,
  properties: { userId: { type: 'string' }, scopes: { type: 'array', items: { type: 'string' } } },
} as const;

const signInBody = {
  type: 'object',
  required: ['authCode'],
  additionalProperties: false,
  // Visible ASCII only: wallet codes are opaque tokens; no control characters, spaces or Unicode reach the wallet.
  properties: { authCode: { type: 'string', minLength: 1, maxLength: 256, pattern: '^[\\x21-\\x7e]+$' } },
} as const;

function loggerOption(logger: LoggerOption | undefined): LoggerOption {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return { ...base, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
}

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function isDirectory(path: string | undefined): path is string {
  return path !== undefined && statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

function walletErrorCode(error: unknown): string | undefined {
  if (error instanceof WalletError) return error.code;
  // A client built against another copy of the class still counts.
  if (error instanceof Error && error.name === 'WalletError') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function isToken(value: unknown): value is WalletToken {
  if (typeof value !== 'object' || value === null) return false;
  const token = value as Record<string, unknown>;
  return (
    typeof token.accessToken === 'string' &&
    token.accessToken.length > 0 &&
    typeof token.userId === 'string' &&
    token.userId.length > 0 &&
    Array.isArray(token.scopes) &&
    token.scopes.every((scope) => typeof scope === 'string') &&
    (token.expiresAt === undefined ||
      (typeof token.expiresAt === 'number' && Number.isFinite(token.expiresAt)))
  );
}

/** The error's type and stack frames, not its message: a message may quote a code or a token. */
function describe(error: unknown): { type: string; code?: unknown; frames?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  return {
    type: error.name,
    code: (error as { code?: unknown }).code,
    frames: error.stack?.split('\n').slice(1).join('\n'),
  };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const policy = originPolicy(options.origin, options.allowedOrigins, options.allowClientHeader ?? false);
  const [ownOrigin] = policy.origins;
  const secure = options.secureCookies ?? ownOrigin!.startsWith('https:');
  const cookieName = secure ? '__Host-session' : 'session';
  const sessions = options.sessions ?? new MemorySessionStore();
  const tried = options.triedCodes ?? new TriedCodes();
  const now = options.now ?? Date.now;
  const walletTimeoutMs = options.walletTimeoutMs ?? 5000;
  const idleMs = options.sessionIdleMs ?? 30 * 60_000;
  const maxAgeMs = options.sessionMaxAgeMs ?? 8 * 60 * 60_000;
  for (const [name, value] of Object.entries({ walletTimeoutMs, idleMs, maxAgeMs })) {
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number`);
  }
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure } as const;

  const app = Fastify({
    logger: loggerOption(options.logger),
    bodyLimit: BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Slow senders lose their socket instead of holding it.
    requestTimeout: 10_000,
    // No coercion ({"authCode": 123} is a wrong type, not "123") and no silent dropping of unknown keys.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    frameworkErrors: (error, _request, reply) => {
      const api = toApiError(error);
      void (reply as FastifyReply).code(api.statusCode).send(api.toJSON());
    },
  });

  // JSON only: Fastify's text/plain parser would let a form-like body through to validation (415 instead).
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyCookie);

  app.setErrorHandler((error, request, reply) => {
    const api = toApiError(error);
    if (api.statusCode >= 500 && !(error instanceof ApiError)) {
      request.log.error({ failure: describe(error) }, 'request failed');
    }
    return reply.code(api.statusCode).send(api.toJSON());
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errors.notFound().toJSON()));

  // Login-CSRF guard: before the body is read, so a refused request costs no parsing.
  app.addHook('onRequest', async (request) => {
    const method = request.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
    if (!originAllowed(policy, request.headers)) {
      request.log.warn({ method }, 'refused: not this site’s origin');
      throw errors.forbiddenOrigin();
    }
  });

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    if (isApi(request.url)) {
      void reply.header('cache-control', 'no-store');
      void reply.header('referrer-policy', 'no-referrer');
    }
  });

  function sessionId(request: FastifyRequest): string | undefined {
    const value = request.cookies[cookieName];
    return value !== undefined && SESSION_ID.test(value) ? value : undefined;
  }

  function clearSessionCookie(reply: FastifyReply): void {
    void reply.clearCookie(cookieName, cookieOptions);
  }

  /** Trades the code, aborting the wallet call after walletTimeoutMs; every failure becomes an ApiError. */
  async function applyToken(authCode: string, request: FastifyRequest): Promise<WalletToken> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(errors.walletSlow());
        controller.abort(errors.walletSlow());
      }, walletTimeoutMs);
    });
    const call = Promise.resolve().then(() =>
      options.wallet.applyToken(authCode, { signal: controller.signal }),
    );
    call.catch(() => undefined); // a wallet that settles after the timeout is ignored
    try {
      const token = await Promise.race([call, timedOut]);
      if (!isToken(token)) {
        request.log.error('the wallet answered something that is not a token');
        throw errors.walletDown();
      }
      return token;
    } catch (error) {
      if (controller.signal.aborted) {
        request.log.warn({ walletTimeoutMs }, 'the wallet did not answer in time; call aborted');
        throw errors.walletSlow();
      }
      if (error instanceof ApiError) throw error;
      const code = walletErrorCode(error);
      request.log.warn({ wallet: code ?? describe(error).type }, 'the wallet call failed');
      if (code === 'code-used') throw errors.codeUsed();
      if (code === 'code-expired') throw errors.codeExpired();
      if (code === 'code-invalid') throw errors.codeInvalid();
      throw errors.walletDown();
    } finally {
      clearTimeout(timer);
    }
  }

  /** The live session behind the request's cookie, slid forward; undefined (and the store cleaned) otherwise. */
  async function liveSession(id: string): Promise<Session | undefined> {
    const key = digest(id);
    const session = await sessions.get(key);
    if (!session) return undefined;
    const left = session.expiresAt - now();
    if (left <= 0) {
      await sessions.delete(key);
      return undefined;
    }
    await sessions.set(key, session, Math.min(idleMs, left));
    return session;
  }

  app.post<{ Body: { authCode: string } }>(
    '/api/session',
    { schema: { body: signInBody, response: { 200: sessionBody } } },
    async (request, reply) => {
      const { authCode } = request.body;
      if (!tried.claim(authCode)) {
        request.log.info('replayed code answered without the wallet');
        throw errors.codeUsed();
      }
      const token = await applyToken(authCode, request);
      const createdAt = now();
      const expiresAt = Math.min(createdAt + maxAgeMs, token.expiresAt ?? Infinity);
      if (expiresAt <= createdAt) {
        request.log.error('the wallet answered an expired token');
        throw errors.walletDown();
      }
      const session: Session = {
        userId: token.userId,
        scopes: [...token.scopes],
        accessToken: token.accessToken,
        createdAt,
        expiresAt,
        ...(token.expiresAt === undefined ? {} : { tokenExpiresAt: token.expiresAt }),
      };
      // A fresh id at every sign-in; whatever session the browser brought is ended, never adopted.
      const id = randomBytes(32).toString('base64url');
      await sessions.set(digest(id), session, Math.min(idleMs, expiresAt - createdAt));
      const previous = sessionId(request);
      if (previous !== undefined) await sessions.delete(digest(previous));
      void reply.setCookie(cookieName, id, {
        ...cookieOptions,
        maxAge: Math.floor((expiresAt - createdAt) / 1000),
      });
      request.log.info({ userId: session.userId }, 'signed in');
      return { userId: session.userId, scopes: session.scopes };
    },
  );

  app.get('/api/session', { schema: { response: { 200: sessionBody } } }, async (request, reply) => {
    const id = sessionId(request);
    const session = id === undefined ? undefined : await liveSession(id);
    if (!session) {
      if (request.cookies[cookieName] !== undefined) clearSessionCookie(reply);
      throw errors.unauthorized();
    }
    return { userId: session.userId, scopes: session.scopes };
  });

  app.delete('/api/session', async (request, reply) => {
    const id = sessionId(request);
    if (id !== undefined) await sessions.delete(digest(id));
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  if (isDirectory(options.staticDir)) {
    await app.register(fastifyStatic, { root: options.staticDir, prefix: '/' });
  }

  return app;
}
