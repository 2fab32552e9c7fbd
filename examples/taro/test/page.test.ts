import { fileURLToPath } from 'node:url';
import { describePageScenarios, tapEvent, type PageHandle } from '@authcode/miniprogram-harness';

/** A node of Taro's rendered tree, as its runtime sends it through setData. */
interface TaroNode {
  nn?: string;
  sid?: string;
  cl?: string;
  v?: string;
  cn?: TaroNode[];
}

function findByClass(node: TaroNode | undefined, className: string): TaroNode | undefined {
  if (!node) return undefined;
  if (node.cl?.split(' ').includes(className)) return node;
  for (const child of node.cn ?? []) {
    const found = findByClass(child, className);
    if (found) return found;
  }
  return undefined;
}

const textOf = (node: TaroNode | undefined) => node?.cn?.map((child) => child.v ?? '').join('');
const root = (page: PageHandle) => page.data.root as TaroNode;

describePageScenarios('Taro 4 (React), built for alipay', {
  dir: fileURLToPath(new URL('../dist', import.meta.url)),
  route: 'pages/index/index',
  scopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'],
  // Alipay's engine has a navigator; Taro's alipay runtime reads navigator.userAgent when it loads.
  layer: { globals: { navigator: { userAgent: 'Mozilla/5.0 AlipayClient/10.5.0' } }, ecmaScript: 2019 },
  read: (page) => ({
    status: textOf(findByClass(root(page), 'status')),
    code: textOf(findByClass(root(page), 'code')),
    errorKind: textOf(findByClass(root(page), 'error')),
  }),
  async tapAuthorize(page) {
    // The template binds taps to the page's `eh`, which finds the element by the event's id.
    const button = findByClass(root(page), 'authorize');
    if (!button?.sid) throw new Error('The page rendered no authorize button.');
    await page.call('eh', tapEvent({ id: button.sid }));
  },
});
