import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { authCodeMachine } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { LOGIN } from './support/flows';
import { createExchange } from '../src/exchange';

const TOP_LEVEL = ['idle', 'consenting', 'resolving', 'exchanging', 'success', 'failed'];

describe('the machine in the Stately inspector and visualiser', () => {
  it("has id 'authCode' and the six top-level states in toJSON()", () => {
    const json = authCodeMachine.toJSON();
    expect(json.id).toBe('authCode');
    expect(Object.keys(json.states ?? {})).toEqual(TOP_LEVEL);
  });

  it('describes the machine and every state', () => {
    expect(authCodeMachine.root.description).toBeTruthy();
    for (const name of TOP_LEVEL) {
      const description = authCodeMachine.root.states[name]?.description;
      expect(description, `state ${name}`).toMatch(/\w{3,}.*\./);
    }
  });

  it('names every guard, action and actor in the config the inspector shows', () => {
    // @statelyai/inspect sends the machine's config; a guard or action that is not a name shows as nothing.
    const config = JSON.stringify(authCodeMachine.config);
    const names = [
      ...['isRequestInvalid', 'isHostMissing', 'isRetryable', 'isRetryableButHostMissing'],
      ...['isResolvedAsFailure', 'hasExchange', 'hostCall', 'exchangeCode'],
      ...['beginFlow', 'resolveAnswer', 'applyGrant', 'applyFailure', 'keepSession', 'failExchange'],
    ];
    for (const name of names) expect(config).toContain(`"${name}"`);
    expect(config).not.toMatch(/"guard":\{\}|"guard":null/);
  });

  it('keeps the transient resolving choice in the config, with all three ways out', () => {
    const targets = authCodeMachine.config.states?.resolving?.always;
    expect(JSON.stringify(targets)).toMatch(/failed.*exchanging.*success/);
  });

  it('names the invoked actors: the ids the inspector shows and persisted snapshots are keyed by', () => {
    const host = createScriptedHost();
    const actor = createActor(authCodeMachine, {
      input: { host, scopes: [LOGIN], exchange: createExchange(() => new Promise(() => {})) },
    }).start();
    actor.send({ type: 'REQUEST' });
    expect(Object.keys(actor.getSnapshot().children)).toEqual(['hostCall']);
    host.success({ authCode: 'code-1' });
    expect(Object.keys(actor.getSnapshot().children)).toEqual(['exchangeCode']);
    actor.stop();

    const withoutExchange = createActor(authCodeMachine, { input: { host, scopes: [LOGIN] } }).start();
    withoutExchange.send({ type: 'REQUEST' });
    host.success({ authCode: 'code-2' });
    expect(withoutExchange.getSnapshot().value).toBe('success');
    expect(Object.keys(withoutExchange.getSnapshot().children)).toEqual(['codeLifetime']);
    withoutExchange.stop();
  });
});
