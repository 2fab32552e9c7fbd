import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { authCodeMachine, createCommands } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { LOGIN } from './support/flows';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createCommands', () => {
  it('drives a flow: request, cancel, retry, reset', async () => {
    const manual = createScriptedHost();
    const actor = createActor(authCodeMachine, { input: { host: manual, scopes: [LOGIN] } }).start();
    const { request, cancel, retry, reset } = createCommands(actor);

    const cancelled = request();
    cancel();
    await expect(cancelled).resolves.toMatchObject({ status: 'idle' });

    const declined = request();
    manual.fail({ error: 11 });
    await expect(declined).resolves.toMatchObject({ status: 'failed' });
    retry();
    expect(actor.getSnapshot().value).toBe('consenting');
    expect(manual.calls).toHaveLength(3);
    reset();
    expect(actor.getSnapshot().value).toBe('idle');
  });

  it('does nothing once the actor stopped, without XState warning about a stopped actor', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const manual = createScriptedHost();
    const actor = createActor(authCodeMachine, { input: { host: manual, scopes: [LOGIN] } }).start();
    const commands = createCommands(actor);
    actor.stop();

    await expect(commands.request()).resolves.toMatchObject({ status: 'idle' });
    commands.cancel();
    commands.retry();
    commands.reset();
    expect(manual.calls).toHaveLength(0);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});
