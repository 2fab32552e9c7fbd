import { describe, expect, it } from 'vitest';
import { createLogicLayer, type LogicLayer, type LogicLayerOptions } from './logicLayer.ts';
import type { PageHandle } from './framework.ts';
import { useMerchantServer, type ScenarioServer } from './merchantServer.ts';

/** What a page shows, read from its setData results. */
export interface RenderedView {
  status: string | undefined;
  /** The code as the page renders it (masked). */
  code: string | undefined;
  /** The error kind the page renders in `failed`. */
  errorKind: string | undefined;
  /** A page that signs in through a server: the "Signed in as <userId>" line it shows, if any. */
  signedIn?: string | undefined;
}

export interface PageScenarioOptions {
  /** The built mini program: a folder with app.json and app.js. */
  dir: string;
  route: string;
  /** The scopes the page asks for, in order. */
  scopes: string[];
  /** Globals the framework's runtime needs from the engine (e.g. Taro reads `navigator`). */
  layer?: LogicLayerOptions;
  read(page: PageHandle): RenderedView;
  /** Fires the tap on the page's authorize button. */
  tapAuthorize(page: PageHandle, layer: LogicLayer): Promise<void>;
  /**
   * For a page whose flow has an `exchange` that posts the code to its server: that server, started on
   * loopback for the file's tests. The grant scenario then answers with a code the server's wallet
   * issued, and the page must show "Signed in as <userId>" with no code at all (the flow drops it once
   * exchanged). Without it, the grant scenario expects the masked code.
   */
  server?: ScenarioServer;
}

/**
 * The scenarios every mini-program example must pass in the logic layer: renders idle without asking,
 * a tap asks once, grant (with `server`: exchanged on that server), decline (11), per-scope failure
 * (40006), and a late answer after onUnload.
 */
export function describePageScenarios(name: string, options: PageScenarioOptions): void {
  const merchant = options.server ? useMerchantServer(options.server) : undefined;

  async function open() {
    const layer = createLogicLayer(merchant ? merchant.layer(options.layer) : options.layer);
    await layer.launch(options.dir);
    const page = await layer.openPage(options.route);
    return { layer, page };
  }

  async function openAndTap() {
    const opened = await open();
    await options.tapAuthorize(opened.page, opened.layer);
    expect(opened.layer.host.authCalls).toHaveLength(1);
    return { ...opened, call: opened.layer.host.lastAuthCall() };
  }

  function expectClean(layer: LogicLayer, code?: string) {
    expect(layer.errors).toEqual([]);
    expect(layer.console.records.filter((record) => record.level === 'error')).toEqual([]);
    if (code) {
      expect(layer.console.output).not.toContain(code);
      for (const page of layer.pages) expect(JSON.stringify(page.data)).not.toContain(code);
    }
  }

  describe(`${name} in the logic layer`, () => {
    it('renders idle and does not ask on load, show, ready or a second onShow', async () => {
      const { layer, page } = await open();
      expect(options.read(page).status).toBe('idle');
      await page.hide();
      await page.show();
      expect(layer.host.authCalls).toHaveLength(0);
      expectClean(layer);
    });

    it('a tap calls my.getAuthCode exactly once, with the page scopes', async () => {
      const { layer, page, call } = await openAndTap();
      expect(call.scopes).toEqual(options.scopes);
      expect(options.read(page).status).toBe('consenting');
      await layer.settle();
      expect(layer.host.authCalls).toHaveLength(1);
      expectClean(layer);
    });

    if (merchant) {
      it('grant: the code is exchanged on the server: success, signed in, no code on the page', async () => {
        const { layer, page, call } = await openAndTap();
        const code = merchant.issueCode(call.scopes);
        call.grant({ authCode: code });
        await layer.settle();
        const view = options.read(page);
        expect(view.status).toBe('success');
        expect(view.signedIn).toBe(`Signed in as ${options.server!.userId}`);
        expect(view.code).toBeUndefined();
        expect(layer.host.requests).toHaveLength(1);
        expectClean(layer, code);
      });
    } else {
      it('grant: success, with the code masked in the page data', async () => {
        const { layer, page, call } = await openAndTap();
        const code = call.grant();
        await layer.settle();
        const view = options.read(page);
        expect(view.status).toBe('success');
        expect(view.code).toBe(`${code.slice(0, 4)}…`);
        expectClean(layer, code);
      });
    }

    it('decline (11): failed, kind declined', async () => {
      const { layer, page, call } = await openAndTap();
      call.decline();
      await layer.settle();
      expect(options.read(page)).toMatchObject({ status: 'failed', errorKind: 'declined' });
      expectClean(layer);
    });

    it('per-scope failure {"authErrorScopes":{"USER_LOGIN_ID":"40006"}}: failed, kind scope', async () => {
      const { layer, page, call } = await openAndTap();
      call.fail({ authErrorScopes: { USER_LOGIN_ID: '40006' } });
      await layer.settle();
      expect(options.read(page)).toMatchObject({ status: 'failed', errorKind: 'scope' });
      expectClean(layer);
    });

    it('onUnload while consenting: a late answer changes nothing and nothing throws', async () => {
      const { layer, page, call } = await openAndTap();
      await page.unload();
      const rendered = page.setDataCalls.length;
      const code = call.grant();
      await layer.advance(120_000);
      expect(page.setDataCalls).toHaveLength(rendered);
      expect(options.read(page).status).toBe('consenting');
      expect(layer.host.authCalls).toHaveLength(1);
      // A stopped flow exchanges nothing.
      expect(layer.host.requests).toHaveLength(0);
      expectClean(layer, code);
    });
  });
}
