import { AuthCodeError, requestAuthCode, type Scope } from '@authcode/core';
import {
  WALLET_FAILURE_CODE,
  createSimulatedSuperApp,
  createWalletCodeSource,
  type SimulatedSuperApp,
  type WalletConsent,
} from '@authcode/example-shared';
import { describe, expect, it } from 'vitest';

/**
 * The simulated super app's sheet with an async code source (the embedded wallet's consent, in
 * server mode) and without one (standalone, as before); examples/shared/src/superApp/simulatedSuperApp.ts.
 */

const scopes: Scope[] = ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'];

/** Does what the user does on the sheet as soon as it opens. */
function whenSheetOpens(superApp: SimulatedSuperApp, act: (superApp: SimulatedSuperApp) => void) {
  const unsubscribe = superApp.subscribe(() => {
    if (!superApp.getState().sheet) return;
    unsubscribe();
    act(superApp);
  });
}

/** A wallet that issues numbered codes and records each consent. */
function fakeWallet() {
  const consents: WalletConsent[] = [];
  const issueCode = async (consent: WalletConsent) => {
    consents.push(consent);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return `WALLET-CODE-${consents.length}`;
  };
  return { consents, issueCode };
}

describe('createSimulatedSuperApp with issueCode', () => {
  it('grants with the code the wallet issued for every scope on "Allow all"', async () => {
    const wallet = fakeWallet();
    const superApp = createSimulatedSuperApp({ delayMs: 0, issueCode: wallet.issueCode });
    whenSheetOpens(superApp, (app) => app.allowAll());
    const result = await requestAuthCode({ host: superApp.host, scopes });
    expect(result.authCode).toBe('WALLET-CODE-1');
    expect(result.grantedScopes).toEqual(scopes);
    expect(wallet.consents).toEqual([{ scopes }]);
    expect(superApp.getState().sheet).toBeUndefined();
  });

  it('asks the wallet only for the scopes left ticked on "Allow selected"', async () => {
    const wallet = fakeWallet();
    const superApp = createSimulatedSuperApp({ delayMs: 0, issueCode: wallet.issueCode });
    whenSheetOpens(superApp, (app) => {
      app.toggleScope('USER_CONTACTINFO_EMAIL');
      app.allowSelected();
    });
    const result = await requestAuthCode({ host: superApp.host, scopes, required: ['USER_LOGIN_ID'] });
    expect(result.authCode).toBe('WALLET-CODE-1');
    expect(result.deniedScopes).toEqual({ USER_CONTACTINFO_EMAIL: '40006' });
    expect(wallet.consents).toEqual([{ scopes: ['USER_LOGIN_ID'] }]);
  });

  it('gives each sheet its own new code', async () => {
    const wallet = fakeWallet();
    const superApp = createSimulatedSuperApp({ delayMs: 0, issueCode: wallet.issueCode });
    const codes: (string | undefined)[] = [];
    for (let round = 0; round < 3; round += 1) {
      whenSheetOpens(superApp, (app) => app.allowAll());
      codes.push((await requestAuthCode({ host: superApp.host, scopes })).authCode);
    }
    expect(codes).toEqual(['WALLET-CODE-1', 'WALLET-CODE-2', 'WALLET-CODE-3']);
  });

  it('answers error 12 when the wallet issues no code, without a code', async () => {
    const superApp = createSimulatedSuperApp({
      delayMs: 0,
      issueCode: () => Promise.reject(new Error('The wallet issued no code (HTTP 502).')),
    });
    whenSheetOpens(superApp, (app) => app.allowAll());
    const error: unknown = await requestAuthCode({ host: superApp.host, scopes }).catch((reason) => reason);
    expect(error).toBeInstanceOf(AuthCodeError);
    expect(error).toMatchObject({ kind: 'host', code: String(WALLET_FAILURE_CODE), retryable: true });
  });

  it('asks the wallet nothing when the user declines', async () => {
    const wallet = fakeWallet();
    const superApp = createSimulatedSuperApp({ delayMs: 0, issueCode: wallet.issueCode });
    whenSheetOpens(superApp, (app) => app.decline());
    await expect(requestAuthCode({ host: superApp.host, scopes })).rejects.toMatchObject({ code: '11' });
    expect(wallet.consents).toEqual([]);
  });

  it('still makes codes with createCode, synchronously, without issueCode (standalone)', async () => {
    const superApp = createSimulatedSuperApp({ delayMs: 0, createCode: () => 'STANDALONE-CODE' });
    whenSheetOpens(superApp, (app) => app.allowAll());
    await expect(requestAuthCode({ host: superApp.host, scopes })).resolves.toMatchObject({
      authCode: 'STANDALONE-CODE',
    });
  });
});

describe('createWalletCodeSource', () => {
  it('posts the allowed scopes to /wallet/consent and returns the issued code', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const issueCode = createWalletCodeSource(async (url, init) => {
      calls.push({ url, init });
      return Response.json({ authCode: 'WALLET-CODE', authSuccessScopes: ['USER_LOGIN_ID'] });
    });
    await expect(issueCode({ scopes: ['USER_LOGIN_ID'] })).resolves.toBe('WALLET-CODE');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/wallet/consent');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ scopes: ['USER_LOGIN_ID'] });
  });

  it('rejects when the wallet issues no code', async () => {
    const refused = createWalletCodeSource(async () =>
      Response.json({ error: { code: 'bad-request', message: 'no' } }, { status: 400 }),
    );
    await expect(refused({ scopes: ['USER_LOGIN_ID'] })).rejects.toThrow(
      'The wallet issued no code (HTTP 400).',
    );
    const empty = createWalletCodeSource(async () => Response.json({ authCode: '' }));
    await expect(empty({ scopes: ['USER_LOGIN_ID'] })).rejects.toThrow('HTTP 200');
  });
});
