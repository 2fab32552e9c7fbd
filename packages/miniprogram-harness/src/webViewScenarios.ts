import { describe, expect, it } from 'vitest';
import { createLogicLayer, type LogicLayer, type LogicLayerOptions } from './logicLayer.ts';
import type { PageHandle } from './framework.ts';

/** The `<web-view>` events a responder page binds: `message` (`detail: { data }`) and `load` (`detail: { src }`). */
export type WebViewEventType = 'message' | 'load';

export interface WebViewScenarioOptions {
  /** The built mini program: a folder with app.json and app.js. */
  dir: string;
  /** The page that holds the `<web-view>` and its responder. */
  route: string;
  /** The `id` of the page's `<web-view>`: answers must go through `my.createWebViewContext(webViewId)`. */
  webViewId: string;
  /** The H5 page's URL, as the page passes it to `responder.src()`; its origin is the one the page allows. */
  url: string;
  /** The scopes the page lets its H5 page ask for, in order. */
  scopes: string[];
  /** Globals the framework's runtime needs from the engine (e.g. Taro reads `navigator`). */
  layer?: LogicLayerOptions;
  /** The `src` of the rendered `<web-view>`, or undefined while the page renders none. */
  readSrc(page: PageHandle): string | undefined;
  /** Fires a `<web-view>` event on the page the way its compiled template binds it, then settles. */
  fireWebViewEvent(page: PageHandle, type: WebViewEventType, detail: Record<string, unknown>): Promise<void>;
  /**
   * The example's sign-in page, where its flow and the responder share the per-host turns (the build
   * holds one copy of @authcode/core): a web-view request must then wait for that page's consent sheet.
   */
  signInPage?: {
    route: string;
    /** Fires the tap on the page's authorize button (as in `describePageScenarios`). */
    tapAuthorize(page: PageHandle, layer: LogicLayer): Promise<void>;
  };
}

/** An answer as the H5 page receives it. */
interface Answer {
  type: string;
  id: string | null;
  via: string;
  payload: Record<string, unknown>;
}

// The protocol written out, not imported: a renamed field would break every deployed H5 page.
const secretFragment = /^#authcode-secret=([A-Za-z0-9_-]{22})$/;
const request = (id: string, secret: string | undefined, scopes: string[]) => ({
  type: '@authcode/request',
  id,
  scopes,
  secret,
});
const base64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
/** A scope the example pages do not let their H5 page ask for. */
const forbiddenScope = 'USER_CONTACTINFO_EMAIL';

/**
 * The scenarios every example's web-view page must pass in the logic layer: the web-view opens with a
 * secret made from `my.getRandomValues` (there is no Web Crypto), and only a request that carries it,
 * for allowed scopes, reaches `my.getAuthCode`, one at a time; every answer goes back through
 * `my.createWebViewContext(webViewId).postMessage`, and no refusal carries a code.
 */
export function describeWebViewScenarios(name: string, options: WebViewScenarioOptions): void {
  if (options.scopes.includes(forbiddenScope)) {
    throw new Error(
      `describeWebViewScenarios refuses ${forbiddenScope} to check refusals: allow other scopes.`,
    );
  }

  async function open(layerOptions = options.layer) {
    const layer = createLogicLayer(layerOptions);
    await layer.launch(options.dir);
    const page = await layer.openPage(options.route);
    return { layer, page };
  }

  function secretOf(page: PageHandle): string {
    const src = options.readSrc(page);
    const secret = src?.startsWith(options.url)
      ? secretFragment.exec(src.slice(options.url.length))?.[1]
      : undefined;
    if (!secret)
      throw new Error(`The page rendered no web-view with ${options.url} and a secret: src ${src}`);
    return secret;
  }

  const send = (page: PageHandle, data: unknown) => options.fireWebViewEvent(page, 'message', { data });
  const answers = (layer: LogicLayer) => layer.host.webViewMessages(options.webViewId) as Answer[];
  const refusals = (layer: LogicLayer) =>
    answers(layer).map((answer) => [
      answer.id,
      answer.via,
      answer.payload.error,
      'authCode' in answer.payload,
    ]);

  function expectClean(layer: LogicLayer, code?: string) {
    expect(layer.errors).toEqual([]);
    expect(layer.console.records.filter((record) => record.level === 'error')).toEqual([]);
    if (code) {
      expect(layer.console.output).not.toContain(code);
      for (const page of layer.pages) expect(JSON.stringify(page.data)).not.toContain(code);
    }
  }

  describe(`${name}: the web-view page in the logic layer`, () => {
    it('renders the web-view at the H5 URL with a 128-bit secret made from my.getRandomValues (no Web Crypto)', async () => {
      const { layer, page } = await open();
      const secret = secretOf(page);

      expect(layer.evaluate('typeof crypto')).toBe('undefined');
      const asked = layer.host.apiCalls.filter((call) => call.api === 'getRandomValues');
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.map((call) => (call.args[0] as { length?: unknown }).length)).toEqual(asked.map(() => 16));
      expect(layer.host.randomValuesGiven.map(base64Url)).toContain(secret);
      expect(layer.host.authCalls).toHaveLength(0);
      expect(answers(layer)).toEqual([]);
      expectClean(layer);
    });

    it('each opening of the page gets a secret of its own', async () => {
      const first = await open();
      const second = await open();

      expect(secretOf(second.page)).not.toBe(secretOf(first.page));
    });

    it('renders no web-view until the host has given the random bytes', async () => {
      const held: { success?: (result: unknown) => void }[] = [];
      const my = options.layer?.my;
      const { layer, page } = await open({
        ...options.layer,
        my: { ...my, extra: { ...my?.extra, getRandomValues: (asked: never) => void held.push(asked) } },
      });
      expect(held).toHaveLength(1);
      expect(options.readSrc(page)).toBeUndefined();

      held[0]!.success?.(
        layer.run(
          'module.exports = { randomValues: new Uint8Array([0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]).buffer };',
        ),
      );
      await layer.settle();
      expect(secretOf(page)).toBe('AAECAwQFBgcICQoLDA0ODw');
      expectClean(layer);
    });

    it('a request with the secret: one my.getAuthCode call with the allowed scopes; the grant goes back to the web-view', async () => {
      const { layer, page } = await open();
      await send(page, request('r1', secretOf(page), options.scopes));
      expect(layer.host.authCalls).toHaveLength(1);
      expect(layer.host.lastAuthCall().scopes).toEqual(options.scopes);
      expect(answers(layer)).toEqual([]);

      const code = layer.host.lastAuthCall().grant();
      await layer.settle();
      const contexts = layer.host.apiCalls.filter((call) => call.api === 'createWebViewContext');
      expect(contexts.map((call) => call.args[0])).toEqual([options.webViewId]);
      expect(answers(layer)).toEqual([
        {
          type: '@authcode/answer',
          id: 'r1',
          via: 'success',
          payload: { authCode: code, authSuccessScopes: options.scopes, authErrorScopes: {} },
        },
      ]);
      expectClean(layer, code);
    });

    it('the user closes the sheet (11): a fail answer with the host payload', async () => {
      const { layer, page } = await open();
      await send(page, request('r1', secretOf(page), options.scopes));
      layer.host.lastAuthCall().decline();
      await layer.settle();

      expect(answers(layer)).toEqual([
        {
          type: '@authcode/answer',
          id: 'r1',
          via: 'fail',
          payload: { error: 11, errorMessage: 'Unauthorized to Get User Info' },
        },
      ]);
      expectClean(layer);
    });

    it('no secret, or an edited one: refused untrusted-page, no consent sheet, and the right secret still works', async () => {
      const { layer, page } = await open();
      const secret = secretOf(page);
      const edited = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
      await send(page, request('no-secret', undefined, options.scopes));
      await send(page, request('edited', edited, options.scopes));
      await send(page, request('cut', secret.slice(0, -1), options.scopes));

      expect(layer.host.authCalls).toHaveLength(0);
      expect(refusals(layer)).toEqual([
        ['no-secret', 'fail', 'untrusted-page', false],
        ['edited', 'fail', 'untrusted-page', false],
        ['cut', 'fail', 'untrusted-page', false],
      ]);
      // A page without the secret uses nothing up.
      await send(page, request('right', secret, options.scopes));
      expect(layer.host.authCalls).toHaveLength(1);
      expectClean(layer);
    });

    it(`a scope the page does not allow (${forbiddenScope}): refused scope-not-allowed, no consent sheet`, async () => {
      const { layer, page } = await open();
      await send(page, request('r1', secretOf(page), [...options.scopes, forbiddenScope]));

      expect(layer.host.authCalls).toHaveLength(0);
      expect(refusals(layer)).toEqual([['r1', 'fail', 'scope-not-allowed', false]]);
      expectClean(layer);
    });

    it('a burst of 30 requests with the secret: one consent sheet, the other 29 answered busy', async () => {
      const { layer, page } = await open();
      const secret = secretOf(page);
      const ids = Array.from({ length: 30 }, (_, index) => `burst-${index}`);
      await Promise.all(ids.map((id) => send(page, request(id, secret, options.scopes))));

      expect(layer.host.authCalls).toHaveLength(1);
      expect(refusals(layer)).toEqual(ids.slice(1).map((id) => [id, 'fail', 'busy', false]));
      const code = layer.host.lastAuthCall().grant();
      await layer.settle();
      expect(answers(layer).at(-1)).toMatchObject({
        id: 'burst-0',
        via: 'success',
        payload: { authCode: code },
      });
      expect(layer.host.authCalls).toHaveLength(1);
      expectClean(layer, code);
    });

    const { signInPage } = options;
    if (signInPage) {
      it("while the sign-in page's consent sheet is open, a web-view request waits for it (one sheet at a time)", async () => {
        const layer = createLogicLayer(options.layer);
        await layer.launch(options.dir);
        await signInPage.tapAuthorize(await layer.openPage(signInPage.route), layer);
        expect(layer.host.authCalls).toHaveLength(1);
        const page = await layer.openPage(options.route);
        await send(page, request('r1', secretOf(page), options.scopes));
        expect(layer.host.authCalls).toHaveLength(1);

        layer.host.authCalls[0]!.decline();
        await layer.settle();
        expect(layer.host.authCalls).toHaveLength(2);
        expect(layer.host.authCalls[1]!.scopes).toEqual(options.scopes);
        const code = layer.host.authCalls[1]!.grant();
        await layer.settle();
        expect(answers(layer)).toMatchObject([{ id: 'r1', via: 'success', payload: { authCode: code } }]);
        expectClean(layer, code);
      });
    }

    it('after the web-view loads a page of another origin, requests are refused untrusted-page', async () => {
      const { layer, page } = await open();
      const secret = secretOf(page);
      await options.fireWebViewEvent(page, 'load', { src: 'https://elsewhere.example/sign-in' });
      await send(page, request('elsewhere', secret, options.scopes));
      expect(layer.host.authCalls).toHaveLength(0);
      expect(refusals(layer)).toEqual([['elsewhere', 'fail', 'untrusted-page', false]]);

      await options.fireWebViewEvent(page, 'load', { src: `${options.url}#back` });
      await send(page, request('back', secret, options.scopes));
      expect(layer.host.authCalls).toHaveLength(1);
      expectClean(layer);
    });
  });
}
