import {
  tapEvent,
  type LogicLayerOptions,
  type PageHandle,
  type SignInView,
} from '@authcode/miniprogram-harness';

/** The engine Taro's runtime needs: Alipay's has a navigator, which Taro's alipay runtime reads when it loads. */
export const taroLayer: LogicLayerOptions = {
  globals: { navigator: { userAgent: 'Mozilla/5.0 AlipayClient/10.5.0' } },
  ecmaScript: 2019,
};

/** A node of Taro's rendered tree, as its runtime sends it through setData. */
export interface TaroNode {
  nn?: string;
  sid?: string;
  uid?: string;
  cl?: string;
  v?: string;
  cn?: TaroNode[];
  /** Other attributes, under the short names Taro's template gives them (`p0`, …). */
  [attribute: string]: unknown;
}

export const root = (page: PageHandle) => page.data.root as TaroNode;

export function findByClass(node: TaroNode | undefined, className: string): TaroNode | undefined {
  if (!node) return undefined;
  if (node.cl?.split(' ').includes(className)) return node;
  for (const child of node.cn ?? []) {
    const found = findByClass(child, className);
    if (found) return found;
  }
  return undefined;
}

export const textOf = (node: TaroNode | undefined) => node?.cn?.map((child) => child.v ?? '').join('');

/** The sign-in page's tap: the template binds taps to the page's `eh`, which finds the element by the event's id. */
export async function tapAuthorize(page: PageHandle): Promise<void> {
  const button = findByClass(root(page), 'authorize');
  if (!button?.sid) throw new Error('The page rendered no authorize button.');
  await page.call('eh', tapEvent({ id: button.sid }));
}

/** What the sign-in page shows, from the nodes Taro rendered. */
export function readSignInPage(page: PageHandle): SignInView {
  const tree = root(page);
  return {
    status: textOf(findByClass(tree, 'status')),
    code: textOf(findByClass(tree, 'code')),
    errorKind: textOf(findByClass(tree, 'error')),
    signedIn: textOf(findByClass(tree, 'signed-in')),
    errorCode: textOf(findByClass(tree, 'error-code')),
  };
}
