/**
 * Scripts the attacker cases run inside the H5 page's frame, with no more than a script injected
 * into that page has: its `my` bridge and its window. Playwright serialises each function, so each
 * one stands alone.
 */

/** What the spy saw on the bridge: the page's own requests as they left, and every answer that came. */
export interface BridgeSpy {
  requests: Record<string, unknown>[];
  answers: { id: unknown; via: unknown; payload: unknown }[];
}

export interface SpyKeys {
  toPage: string;
  requestType: string;
  answerType: string;
}

/**
 * Wraps the bridge stand-in's `my.postMessage` so that a copy of each request the page sends is kept
 * (the secret with it), and records the answers the mini-program page posts into the frame.
 */
export function spyOnBridge(keys: SpyKeys) {
  const spy: BridgeSpy = { requests: [], answers: [] };
  const bridge = (window as unknown as { my: { postMessage(data: unknown): void } }).my;
  const post = bridge.postMessage;
  bridge.postMessage = (data: unknown) => {
    if ((data as { type?: unknown } | null)?.type === keys.requestType) {
      spy.requests.push(JSON.parse(JSON.stringify(data)) as Record<string, unknown>);
    }
    post.call(bridge, data);
  };
  window.addEventListener('message', (event) => {
    const envelope = event.data as Record<string, unknown> | null;
    if (!envelope || typeof envelope !== 'object' || !(keys.toPage in envelope)) return;
    const answer = envelope[keys.toPage] as BridgeSpy['answers'][number] | null;
    if ((answer as { type?: unknown } | null)?.type === keys.answerType) spy.answers.push(answer!);
  });
  Object.assign(window, { __bridgeSpy__: spy });
}

/** Sends messages as the page's own scripts do, through `my.postMessage`, all in one task. */
export function postThroughBridge(messages: unknown[]) {
  const bridge = (window as unknown as { my: { postMessage(data: unknown): void } }).my;
  for (const message of messages) bridge.postMessage(message);
}

export function readBridgeSpy(): BridgeSpy {
  return (window as unknown as { __bridgeSpy__: BridgeSpy }).__bridgeSpy__;
}

/** True once `atLeast` of `ids` (default: all) have an answer; for `frame.waitForFunction`. */
export function hasAnswers({ ids, atLeast = ids.length }: { ids: string[]; atLeast?: number }): boolean {
  const { answers } = (window as unknown as { __bridgeSpy__: BridgeSpy }).__bridgeSpy__;
  return ids.filter((id) => answers.some((answer) => answer.id === id)).length >= atLeast;
}
