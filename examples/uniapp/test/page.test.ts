import {
  createLogicLayer,
  describePageScenarios,
  type LogicLayer,
  type PageHandle,
} from '@authcode/miniprogram-harness';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { merchantServer } from './merchantServer';
import { readBindings, renderedPage, type RenderedPage } from './renderedPage';

// Built by `uni build -p mp-alipay` (the package's `build`) before this file runs.
const built = fileURLToPath(new URL('../dist/build/mp-alipay', import.meta.url));
const route = 'pages/index/index';
// ES2019 built-ins only, as the other examples: what docs/mini-programs.md says the packages need.
const layerOptions = { ecmaScript: 2019 };

function compiledPage() {
  if (!existsSync(`${built}/app.json`)) {
    throw new Error(`No uni-app build at ${built}: run \`pnpm --filter ./examples/uniapp run build\` first.`);
  }
  return readBindings(`${built}/${route}.axml`);
}

let bindings: ReturnType<typeof readBindings> | undefined;
const view = (page: PageHandle) => renderedPage(page, (bindings ??= compiledPage()));
const textOf = (page: PageHandle, role: string) => view(page).text(role) as string | undefined;

describePageScenarios('uni-app 3 (Vue 3), built for mp-alipay', {
  dir: built,
  route,
  scopes: ['auth_user', 'USER_LOGIN_ID'],
  layer: layerOptions,
  read: (page) => ({
    status: textOf(page, 'status'),
    code: textOf(page, 'code'),
    errorKind: textOf(page, 'error-kind'),
    signedIn: textOf(page, 'signed-in'),
  }),
  tapAuthorize: (page) =>
    view(page)
      .tap('sign-in')
      .then(() => undefined),
  // The page exchanges the code on its server: the grant scenario signs in there.
  server: merchantServer,
});

interface Opened {
  layer: LogicLayer;
  page: PageHandle;
  view: RenderedPage;
}

async function openSignInPage(): Promise<Opened> {
  const layer = createLogicLayer(layerOptions);
  await layer.launch(built);
  const page = await layer.openPage(route);
  return { layer, page, view: view(page) };
}

function nothingWentWrong({ layer }: Opened, code?: string) {
  expect(layer.errors).toEqual([]);
  expect(layer.console.records.filter((record) => record.level === 'error')).toEqual([]);
  if (code) expect(layer.console.output).not.toContain(code);
}

describe('uni-app page, beyond the shared scenarios', () => {
  beforeAll(() => {
    bindings = compiledPage();
  });

  it('disables Sign in while consenting; a second tap that arrives first joins the flow', async () => {
    const opened = await openSignInPage();
    await opened.view.tap('sign-in');
    expect(opened.view.disabled('sign-in')).toBe(true);
    // The view may not have applied `disabled` when a quick second tap reaches the logic layer.
    await opened.view.tap('sign-in');

    expect(opened.layer.host.authCalls).toHaveLength(1);
    nothingWentWrong(opened);
  });

  it('decline (11), then the onShow that closing the sheet fires: no second call', async () => {
    const opened = await openSignInPage();
    await opened.view.tap('sign-in');
    opened.layer.host.lastAuthCall().decline();
    await opened.layer.settle();
    await opened.page.show();

    expect(opened.view.text('error-kind')).toBe('declined');
    expect(opened.layer.host.authCalls).toHaveLength(1);
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

  it('onUnload stops the flow: its consent timeout is gone', async () => {
    const opened = await openSignInPage();
    await opened.view.tap('sign-in');
    const timersWhileConsenting = opened.layer.clock.pending;
    await opened.page.unload();

    expect(timersWhileConsenting).toBeGreaterThan(0);
    expect(opened.layer.clock.pending).toBe(0);
    nothingWentWrong(opened);
  });
});
