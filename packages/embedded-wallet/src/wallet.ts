import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  alipayPlusContent,
  alipayPlusPaths,
  alipayPlusResults,
  alipayPlusSign,
  alipayPlusSignatureHeader,
  alipayPlusVerify,
  parseAlipayPlusSignatureHeader,
  type AlipayPlusResult,
} from './alipayPlus.ts';
import {
  danaSnapAnswer,
  danaSnapCodes,
  danaSnapMessages,
  danaSnapPaths,
  danaSnapVerify,
  jakartaTime,
  snapTimestampPattern,
  type DanaSnapAnswer,
} from './danaSnap.ts';
import { randomBase32, SecretStore } from './secretStore.ts';

/** A wallet account. The fields other than `userId` are released only for the matching scopes. */
export interface EmbeddedWalletUser {
  /** The wallet's id of the user: Alipay+ `customerId`, DANA `publicUserId`. */
  userId: string;
  /** Phone number (scope `USER_LOGIN_ID`). */
  loginId?: string;
  /** Scope `USER_NAME`. */
  fullName?: string;
  /** Scopes `USER_CONTACTINFO_EMAIL` and `USER_CONTACTINFO`. */
  email?: string;
  /** Scope `USER_AVATAR`. */
  avatar?: string;
}

export interface EmbeddedWalletOptions {
  /** 0 (default): a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** How long an issued code can be exchanged. Default: `WALLET_CODE_TTL_MS` of `env`, else 600000 (10 minutes, DANA's and AlipayHK's). */
  codeTtlMs?: number;
  /** Where `WALLET_CODE_TTL_MS` is read. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The merchant's id: Alipay+ `Client-Id`, DANA `X-CLIENT-KEY` (partner id). Default `EMBEDDED_TEST_CLIENT`. */
  clientId?: string;
  /** PEM (SPKI or PKCS#1) or KeyObject: verifies the merchant's request signatures. Default: a TEST-ONLY pair is generated (see `merchantPrivateKey`). */
  merchantPublicKey?: string | KeyObject;
  /** PEM or KeyObject: signs the wallet's Alipay+ responses. Default: a TEST-ONLY key generated at start. */
  walletPrivateKey?: string | KeyObject;
  /** The accounts; the first is the default user of a consent. Default: one test user. */
  users?: readonly EmbeddedWalletUser[];
  /** The wallet's clock in milliseconds (code and token expiry, Response-Time). Default `Date.now`. */
  now?: () => number;
  /** At most this many codes (and as many access tokens) are remembered; the oldest go first. Default 10000. */
  maxCodes?: number;
  /** Default 3600000 (1 hour). */
  accessTokenTtlMs?: number;
  /** When set, an Alipay+ applyToken must carry this `customerBelongsTo` (checked after the code is consumed). */
  customerBelongsTo?: string;
  /** Called after each answer; never carries a code or a token. */
  onRequest?: (event: EmbeddedWalletEvent) => void;
}

export interface EmbeddedWalletEvent {
  api: 'alipay-plus' | 'dana-snap' | 'consent' | 'other';
  method: string;
  path: string;
  /** HTTP status, or 0 when the connection was reset (fault `reset`) or went away before the answer. */
  status: number;
  /** Alipay+ `resultCode` or DANA `responseCode` when there is one. */
  result?: string;
}

/** Fault injection, for the merchant server's timeout and wallet-unavailable paths. */
export interface EmbeddedWalletFaults {
  /** Every API answer (not /consent) waits this long after the request was processed. */
  delayMs: number;
  /** `unavailable`: API requests get HTTP 503 with no body; `reset`: their connection is destroyed. */
  mode: 'normal' | 'unavailable' | 'reset';
  /** Alipay+ answers are signed with a key that is not the wallet's (a forged response). */
  forgeResponseSignature: boolean;
  /** An exchange consumes the code, then fails (Alipay+ UNKNOWN_EXCEPTION, DANA 500): the next attempt sees "used". */
  failAfterConsume: boolean;
}

export interface Consent {
  scopes: readonly string[];
  /** Default: the first user. */
  userId?: string;
}

export interface EmbeddedWallet {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly clientId: string;
  readonly codeTtlMs: number;
  /** SPKI PEM of the key that signs the wallet's responses. */
  readonly walletPublicKey: string;
  /** SPKI PEM of the key that verifies the merchant's requests. */
  readonly merchantPublicKey: string;
  /** PKCS#8 PEM of the generated TEST-ONLY merchant key; undefined when `merchantPublicKey` was given. */
  readonly merchantPrivateKey: string | undefined;
  /** What the consent sheet does after "Allow": a new one-time code for these scopes. */
  issueCode(consent: Consent): string;
  /** The merchant-side settings for this wallet (needs the generated merchant key). */
  merchantConfig(): { url: string; clientId: string; privateKey: string; walletPublicKey: string };
  readonly faults: Readonly<EmbeddedWalletFaults>;
  setFaults(faults: Partial<EmbeddedWalletFaults>): void;
  stats(): { codes: number; accessTokens: number };
  close(): Promise<void>;
}

export const consentPath = '/consent';
export const defaultClientId = 'EMBEDDED_TEST_CLIENT';
/** Five demo accounts (the first is the default): a test can sign several people in at once. */
export const defaultUsers: readonly EmbeddedWalletUser[] = [1, 2, 3, 4, 5].map((n) => ({
  userId: `218800000000000${n}`,
  loginId: `62812000000${String(n).padStart(2, '0')}`,
  fullName: `Test User ${n}`,
  email: `test.user${n}@example.com`,
  avatar: `https://example.com/avatar/test-user-${n}.png`,
}));

const defaultFaults: EmbeddedWalletFaults = {
  delayMs: 0,
  mode: 'normal',
  forgeResponseSignature: false,
  failAfterConsume: false,
};
const maxBodyBytes = 64 * 1024;
const scopePattern = /^[A-Za-z0-9_.:-]{1,64}$/;

interface CodeGrant {
  userId: string;
  scopes: readonly string[];
  expiresAt: number;
  used: boolean;
}
interface TokenGrant {
  userId: string;
  scopes: readonly string[];
  expiresAt: number;
}
type Redeemed = { outcome: 'ok'; grant: CodeGrant } | { outcome: 'invalid' | 'used' | 'expired' };

/** Starts the wallet on a real HTTP server (node:http) and resolves once it listens. */
export async function startEmbeddedWallet(options: EmbeddedWalletOptions = {}): Promise<EmbeddedWallet> {
  const now = options.now ?? Date.now;
  const codeTtlMs = options.codeTtlMs ?? codeTtlFromEnv(options.env ?? process.env);
  assertPositiveInteger(codeTtlMs, 'codeTtlMs');
  const accessTokenTtlMs = options.accessTokenTtlMs ?? 3_600_000;
  assertPositiveInteger(accessTokenTtlMs, 'accessTokenTtlMs');
  const maxCodes = options.maxCodes ?? 10_000;
  const clientId = options.clientId ?? defaultClientId;
  const users = new Map((options.users ?? defaultUsers).map((user) => [user.userId, user]));
  const defaultUser = (options.users ?? defaultUsers)[0];
  if (!defaultUser) throw new RangeError('users must not be empty');

  const walletPrivateKey = options.walletPrivateKey
    ? toPrivateKey(options.walletPrivateKey)
    : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  let forgeryKey: KeyObject | undefined; // made on the first forged answer
  let merchantPublicKey: KeyObject;
  let merchantPrivateKey: string | undefined;
  if (options.merchantPublicKey) {
    merchantPublicKey = toPublicKey(options.merchantPublicKey);
  } else {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    merchantPublicKey = pair.publicKey;
    merchantPrivateKey = pemOf(pair.privateKey, 'pkcs8');
  }
  const walletPublicKeyPem = pemOf(createPublicKey(walletPrivateKey), 'spki');

  const codes = new SecretStore<CodeGrant>({ maxEntries: maxCodes, now });
  const tokens = new SecretStore<TokenGrant>({ maxEntries: maxCodes, now });
  let faults: EmbeddedWalletFaults = { ...defaultFaults };
  const waits = new Set<() => void>();
  let closed = false;

  function issueCode(consent: Consent): string {
    const scopes = checkScopes(consent.scopes);
    const userId = consent.userId ?? defaultUser!.userId;
    if (!users.has(userId)) throw new RangeError('unknown userId');
    const code = `2810${randomBase32(28)}`;
    const expiresAt = now() + codeTtlMs;
    // Kept one more TTL after expiry, so a late attempt reads "expired" or "used", not "invalid".
    codes.set(code, { userId, scopes, expiresAt, used: false }, expiresAt + codeTtlMs);
    return code;
  }

  /** A code's one attempt: whatever happens next, it cannot be exchanged again. */
  function redeem(code: string): Redeemed {
    const grant = codes.get(code);
    if (!grant) return { outcome: 'invalid' };
    if (grant.used) return { outcome: 'used' };
    if (now() >= grant.expiresAt) return { outcome: 'expired' };
    grant.used = true;
    return { outcome: 'ok', grant };
  }

  function issueTokens(grant: CodeGrant) {
    const accessToken = `2810${randomBase32(44)}`;
    const refreshToken = `2810${randomBase32(44)}`;
    const issuedAt = now();
    const accessTokenExpiresAt = issuedAt + accessTokenTtlMs;
    tokens.set(
      accessToken,
      { userId: grant.userId, scopes: grant.scopes, expiresAt: accessTokenExpiresAt },
      accessTokenExpiresAt + accessTokenTtlMs,
    );
    return {
      accessToken,
      accessTokenExpiresAt,
      refreshToken,
      refreshTokenExpiresAt: issuedAt + 30 * 86_400_000,
    };
  }

  // ----- Alipay+ -----

  function alipayPlusAnswer(
    result: AlipayPlusResult,
    fields: Record<string, unknown> = {},
  ): { result: AlipayPlusResult } & Record<string, unknown> {
    return { result: { ...result }, ...fields };
  }

  async function handleAlipayPlus(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const answer = await (async () => {
      if (req.method !== 'POST') return alipayPlusAnswer(alipayPlusResults.METHOD_NOT_SUPPORTED);
      const raw = await readBody(req);
      if (raw === undefined) return alipayPlusAnswer(alipayPlusResults.PARAM_ILLEGAL);
      const requestClientId = header(req, 'client-id');
      const requestTime = header(req, 'request-time');
      if (!requestClientId || !requestTime) return alipayPlusAnswer(alipayPlusResults.PARAM_ILLEGAL);
      if (requestClientId !== clientId) return alipayPlusAnswer(alipayPlusResults.INVALID_CLIENT);
      const signature = parseAlipayPlusSignatureHeader(header(req, 'signature'));
      if (
        !signature ||
        signature.algorithm !== 'RSA256' ||
        !alipayPlusVerify(
          alipayPlusContent('POST', path, requestClientId, requestTime, raw),
          signature.signature,
          merchantPublicKey,
        )
      ) {
        return alipayPlusAnswer(alipayPlusResults.INVALID_SIGNATURE);
      }
      const body = parseObject(raw);
      if (!body) return alipayPlusAnswer(alipayPlusResults.PARAM_ILLEGAL);

      if (path === alipayPlusPaths.inquiryUserInfo) {
        const accessToken = body['accessToken'];
        if (typeof accessToken !== 'string' || !accessToken) {
          return alipayPlusAnswer(alipayPlusResults.PARAM_ILLEGAL);
        }
        const grant = tokens.get(accessToken);
        if (!grant) return alipayPlusAnswer(alipayPlusResults.INVALID_ACCESS_TOKEN);
        if (now() >= grant.expiresAt) return alipayPlusAnswer(alipayPlusResults.EXPIRED_ACCESS_TOKEN);
        return alipayPlusAnswer(alipayPlusResults.SUCCESS, {
          userInfo: releasedUserInfo(users.get(grant.userId)!, grant.scopes),
        });
      }

      // applyToken. REFRESH_TOKEN is not implemented by the embedded wallet.
      const authCode = body['authCode'];
      if (body['grantType'] !== 'AUTHORIZATION_CODE' || typeof authCode !== 'string' || !authCode) {
        return alipayPlusAnswer(alipayPlusResults.PARAM_ILLEGAL);
      }
      if (authCode.length > 128) return alipayPlusAnswer(alipayPlusResults.INVALID_CODE);
      const redeemed = redeem(authCode);
      if (redeemed.outcome !== 'ok') {
        const refusals = {
          invalid: alipayPlusResults.INVALID_CODE,
          used: alipayPlusResults.USED_CODE,
          expired: alipayPlusResults.EXPIRED_CODE,
        };
        return alipayPlusAnswer(refusals[redeemed.outcome]);
      }
      // From here on the code is spent, whatever this attempt answers.
      if (
        options.customerBelongsTo !== undefined &&
        body['customerBelongsTo'] !== options.customerBelongsTo
      ) {
        return alipayPlusAnswer(alipayPlusResults.PARAM_ILLEGAL);
      }
      if (faults.failAfterConsume) return alipayPlusAnswer(alipayPlusResults.UNKNOWN_EXCEPTION);
      const issued = issueTokens(redeemed.grant);
      return alipayPlusAnswer(alipayPlusResults.SUCCESS, {
        accessToken: issued.accessToken,
        accessTokenExpiryTime: new Date(issued.accessTokenExpiresAt).toISOString(),
        refreshToken: issued.refreshToken,
        refreshTokenExpiryTime: new Date(issued.refreshTokenExpiresAt).toISOString(),
        customerId: redeemed.grant.userId,
        // An embedded-wallet extension (extendInfo is Alipay+'s free-form string field): the
        // scopes the consent granted. A real wallet may not send it.
        extendInfo: JSON.stringify({ authSuccessScopes: redeemed.grant.scopes }),
      });
    })();

    const body = JSON.stringify(answer);
    const responseTime = new Date(now()).toISOString();
    // The answer names (and signs for) the Client-Id of the request, as the SDKs read it back.
    const answeredClientId = header(req, 'client-id') || clientId;
    const signature = alipayPlusSign(
      alipayPlusContent('POST', path, answeredClientId, responseTime, body),
      faults.forgeResponseSignature
        ? (forgeryKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)
        : walletPrivateKey,
    );
    await send(res, 200, body, {
      'Content-Type': 'application/json; charset=UTF-8',
      'Client-Id': answeredClientId,
      'Response-Time': responseTime,
      Signature: alipayPlusSignatureHeader(signature),
    });
    emit('alipay-plus', req, path, res, answer.result.resultCode);
  }

  // ----- DANA SNAP -----

  async function handleDanaSnap(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const answer = await (async (): Promise<DanaSnapAnswer> => {
      if (req.method !== 'POST') return danaSnapAnswer('4057400', 'Method Not Allowed');
      const raw = await readBody(req);
      if (raw === undefined) return danaSnapAnswer(danaSnapCodes.invalidFieldFormat, 'Invalid Field Format');
      for (const name of ['X-TIMESTAMP', 'X-CLIENT-KEY', 'X-SIGNATURE']) {
        if (!header(req, name.toLowerCase())) {
          return danaSnapAnswer(danaSnapCodes.invalidMandatoryField, `Invalid Mandatory Field ${name}`);
        }
      }
      const timestamp = header(req, 'x-timestamp')!;
      const clientKey = header(req, 'x-client-key')!;
      if (!snapTimestampPattern.test(timestamp)) {
        return danaSnapAnswer(danaSnapCodes.invalidFieldFormat, 'Invalid Field Format X-TIMESTAMP');
      }
      if (clientKey !== clientId)
        return danaSnapAnswer(danaSnapCodes.unauthorized, danaSnapMessages.unknownClient);
      if (!danaSnapVerify(clientKey, timestamp, header(req, 'x-signature')!, merchantPublicKey)) {
        return danaSnapAnswer(danaSnapCodes.unauthorized, danaSnapMessages.invalidSignature);
      }
      const body = parseObject(raw);
      if (!body) return danaSnapAnswer(danaSnapCodes.invalidFieldFormat, 'Invalid Field Format');
      if (body['grantType'] !== 'AUTHORIZATION_CODE') {
        return danaSnapAnswer(danaSnapCodes.invalidFieldFormat, 'Invalid Field Format grantType');
      }
      const authCode = body['authCode'];
      if (typeof authCode !== 'string' || !authCode) {
        return danaSnapAnswer(danaSnapCodes.invalidMandatoryField, 'Invalid Mandatory Field authCode');
      }
      if (authCode.length > 256) {
        return danaSnapAnswer(danaSnapCodes.invalidFieldFormat, 'Invalid Field Format authCode');
      }
      const redeemed = redeem(authCode);
      if (redeemed.outcome !== 'ok') {
        const refusals = {
          invalid: danaSnapMessages.codeInvalid,
          used: danaSnapMessages.codeUsed,
          expired: danaSnapMessages.codeExpired,
        };
        return danaSnapAnswer(danaSnapCodes.unauthorized, refusals[redeemed.outcome]);
      }
      if (faults.failAfterConsume) {
        return danaSnapAnswer(danaSnapCodes.internalServerError, danaSnapMessages.internalServerError);
      }
      const issued = issueTokens(redeemed.grant);
      return danaSnapAnswer(danaSnapCodes.success, danaSnapMessages.success, {
        tokenType: 'Bearer',
        accessToken: issued.accessToken,
        accessTokenExpiryTime: jakartaTime(issued.accessTokenExpiresAt),
        refreshToken: issued.refreshToken,
        refreshTokenExpiryTime: jakartaTime(issued.refreshTokenExpiresAt),
        additionalInfo: {
          userInfo: { publicUserId: redeemed.grant.userId },
          // An embedded-wallet extension, not part of DANA's response: the consent's scopes.
          authSuccessScopes: redeemed.grant.scopes,
        },
      });
    })();
    await send(res, answer.status, JSON.stringify(answer.body), {
      'Content-Type': 'application/json',
    });
    emit('dana-snap', req, path, res, answer.body.responseCode);
  }

  // ----- consent -----

  async function handleConsent(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    };
    let status: number;
    let body: string;
    if (req.method === 'OPTIONS') {
      status = 204;
      body = '';
    } else if (req.method !== 'POST') {
      status = 405;
      body = JSON.stringify({ error: 'method-not-allowed' });
    } else {
      const raw = await readBody(req);
      const request = raw === undefined ? undefined : parseObject(raw);
      try {
        if (!request) throw new TypeError('expected a JSON object');
        const userId = request['userId'];
        if (userId !== undefined && typeof userId !== 'string')
          throw new TypeError('userId must be a string');
        const scopes = checkScopes(request['scopes']);
        const authCode = issueCode({ scopes, userId });
        status = 200;
        body = JSON.stringify({ authCode, authSuccessScopes: scopes, authErrorScopes: {} });
      } catch (error) {
        status = 400;
        body = JSON.stringify({ error: 'bad-request', message: (error as Error).message });
      }
    }
    res.writeHead(status, { ...cors, ...(body ? { 'Content-Type': 'application/json' } : {}) });
    res.end(body);
    emit('consent', req, consentPath, res);
  }

  // ----- HTTP plumbing -----

  function header(req: IncomingMessage, name: string): string | undefined {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  }

  /** The body as UTF-8, or undefined past the size limit. */
  async function readBody(req: IncomingMessage): Promise<string | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) return undefined;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function send(
    res: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string>,
  ): Promise<void> {
    if (faults.delayMs > 0) await wait(faults.delayMs, res);
    if (res.destroyed || closed) return;
    res.writeHead(status, { ...headers, 'Cache-Control': 'no-store' });
    res.end(body);
  }

  function wait(ms: number, res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        res.off('close', done);
        waits.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      res.once('close', done);
      waits.add(done);
    });
  }

  function emit(
    api: EmbeddedWalletEvent['api'],
    req: IncomingMessage,
    path: string,
    res: ServerResponse,
    result?: string,
  ): void {
    if (!options.onRequest) return;
    const status = res.headersSent ? res.statusCode : 0;
    options.onRequest({ api, method: req.method ?? '', path, status, ...(result ? { result } : {}) });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://wallet.invalid').pathname;
    if (path === consentPath) return handleConsent(req, res);
    const api =
      path === alipayPlusPaths.applyToken || path === alipayPlusPaths.inquiryUserInfo
        ? 'alipay-plus'
        : path === danaSnapPaths.applyToken
          ? 'dana-snap'
          : undefined;
    if (!api) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'not-found' }));
      emit('other', req, path, res);
      return;
    }
    if (faults.mode === 'reset') {
      req.socket.destroy();
      emit(api, req, path, res);
      return;
    }
    if (faults.mode === 'unavailable') {
      req.resume();
      await send(res, 503, '', { 'Retry-After': '1' });
      emit(api, req, path, res);
      return;
    }
    return api === 'alipay-plus' ? handleAlipayPlus(req, res, path) : handleDanaSnap(req, res, path);
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const merchantPublicKeyPem = pemOf(merchantPublicKey, 'spki');

  return {
    url,
    port: address.port,
    clientId,
    codeTtlMs,
    walletPublicKey: walletPublicKeyPem,
    merchantPublicKey: merchantPublicKeyPem,
    merchantPrivateKey,
    issueCode,
    merchantConfig() {
      if (!merchantPrivateKey) {
        throw new Error(
          'the merchant key was given, not generated: the wallet does not know the private key',
        );
      }
      return { url, clientId, privateKey: merchantPrivateKey, walletPublicKey: walletPublicKeyPem };
    },
    get faults() {
      return { ...faults };
    },
    setFaults(next) {
      faults = { ...faults, ...next };
    },
    stats() {
      codes.sweep();
      tokens.sweep();
      return { codes: codes.size, accessTokens: tokens.size };
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const done of [...waits]) done();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Only what the granted scopes allow; `userId` always (as `auth_base`). */
function releasedUserInfo(user: EmbeddedWalletUser, scopes: readonly string[]): Record<string, unknown> {
  const granted = new Set(scopes);
  const info: Record<string, unknown> = { userId: user.userId };
  if (granted.has('USER_LOGIN_ID') && user.loginId) {
    info['loginIdInfos'] = [{ loginIdType: 'MOBILE_PHONE', loginId: user.loginId }];
  }
  if (granted.has('USER_NAME') && user.fullName) info['userName'] = { fullName: user.fullName };
  if ((granted.has('USER_CONTACTINFO_EMAIL') || granted.has('USER_CONTACTINFO')) && user.email) {
    info['contactInfos'] = [{ contactType: 'EMAIL', contactNo: user.email }];
  }
  if (granted.has('USER_AVATAR') && user.avatar) info['avatar'] = user.avatar;
  return info;
}

function checkScopes(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 64) {
    throw new TypeError('scopes must be a non-empty array of at most 64 scope names');
  }
  for (const scope of value) {
    if (typeof scope !== 'string' || !scopePattern.test(scope)) {
      throw new TypeError('each scope must be 1 to 64 characters of A-Z a-z 0-9 _ . : -');
    }
  }
  return [...new Set(value as string[])];
}

function parseObject(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function codeTtlFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env['WALLET_CODE_TTL_MS'];
  if (raw === undefined || raw.trim() === '') return 600_000;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError('WALLET_CODE_TTL_MS must be a positive integer (milliseconds)');
  }
  return value;
}

function assertPositiveInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`);
}

function toPrivateKey(key: string | KeyObject): KeyObject {
  return typeof key === 'string' ? createPrivateKey(key) : key;
}

function toPublicKey(key: string | KeyObject): KeyObject {
  return typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
}

function pemOf(key: KeyObject, type: 'spki' | 'pkcs8'): string {
  return key.export({ type, format: 'pem' }) as string;
}
