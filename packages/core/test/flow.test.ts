import { describe, expect, it } from 'vitest';
import { createActor, type AnyActorRef, type InspectionEvent } from 'xstate';
import { authCodeMachine, requestFlow, waitForSettled } from '../src/index';
import { createScriptedHost } from '../src/testing';
import { EMAIL, LOGIN } from './support/flows';

describe('requestFlow', () => {
  it('starts a flow and resolves with its settled view', async () => {
    const manual = createScriptedHost();
    const actor = createActor(authCodeMachine, { input: { host: manual } }).start();
    const settled = requestFlow(actor, [LOGIN, EMAIL], [LOGIN]);
    manual.success({ authCode: 'code-1', authErrorScopes: { [EMAIL]: '40006' } });
    await expect(settled).resolves.toMatchObject({
      status: 'success',
      authCode: 'code-1',
      grantedScopes: [LOGIN],
    });
  });

  it('joins the running flow instead of starting another', async () => {
    const manual = createScriptedHost();
    const actor = createActor(authCodeMachine, { input: { host: manual, scopes: [LOGIN] } }).start();
    const first = requestFlow(actor);
    const second = requestFlow(actor, [EMAIL]);
    manual.success({ authCode: 'code-1' });
    const [a, b] = await Promise.all([first, second]);
    expect(manual.calls).toHaveLength(1);
    expect(a).toEqual(b);
  });

  it('never rejects: a failure resolves with the failed view', async () => {
    const actor = createActor(authCodeMachine, { input: {} }).start();
    await expect(requestFlow(actor, [])).resolves.toMatchObject({
      status: 'failed',
      error: { kind: 'invalid-request' },
    });
  });

  it('resolves with idle after a cancel', async () => {
    const manual = createScriptedHost();
    const actor = createActor(authCodeMachine, { input: { host: manual, scopes: [LOGIN] } }).start();
    const settled = requestFlow(actor);
    actor.send({ type: 'CANCEL' });
    await expect(settled).resolves.toMatchObject({ status: 'idle' });
  });

  it('resolves with the last view when the actor stops first, such as on unmount', async () => {
    const manual = createScriptedHost();
    const actor = createActor(authCodeMachine, { input: { host: manual, scopes: [LOGIN] } }).start();
    const settled = requestFlow(actor);
    actor.stop();
    await expect(settled).resolves.toMatchObject({ status: 'consenting' });
  });

  it('waitForSettled resolves at once when no flow runs', async () => {
    const actor = createActor(authCodeMachine).start();
    await expect(waitForSettled(actor)).resolves.toMatchObject({ status: 'idle' });
  });

  it('resolves at once with the last view when the actor already stopped mid-flow', async () => {
    const manual = createScriptedHost();
    const actor = createActor(authCodeMachine, { input: { host: manual, scopes: [LOGIN] } }).start();
    actor.send({ type: 'REQUEST' });
    actor.stop();
    await expect(waitForSettled(actor)).resolves.toMatchObject({ status: 'consenting' });
  });

  it('sends one REQUEST, as given, and joins without sending another', () => {
    const manual = createScriptedHost();
    const requests: unknown[] = [];
    const inspect = (event: InspectionEvent) => {
      if (event.type === '@xstate.event' && event.event.type === 'REQUEST') requests.push(event.event);
    };
    const actor = createActor(authCodeMachine, { input: { host: manual, scopes: [LOGIN] }, inspect }).start();
    void requestFlow(actor);
    void requestFlow(actor, [EMAIL]);
    manual.success({ authCode: 'code-1' });
    void requestFlow(actor, [LOGIN, EMAIL], [LOGIN]);
    expect(requests).toStrictEqual([
      { type: 'REQUEST' },
      { type: 'REQUEST', scopes: [LOGIN, EMAIL], required: [LOGIN] },
    ]);
  });

  it('settles after a restart that muted its observers, as @xstate/react does in StrictMode', async () => {
    const manual = createScriptedHost();
    const actor = createActor(authCodeMachine, { input: { host: manual, scopes: [LOGIN] } }).start();
    const settled = requestFlow(actor);
    restartMutingObservers(actor);
    manual.success({ authCode: 'code-1' });
    await expect(settled).resolves.toMatchObject({ status: 'success', authCode: 'code-1' });
  });
});

/** @xstate/react's `stopRootWithRehydration`, then `start()`: observers dropped, inspectors kept. */
function restartMutingObservers(root: AnyActorRef) {
  const snapshots: [AnyActorRef, unknown][] = [];
  const visit = (ref: AnyActorRef) => {
    snapshots.push([ref, ref.getSnapshot()]);
    Object.assign(ref, { observers: new Set() });
    for (const child of Object.values((ref.getSnapshot() as { children?: object }).children ?? {})) {
      visit(child as AnyActorRef);
    }
  };
  visit(root);
  const systemSnapshot = root.system.getSnapshot?.();
  root.stop();
  Object.assign(root.system, { _snapshot: systemSnapshot });
  for (const [ref, snapshot] of snapshots) Object.assign(ref, { _processingStatus: 0, _snapshot: snapshot });
  root.start();
}
