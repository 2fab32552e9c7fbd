import { describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { authCodeMachine, toView, type AuthCodeInput } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { LOGIN, settle } from './support/flows';
import { createExchange } from '../src/exchange';

/**
 * A snapshot from storage is data the app hands back: it may have been edited or cut short. These
 * restore a `failed` flow whose stored context lost a field the machine always sets.
 */
function restoreFailed(input: AuthCodeInput<unknown>, context: Record<string, unknown>) {
  const stored = {
    status: 'active',
    value: 'failed',
    historyValue: {},
    // The input is part of the stored context: the restored flow uses it, not the actor's input.
    context: { input, grantedScopes: [], deniedScopes: {}, ...context },
    children: {},
  };
  return createActor(authCodeMachine, { snapshot: stored as never }).start();
}

const retryable = { kind: 'timeout', message: 'The host did not answer within 5 ms.', retryable: true };

describe('a restored snapshot that lost part of its context', () => {
  it('without an error: RETRY is not allowed and the flow stays failed', () => {
    const host = createScriptedHost();
    const actor = restoreFailed(
      { host, scopes: [LOGIN] },
      { request: { scopes: [LOGIN], required: [LOGIN] } },
    );
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().value).toBe('failed');
    expect(host.calls).toHaveLength(0);
  });

  it('without a request: RETRY asks the host for no scopes and settles without a code, not an actor error', async () => {
    const host = createScriptedHost();
    const actor = restoreFailed({ host, scopes: [LOGIN] }, { error: retryable });
    actor.send({ type: 'RETRY' });
    expect(host.calls.map((call) => call.scopes)).toEqual([[]]);
    host.success({ authCode: 'CODE-OF-A-BROKEN-FLOW' });
    await settle();
    expect(actor.getSnapshot().status).toBe('active');
    expect(toView(actor.getSnapshot())).toEqual({
      status: 'success',
      isLoading: false,
      scopes: [],
      requiredScopes: [],
      authCode: undefined,
      grantedScopes: [],
      deniedScopes: {},
      session: undefined,
      error: undefined,
    });
  });

  it('without a request and with an exchange: nothing is exchanged, the flow fails as expired', async () => {
    const host = createScriptedHost();
    const exchange = vi.fn(async () => 'session');
    const actor = restoreFailed(
      { host, scopes: [LOGIN], exchange: createExchange(exchange) },
      { error: retryable },
    );
    actor.send({ type: 'RETRY' });
    host.success({ authCode: 'CODE-OF-A-BROKEN-FLOW' });
    await settle();
    expect(exchange).not.toHaveBeenCalled();
    expect(actor.getSnapshot().status).toBe('active');
    expect(toView(actor.getSnapshot())).toMatchObject({ status: 'failed', error: { kind: 'expired' } });
  });
});
