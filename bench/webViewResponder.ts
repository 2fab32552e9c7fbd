/**
 * The web-view responder under load, on the built core: its heap across a million messages (trusted
 * requests with fresh ids, served or answered `busy`, and forged ones), and how many consent sheets
 * open at once for a burst of trusted requests, or for a page flow beside a web-view request.
 * `flow.bench.ts` prints the figures; nothing here asserts them.
 */
import type { AuthCodeHost, GetAuthCodeOptions } from '../packages/core/src/index.ts';
import type { loadBuiltCore } from './loadCore.ts';
import { settledHeap } from './memory.ts';

type Core = Awaited<ReturnType<typeof loadBuiltCore>>;

/** A placeholder, not a credential: nothing here prints what a host answers. */
const benchCode = 'BENCH00000000000000000000';
const H5_PAGE = 'https://h5.example/page';
const ALLOWED_SCOPES = ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'];

/** A host double that counts its calls, and how many were open (asked, not yet answered) at once. */
interface CountingHost extends AuthCodeHost {
  calls: number;
  open: number;
  maxOpen: number;
  /** Grants the oldest open call; false when none is open. */
  answerOldest(): boolean;
}

/** With `answerAfterMs`, each call is granted that long after it came, as a user tapping Allow; else when told. */
function createCountingHost({ answerAfterMs }: { answerAfterMs?: number } = {}): CountingHost {
  const open: GetAuthCodeOptions[] = [];
  const host: CountingHost = {
    calls: 0,
    open: 0,
    maxOpen: 0,
    getAuthCode(options) {
      host.calls++;
      host.open++;
      host.maxOpen = Math.max(host.maxOpen, host.open);
      open.push(options);
      if (answerAfterMs !== undefined) setTimeout(() => host.answerOldest(), answerAfterMs);
    },
    answerOldest() {
      const options = open.shift();
      if (!options) return false;
      host.open--;
      const result = { authCode: benchCode, authSuccessScopes: [...options.scopes], authErrorScopes: {} };
      options.success?.(result);
      options.complete?.(result);
      return true;
    },
  };
  return host;
}

/** What each answer the responder posted said, by outcome: `served`, or the refusal's `error`. */
type Outcomes = Record<string, number>;

function outcomeOf(answer: unknown): string {
  const { via, payload } = answer as { via: string; payload: { error?: unknown } | undefined };
  return via === 'success' ? 'served' : String(payload?.error);
}

/** A responder asking `host`, its answers tallied, and the secret of the page it opened. */
function openResponder(core: Core, host: AuthCodeHost, onAnswer: (answer: unknown) => void = () => {}) {
  const outcomes: Outcomes = {};
  const responder = core.createWebViewResponder({
    scopes: ALLOWED_SCOPES,
    host,
    post(answer) {
      const outcome = outcomeOf(answer);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      onAnswer(answer);
    },
  });
  const src = responder.src(H5_PAGE);
  const secret = new URLSearchParams(new URL(src).hash.slice(1)).get(core.SECRET_PARAM)!;
  const request = (id: string, scopes = ALLOWED_SCOPES, given: string | undefined = secret) => ({
    detail: { data: { type: core.REQUEST_TYPE, id, scopes, secret: given } },
  });
  return { responder, outcomes, secret, request };
}

export interface HeapAcross {
  messages: number;
  /** The heap after the warm-up messages, after a forced GC. */
  startBytes: number;
  /** The heap after `messages` more, after a forced GC. */
  endBytes: number;
  growthBytes: number;
}

/** The heap after `warmup` calls of `handle` and after `messages` more, both after forced GCs. */
async function heapAcross(
  handle: (index: number) => void,
  messages: number,
  warmup: number,
): Promise<HeapAcross> {
  let index = 0;
  for (; index < warmup; index++) handle(index);
  const startBytes = await settledHeap();
  for (; index < warmup + messages; index++) handle(index);
  const endBytes = await settledHeap();
  return { messages, startBytes, endBytes, growthBytes: endBytes - startBytes };
}

export interface ResponderHeap {
  responder: HeapAcross;
  /** The same messages built and handed to a handler that does nothing. */
  noOpHandler: HeapAcross;
  warmup: number;
  outcomes: Outcomes;
  hostCalls: number;
}

/**
 * A million messages, one after another, in a repeating mix of five: no secret, a wrong secret (of
 * the right length), a trusted request for a scope not allowed, and two trusted requests with fresh
 * ids. The host answers its open call every 50th message, so most trusted requests meet one waiting
 * (`busy`) and some are served. Every id is new: only the responder's bounded set of seen ids
 * stands between that and a heap that grows with each message.
 */
export async function measureResponderHeap(
  core: Core,
  messages = 1_000_000,
  warmup = 1_000,
): Promise<ResponderHeap> {
  const host = createCountingHost();
  const { responder, outcomes, secret, request } = openResponder(core, host);
  const wrongSecret = `${secret.startsWith('A') ? 'B' : 'A'}${secret.slice(1)}`;
  const messageAt = (index: number) => {
    const id = `m-${index}`;
    switch (index % 5) {
      case 0:
        return request(id, ALLOWED_SCOPES, undefined);
      case 1:
        return request(id, ALLOWED_SCOPES, wrongSecret);
      case 2:
        return request(id, ['USER_MONTHLY_INCOME']);
      default:
        return request(id);
    }
  };
  const noOpHandler = await heapAcross((index) => void messageAt(index), messages, warmup);
  const measured = await heapAcross(
    (index) => {
      responder.onMessage(messageAt(index));
      if (index % 50 === 49) host.answerOldest();
    },
    messages,
    warmup,
  );
  // The call still open keeps the responder's timeout timer alive: answer it.
  while (host.answerOldest());
  return { responder: measured, noOpHandler, warmup, outcomes, hostCalls: host.calls };
}

export interface SheetCount {
  /** What was asked, in words. */
  case: string;
  hostCalls: number;
  /** The most host calls open at once: consent sheets on screen together. */
  maxOpenAtOnce: number;
  /** The web-view requests' answers. */
  outcomes: Outcomes;
  /** How the mini-program page's own flow ended, when there was one. */
  pageFlow?: string;
}

/** Resolves after `count` answers; each message arrives in a task of its own, as through the bridge. */
function untilAnswers(count: number) {
  let seen = 0;
  let resolve = () => {};
  const done = new Promise<void>((settle) => (resolve = settle));
  return {
    done,
    onAnswer: () => {
      if (++seen === count) resolve();
    },
  };
}

/** `requests` trusted requests with fresh ids, sent at once while the user has not answered yet. */
export async function measureTrustedBurst(core: Core, requests = 30): Promise<SheetCount> {
  const host = createCountingHost({ answerAfterMs: 5 });
  const answered = untilAnswers(requests);
  const { responder, outcomes, request } = openResponder(core, host, answered.onAnswer);
  for (let index = 0; index < requests; index++) {
    setTimeout(() => responder.onMessage(request(`burst-${index}`)), 0);
  }
  await answered.done;
  return {
    case: `burst of ${requests} trusted requests`,
    hostCalls: host.calls,
    maxOpenAtOnce: host.maxOpen,
    outcomes,
  };
}

/**
 * The mini-program page's own flow (`requestAuthCode`) and a web-view request on the same host, in
 * either order: the second waits for the first's sheet to close instead of opening one over it.
 */
export async function measurePageFlowBesideWebView(
  core: Core,
  first: 'page flow' | 'web-view request',
): Promise<SheetCount> {
  const host = createCountingHost({ answerAfterMs: 5 });
  const answered = untilAnswers(1);
  const { responder, outcomes, request } = openResponder(core, host, answered.onAnswer);
  const startPageFlow = () =>
    core.requestAuthCode({ host, scopes: ALLOWED_SCOPES }).then(
      () => 'served',
      (error: { kind?: string }) => `failed (${error.kind})`,
    );
  let pageFlow: Promise<string>;
  if (first === 'page flow') {
    pageFlow = startPageFlow();
    responder.onMessage(request('beside-page-flow'));
  } else {
    responder.onMessage(request('beside-page-flow'));
    pageFlow = startPageFlow();
  }
  const [pageOutcome] = await Promise.all([pageFlow, answered.done]);
  return {
    case: `${first}, then ${first === 'page flow' ? 'a web-view request' : 'a page flow'} (one host)`,
    hostCalls: host.calls,
    maxOpenAtOnce: host.maxOpen,
    outcomes,
    pageFlow: pageOutcome,
  };
}
