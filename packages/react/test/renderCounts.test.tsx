import { maskAuthCode, waitForSettled } from '@authcode/core';
import { createScriptedHost, createSimulatedHost } from '@authcode/core/testing';
import { act, fireEvent, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { AuthCodeProvider, useAuthCodeContext, useAuthCodeSelector } from '../src';
import { createCommitCounter } from './support/countingProfiler';
import { describeEachReactMode } from './support/reactModes';
import { nextMacrotask } from './support/reactDriver';
import { renderFlow } from './support/renderFlow';
import { createExchange } from '@authcode/core/exchange';

const LOGIN = 'USER_LOGIN_ID';
const EMAIL = 'USER_CONTACTINFO_EMAIL';

function StatusWithButton() {
  const { status, request } = useAuthCodeContext();
  return <button onClick={() => request()}>{status}</button>;
}

describeEachReactMode('render counts', (mode) => {
  // In development StrictMode calls every component body twice for each commit, so a component
  // that renders once per status shows each status twice in its bodies and once in its commits.
  const rendersOf = (statuses: string[]) =>
    statuses.flatMap((status) => (mode.strict ? [status, status] : [status]));

  it('useAuthCode renders once per distinct status of a full grant: idle, consenting, success', async () => {
    const host = createScriptedHost();
    const flow = renderFlow(mode, { host, scopes: [LOGIN, EMAIL] });
    flow.clickRequest();
    host.grant(host.calls[0]!);
    await nextMacrotask();
    expect(flow.renders.map((render) => render.status)).toEqual(rendersOf(['idle', 'consenting', 'success']));
    expect(flow.commits).toBe(3);
  });

  it('useAuthCode renders once per distinct status of an exchange: idle, consenting, exchanging, success', async () => {
    const flow = renderFlow(mode, {
      host: createSimulatedHost(),
      scopes: [LOGIN],
      exchange: createExchange(async () => 'session'),
    });
    flow.clickRequest();
    await waitForSettled(flow.current.actorRef);
    await nextMacrotask();
    expect(flow.renders.map((render) => render.status)).toEqual(
      rendersOf(['idle', 'consenting', 'exchanging', 'success']),
    );
    expect(flow.commits).toBe(4);
  });

  it('useAuthCode does not re-render for a new snapshot that shows the same view (reset while idle)', () => {
    const flow = renderFlow(mode, { host: createScriptedHost(), scopes: [LOGIN] });
    const before = flow.current.actorRef.getSnapshot();
    act(() => flow.current.reset());
    expect(flow.current.actorRef.getSnapshot()).not.toBe(before);
    expect(flow.commits).toBe(1);
  });

  it('a component selecting authCode does not re-render while the status changes before the code arrives', async () => {
    const host = createScriptedHost();
    const status = createCommitCounter();
    const code = createCommitCounter();
    function CodeOnly() {
      const authCode = useAuthCodeSelector((view) => view.authCode);
      return <output>{authCode ? maskAuthCode(authCode) : 'no code'}</output>;
    }
    mode.render(
      <AuthCodeProvider input={{ host, scopes: [LOGIN] }}>
        <status.Counted>
          <StatusWithButton />
        </status.Counted>
        <code.Counted>
          <CodeOnly />
        </code.Counted>
      </AuthCodeProvider>,
    );
    expect([status.commits, code.commits]).toEqual([1, 1]);

    fireEvent.click(screen.getByRole('button'));
    expect(screen.getByRole('button').textContent).toBe('consenting');
    expect([status.commits, code.commits]).toEqual([2, 1]);

    host.grant(host.calls[0]!, 'ABCD1234EFGH');
    await nextMacrotask();
    expect(screen.getByRole('status').textContent).toBe(maskAuthCode('ABCD1234EFGH'));
    expect([status.commits, code.commits]).toEqual([3, 2]);
  });

  it('a component selecting authCode renders once for a whole exchange flow: the code never shows', async () => {
    const status = createCommitCounter();
    const code = createCommitCounter();
    function CodeOnly() {
      const authCode = useAuthCodeSelector((view) => view.authCode);
      return <output>{authCode === undefined ? 'no code' : 'code'}</output>;
    }
    mode.render(
      <AuthCodeProvider
        input={{
          host: createSimulatedHost(),
          scopes: [LOGIN],
          exchange: createExchange(async () => 'session'),
        }}
      >
        <status.Counted>
          <StatusWithButton />
        </status.Counted>
        <code.Counted>
          <CodeOnly />
        </code.Counted>
      </AuthCodeProvider>,
    );
    fireEvent.click(screen.getByRole('button'));
    await screen.findByRole('button', { name: 'success' });
    expect([status.commits, code.commits]).toEqual([4, 1]);
  });
});
