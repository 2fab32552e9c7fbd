// Model-based: random runs of a mini-program page with its own flow and a web-view, where the page
// the mini program opened, hostile pages and the user act in any order. After every step the
// responder must have kept its promises: one sheet at a time, nothing for a page without the
// secret, nothing beyond the allowed scopes, one answer per request.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWebViewResponder, REQUEST_TYPE, type WebViewAnswer } from '../src/hosts';
import { splitSecret } from '../src/h5Hosts/webViewSecret';
import { EMAIL, KYC, LOGIN, settle, startFlowActor } from './support/flows';
import { createSheetHost } from './support/sheetHost';

const ALLOWED = [LOGIN, EMAIL];

function createSystem() {
  const sheets = createSheetHost();
  const answers: WebViewAnswer[] = [];
  const responder = createWebViewResponder({
    scopes: ALLOWED,
    host: sheets.host,
    post: (message) => void answers.push(message as WebViewAnswer),
  });
  const secret = splitSecret(responder.src('https://h5.example.com/')).secret!;
  const flow = startFlowActor({ host: sheets.host, scopes: [LOGIN], timeoutMs: 0 });
  let nextId = 0;
  const sent: { id: string; trusted: boolean; secret: unknown; scopes: string[] }[] = [];
  const send = (trusted: boolean, secretValue: unknown, scopes: string[]) => {
    const id = `m-${nextId++}`;
    sent.push({ id, trusted, secret: secretValue, scopes });
    responder.onMessage({ detail: { data: { type: REQUEST_TYPE, id, scopes, secret: secretValue } } });
    return id;
  };
  return { sheets, answers, responder, secret, flow, sent, send };
}
type System = ReturnType<typeof createSystem>;

/** What must hold after any step. */
function checkPromises(system: System) {
  const { sheets, answers, sent } = system;
  expect(sheets.maxOpen()).toBeLessThanOrEqual(1);
  for (const call of sheets.calls) expect(call.scopes.every((scope) => ALLOWED.includes(scope))).toBe(true);
  const byId = new Map(sent.map((request) => [request.id, request]));
  const answeredIds = answers.map((answer) => answer.id);
  expect(new Set(answeredIds).size).toBe(answeredIds.length);
  for (const answer of answers) {
    const request = byId.get(answer.id ?? '');
    if (!request?.trusted || !request.scopes.every((scope) => ALLOWED.includes(scope))) {
      expect(answer.via).toBe('fail');
      expect(JSON.stringify(answer.payload)).not.toMatch(/authCode/);
    }
  }
}

type Step = fc.AsyncCommand<object, System>;
const step = (name: string, run: (system: System) => void | Promise<void>): Step => ({
  check: () => true,
  async run(_model, system) {
    const calls = system.sheets.calls.length;
    await run(system);
    await settle();
    checkPromises(system);
    // Only the trusted page and the page's own flow can open a sheet.
    if (name.startsWith('hostile')) expect(system.sheets.calls.length).toBe(calls);
  },
  toString: () => name,
});

const scopesArbitrary = fc.subarray(ALLOWED, { minLength: 1 });
const commands = [
  scopesArbitrary.map((scopes) =>
    step(`trusted ${scopes.join('+')}`, (s) => void s.send(true, s.secret, scopes)),
  ),
  fc
    .string()
    .map((guess) =>
      step(`hostile guess ${JSON.stringify(guess)}`, (s) => void s.send(false, guess, [LOGIN])),
    ),
  fc.nat().map((index) =>
    step(`hostile replay #${index} with the secret edited`, (s) => {
      const real = s.sent.filter((request) => request.trusted);
      const victim = real[index % Math.max(real.length, 1)];
      s.send(false, victim ? `${String(victim.secret)}x` : undefined, victim?.scopes ?? [LOGIN]);
    }),
  ),
  fc.constant(step('hostile without a secret', (s) => void s.send(false, undefined, [LOGIN]))),
  fc.constant(
    step('trusted page asks beyond the allowed scopes', (s) => {
      s.send(true, s.secret, [LOGIN, KYC]);
    }),
  ),
  fc
    .anything()
    .map((junk) => step(`hostile junk`, (s) => s.responder.onMessage({ detail: { data: junk } } as never))),
  fc.constant(
    step('user grants', (s) => void (s.sheets.openSheets() > 0 && s.sheets.grant('CODE-MODEL-0001'))),
  ),
  fc.constant(step('user declines', (s) => void (s.sheets.openSheets() > 0 && s.sheets.decline()))),
  fc.constant(step('page flow requests', (s) => s.flow.actor.send({ type: 'REQUEST' }))),
  fc.constant(
    step('page flow cancels', (s) => {
      s.sheets.abandonFlowSheets();
      s.flow.actor.send({ type: 'CANCEL' });
    }),
  ),
];

describe('the web-view responder beside a page flow, as a model', () => {
  it('keeps its promises over random runs of trusted, hostile and user steps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40 }), async (steps) => {
        const system = createSystem();
        try {
          await fc.asyncModelRun(() => ({ model: {}, real: system }), steps);
        } finally {
          system.flow.actor.stop();
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
