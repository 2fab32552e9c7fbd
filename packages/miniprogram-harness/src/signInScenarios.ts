import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLogicLayer, type LogicLayer, type LogicLayerOptions } from './logicLayer.ts';
import type { PageHandle } from './framework.ts';
import { useMerchantServer, type ScenarioServer } from './merchantServer.ts';
import type { RenderedView } from './pageScenarios.ts';

/** A loopback URL where nothing listens: a server that is down. */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** What a signing-in page shows, read from its setData results. */
export interface SignInView extends RenderedView {
  /** The "Signed in as <userId>" line, undefined while the page shows none. */
  signedIn: string | undefined;
  /** The server's error code the page shows after a failed exchange (`code-used`, …; `server-unreachable` when no answer came). */
  errorCode: string | undefined;
}

export interface SignInScenarioOptions {
  /** The built mini program: a folder with app.json and app.js. */
  dir: string;
  /** The sign-in page. */
  route: string;
  /** Globals the framework's runtime needs from the engine (e.g. Taro reads `navigator`). */
  layer?: LogicLayerOptions;
  /** The merchant server: started on loopback for the file's tests; the page's origin is routed to it. */
  server: ScenarioServer;
  /** Where the page posts the code, on its server origin. Default `/api/session`. */
  path?: string;
  /**
   * The option names that reach `my.request`, sorted: what the framework translated its own API to
   * (Alipay reads `headers`; WeChat-style APIs take `header`). Checked when given.
   */
  requestOptionNames?: string[];
  read(page: PageHandle): SignInView;
  /** Fires the tap on the page's sign-in button. */
  tapAuthorize(page: PageHandle, layer: LogicLayer): Promise<void>;
}

/**
 * A page signs in end to end: the fake host's consent sheet answers with a code issued by the real
 * (embedded) wallet, the page posts it with `my.request` (through its framework's request API), the
 * harness routes that to the real merchant server on loopback, and the page shows the server's
 * answer. Registers: success ("Signed in as <userId>"; POST with `X-Authcode-Client`, JSON, no
 * `Origin`); a replayed code (`code-used`, and a new tap asks the sheet for a new code); a code the
 * wallet never issued (`code-invalid`); a server that is down (`server-unreachable`); leaving the
 * page while the server is asked (the request is aborted). No code in any page data, setData call or console line.
 */
export function describeSignInScenarios(name: string, options: SignInScenarioOptions): void {
  const merchant = useMerchantServer(options.server);
  const path = options.path ?? '/api/session';
  const userId = options.server.userId;

  async function openAndTap() {
    const layer = createLogicLayer(merchant.layer(options.layer));
    await layer.launch(options.dir);
    const page = await layer.openPage(options.route);
    await options.tapAuthorize(page, layer);
    return { layer, page };
  }

  /** Answers the page's latest sheet with `code` and waits until the page has the server's answer. */
  async function grant(layer: LogicLayer, code: string) {
    layer.host.lastAuthCall().grant({ authCode: code });
    await layer.settle();
  }

  /** The sign-in request the page sent: a mini program's, with the custom header and no Origin. */
  function expectSignInRequest(layer: LogicLayer, index: number, code: string) {
    const request = layer.host.requests[index];
    expect(request).toBeDefined();
    expect(request).toMatchObject({
      method: 'POST',
      url: `${options.server.origin}${path}`,
      sentTo: `${merchant.url}${path}`,
      state: 'answered',
      aborted: false,
    });
    expect(request!.headers['x-authcode-client']?.trim()).toBeTruthy();
    expect(request!.headers['content-type']).toMatch(/^application\/json/);
    expect(Object.keys(request!.headers)).not.toContain('origin');
    expect(Object.keys(request!.headers)).not.toContain('sec-fetch-site');
    expect(JSON.parse(request!.body ?? 'null')).toEqual({ authCode: code });
    if (options.requestOptionNames)
      expect([...request!.optionNames].sort()).toEqual(options.requestOptionNames);
    return request!;
  }

  /** Nothing went wrong, and no code is anywhere the page or its console shows. */
  function expectClean(layer: LogicLayer, ...codes: string[]) {
    expect(layer.errors).toEqual([]);
    expect(layer.console.records.filter((record) => record.level === 'error')).toEqual([]);
    for (const code of codes) {
      expect(layer.console.output).not.toContain(code);
      for (const page of layer.pages) {
        expect(JSON.stringify(page.data)).not.toContain(code);
        expect(JSON.stringify(page.setDataCalls)).not.toContain(code);
      }
    }
  }

  describe(`${name}: signs in through the merchant server`, () => {
    it('a code the wallet issued is exchanged on the real server: the page shows "Signed in as <userId>"', async () => {
      const { layer, page } = await openAndTap();
      expect(layer.host.authCalls).toHaveLength(1);
      const code = merchant.issueCode(layer.host.lastAuthCall().scopes);
      await grant(layer, code);

      const view = options.read(page);
      expect(view).toMatchObject({ status: 'success', signedIn: `Signed in as ${userId}` });
      expect(view.code).toBeUndefined();
      expect(view.errorCode).toBeUndefined();
      expect(layer.host.requests).toHaveLength(1);
      const request = expectSignInRequest(layer, 0, code);
      expect(request.status).toBe(200);
      expect(JSON.parse(request.responseText ?? 'null')).toMatchObject({ userId });
      expect(layer.clock.inFlight).toBe(0);
      expectClean(layer, code);
    });

    it('a replayed code: the server answers code-used, the page shows it, and a new tap asks for a new code', async () => {
      const first = await openAndTap();
      const code = merchant.issueCode(first.layer.host.lastAuthCall().scopes);
      await grant(first.layer, code);
      expect(options.read(first.page).signedIn).toBe(`Signed in as ${userId}`);

      // The same code on another device: the server refuses it.
      const second = await openAndTap();
      await grant(second.layer, code);
      expect(options.read(second.page)).toMatchObject({
        status: 'failed',
        errorKind: 'exchange',
        errorCode: 'code-used',
        signedIn: undefined,
      });
      expect(expectSignInRequest(second.layer, 0, code).status).toBe(409);

      // Trying again asks the sheet for a new code; the spent one is never sent again.
      await options.tapAuthorize(second.page, second.layer);
      expect(second.layer.host.authCalls).toHaveLength(2);
      const fresh = merchant.issueCode(second.layer.host.lastAuthCall().scopes);
      await grant(second.layer, fresh);
      expect(options.read(second.page)).toMatchObject({
        status: 'success',
        signedIn: `Signed in as ${userId}`,
        errorCode: undefined,
      });
      expect(second.layer.host.requests).toHaveLength(2);
      expectSignInRequest(second.layer, 1, fresh);
      expectClean(first.layer, code);
      expectClean(second.layer, code, fresh);
    });

    it('a code the wallet never issued: code-invalid', async () => {
      const { layer, page } = await openAndTap();
      const code = layer.host.lastAuthCall().grant();
      await layer.settle();
      expect(options.read(page)).toMatchObject({
        status: 'failed',
        errorKind: 'exchange',
        errorCode: 'code-invalid',
        signedIn: undefined,
      });
      expect(expectSignInRequest(layer, 0, code).status).toBe(400);
      expectClean(layer, code);
    });

    it('the server cannot be reached: failed, server-unreachable, and no code shown', async () => {
      const layer = createLogicLayer({
        ...options.layer,
        my: { ...options.layer?.my, routes: { [options.server.origin]: await closedPortUrl() } },
      });
      await layer.launch(options.dir);
      const page = await layer.openPage(options.route);
      await options.tapAuthorize(page, layer);
      const code = merchant.issueCode(layer.host.lastAuthCall().scopes);
      await grant(layer, code);
      expect(options.read(page)).toMatchObject({
        status: 'failed',
        errorKind: 'exchange',
        errorCode: 'server-unreachable',
        signedIn: undefined,
      });
      expect(layer.host.lastRequest().failure).toEqual({ error: 12, errorMessage: 'network error' });
      expectClean(layer, code);
    });

    it('leaving the page while the server is asked: the request is aborted, and nothing changes after', async () => {
      const { layer, page } = await openAndTap();
      const code = merchant.issueCode(layer.host.lastAuthCall().scopes);
      layer.host.lastAuthCall().grant({ authCode: code });
      expect(layer.host.requests).toHaveLength(1);
      await page.unload();
      const rendered = page.setDataCalls.length;
      await layer.settle();
      await layer.advance(60_000);

      expect(page.setDataCalls).toHaveLength(rendered);
      expect(options.read(page).signedIn).toBeUndefined();
      expect(layer.host.lastRequest()).toMatchObject({ state: 'answered', aborted: true });
      expect(layer.clock.inFlight).toBe(0);
      expectClean(layer, code);
    });
  });
}
