/**
 * A terminal walkthrough: drives the real machine through the simulated host and prints every
 * state change for five scenarios. Run it with `pnpm demo`.
 */
import {
  authCodeMachine,
  maskAuthCode,
  toView,
  waitForSettled,
  type AuthCodeInput,
  type AuthCodeView,
} from '@authcode/core';
import { createSimulatedHost, simulatedAnswers } from '@authcode/core/testing';
import { createActor } from 'xstate';

const LOGIN = 'USER_LOGIN_ID';
const EMAIL = 'USER_CONTACTINFO_EMAIL';

interface Scenario {
  title: string;
  input: AuthCodeInput;
}

const scenarios: Scenario[] = [
  {
    title: 'Full grant',
    input: { host: createSimulatedHost({ delayMs: 400 }), scopes: [LOGIN, EMAIL] },
  },
  {
    title: 'Partial grant: the optional email scope is denied',
    input: {
      host: createSimulatedHost({ delayMs: 400, answer: simulatedAnswers.grant({ [EMAIL]: '40006' }) }),
      scopes: [LOGIN, EMAIL],
      required: [LOGIN],
    },
  },
  {
    title: 'User declined (code 11)',
    input: {
      host: createSimulatedHost({ delayMs: 400, answer: simulatedAnswers.decline() }),
      scopes: [LOGIN],
    },
  },
  {
    title: 'Per-scope failure {"USER_LOGIN_ID":"40006"}',
    input: {
      host: createSimulatedHost({ delayMs: 400, answer: simulatedAnswers.deny({ [LOGIN]: '40006' }) }),
      scopes: [LOGIN],
    },
  },
  {
    title: 'Timeout: the host never answers (timeoutMs 1500)',
    input: {
      host: createSimulatedHost({ answer: simulatedAnswers.silence() }),
      scopes: [LOGIN],
      timeoutMs: 1500,
    },
  },
];

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const statusColor: Record<AuthCodeView['status'], number> = {
  idle: 90,
  consenting: 33,
  exchanging: 33,
  success: 32,
  failed: 31,
};

function describeView(view: AuthCodeView): string {
  const parts: string[] = [];
  if (view.status === 'consenting') parts.push(`asking for ${view.scopes.join(', ')}`);
  if (view.authCode) parts.push(`authCode ${maskAuthCode(view.authCode)}`);
  if (view.status === 'success') parts.push(`granted [${view.grantedScopes.join(', ')}]`);
  if (Object.keys(view.deniedScopes).length > 0) parts.push(`denied ${JSON.stringify(view.deniedScopes)}`);
  if (view.error) {
    const code = view.error.code ? ` code ${view.error.code}` : '';
    parts.push(`${view.error.kind}${code}: ${view.error.message} (retryable: ${view.error.retryable})`);
  }
  return parts.join('  ');
}

async function run({ title, input }: Scenario, index: number): Promise<void> {
  process.stdout.write(`\n${paint(1, `${index + 1}. ${title}`)}\n`);
  const actor = createActor(authCodeMachine, { input });
  const started = Date.now();
  actor.subscribe((snapshot) => {
    const view = toView(snapshot);
    const elapsed = `${String(Date.now() - started).padStart(5)} ms`;
    process.stdout.write(
      `   ${paint(90, elapsed)}  ${paint(statusColor[view.status], view.status.padEnd(10))} ${describeView(view)}\n`,
    );
  });
  actor.start();
  actor.send({ type: 'REQUEST' });
  await waitForSettled(actor);
  actor.stop();
}

process.stdout.write(paint(1, 'authcode: the getAuthCode flow, through the simulated host\n'));
for (const [index, scenario] of scenarios.entries()) await run(scenario, index);
process.stdout.write('\nEvery auth code above is masked: the library itself never prints one.\n');
