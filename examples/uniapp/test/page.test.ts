import { maskAuthCode } from '@authcode/core';
import { createLogicLayer, type LogicLayer, type PageHandle } from '@authcode/miniprogram-harness';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBindings, renderedPage, type RenderedPage } from './renderedPage';

// Built by `pnpm test:uniapp` (`uni build -p mp-alipay`) before this file runs.
const built = fileURLToPath(new URL('../dist/build/mp-alipay', import.meta.url));
const route = 'pages/index/index';

let bindings: ReturnType<typeof readBindings>;

beforeAll(() => {
  if (!existsSync(`${built}/app.json`)) {
    throw new Error(`No uni-app build at ${built}: run \`pnpm test:uniapp\`, which builds it first.`);
  }
  bindings = readBindings(`${built}/${route}.axml`);
});

interface Opened {
  layer: LogicLayer;
  page: PageHandle;
  view: RenderedPage;
}

async function openSignInPage(): Promise<Opened> {
  const layer = createLogicLayer();
  await layer.launch(built);
  const page = await layer.openPage(route);
  return { layer, page, view: renderedPage(page, bindings) };
}

function nothingWentWrong({ layer }: Opened, code?: string) {
  expect(layer.errors).toEqual([]);
  expect(layer.console.records.filter((record) => record.level === 'error')).toEqual([]);
  if (code) expect(layer.console.output).not.toContain(code);
}

describe('the uni-app (Vue 3) build for mp-alipay, in a bare logic layer', () => {
  it('renders idle and asks nothing on first render or on onShow', async () => {
    const opened = await openSignInPage();
    await opened.page.show();

    expect(opened.view.text('status')).toBe('idle');
    expect(opened.layer.host.authCalls).toHaveLength(0);
    nothingWentWrong(opened);
  });

  it('a tap calls my.getAuthCode exactly once, with the page scopes', async () => {
    const opened = await openSignInPage();
    await opened.view.tap('sign-in');
    expect(opened.view.disabled('sign-in')).toBe(true);
    // A second tap that reached the logic layer before the view disabled the button joins the flow.
    await opened.view.tap('sign-in');

    expect(opened.layer.host.authCalls).toHaveLength(1);
    expect(opened.layer.host.lastAuthCall().scopes).toEqual(['auth_user', 'USER_LOGIN_ID']);
    expect(opened.view.text('status')).toBe('consenting');
    nothingWentWrong(opened);
  });

  it('grant: success, and the page data holds only the masked code', async () => {
    const opened = await openSignInPage();
    await opened.view.tap('sign-in');
    const code = opened.layer.host.lastAuthCall().grant();
    await opened.layer.settle();

    expect(opened.view.text('status')).toBe('success');
    expect(opened.view.text('code')).toBe(maskAuthCode(code));
    expect(JSON.stringify(opened.page.setDataCalls)).not.toContain(code);
    nothingWentWrong(opened, code);
  });

  it('decline (11): failed with kind declined; the onShow that follows the sheet asks nothing', async () => {
    const opened = await openSignInPage();
    await opened.view.tap('sign-in');
    opened.layer.host.lastAuthCall().decline();
    await opened.layer.settle();
    await opened.page.show();

    expect(opened.view.text('status')).toBe('failed');
    expect(opened.view.text('error-kind')).toBe('declined');
    expect(opened.layer.host.authCalls).toHaveLength(1);
    nothingWentWrong(opened);
  });

  it('a per-scope failure (USER_LOGIN_ID 40006): failed with kind scope', async () => {
    const opened = await openSignInPage();
    await opened.view.tap('sign-in');
    opened.layer.host.lastAuthCall().denyScopes({ USER_LOGIN_ID: '40006' });
    await opened.layer.settle();

    expect(opened.view.text('status')).toBe('failed');
    expect(opened.view.text('error-kind')).toBe('scope');
    nothingWentWrong(opened);
  });

  it('cancel while consenting: back to idle, and the late answer changes nothing', async () => {
    const opened = await openSignInPage();
    await opened.view.tap('sign-in');
    await opened.view.tap('cancel');
    const code = opened.layer.host.lastAuthCall().grant();
    await opened.layer.settle();

    expect(opened.view.text('status')).toBe('idle');
    expect(opened.view.text('code')).toBeUndefined();
    nothingWentWrong(opened, code);
  });

  it('leaving the page while consenting: a late answer changes nothing and nothing throws', async () => {
    const opened = await openSignInPage();
    await opened.view.tap('sign-in');
    const timersWhileConsenting = opened.layer.clock.pending;
    await opened.page.unload();
    const renders = opened.page.setDataCalls.length;
    // The flow stopped with the page: its consent timeout is gone.
    expect(timersWhileConsenting).toBeGreaterThan(0);
    expect(opened.layer.clock.pending).toBe(0);
    const code = opened.layer.host.lastAuthCall().grant();
    await opened.layer.advance(120_000);

    expect(opened.page.unloaded).toBe(true);
    expect(opened.page.setDataCalls).toHaveLength(renders);
    expect(opened.view.text('status')).toBe('consenting');
    nothingWentWrong(opened, code);
  });
});
