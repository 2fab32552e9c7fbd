import { act, render } from '@testing-library/react';
import { Activity, useEffect, type ReactNode } from 'react';
import { expect, it } from 'vitest';
import { useAuthCode } from '../src/index';
import { describeEachReactMode } from './support/reactModes';
import { nextMacrotask } from './support/reactDriver';
import { createScriptedHost, type ScriptedHost } from '@authcode/core/testing';
import { createExchange } from '@authcode/core/exchange';

const LOGIN = 'USER_LOGIN_ID';

// @xstate/react stops and restarts the actor from the same snapshot in StrictMode and when an
// <Activity> is hidden and shown. Core's invoked work must survive that without a second host call.

function RequestOnMount({ host, exchange }: { host: ScriptedHost; exchange?: () => Promise<unknown> }) {
  const { request, status } = useAuthCode({
    host,
    scopes: [LOGIN],
    ...(exchange ? { exchange: createExchange(exchange) } : {}),
  });
  useEffect(() => {
    void request();
  }, [request]);
  return <p>{status}</p>;
}

describeEachReactMode('a restarted actor', (mode) => {
  it('a request made in a mount effect asks the host once, and the answer still arrives', async () => {
    const host = createScriptedHost();
    const { container } = mode.render(<RequestOnMount host={host} />);
    await act(nextMacrotask);
    expect(host.calls).toHaveLength(1);
    await act(async () => host.grant(host.calls[0]!));
    await act(nextMacrotask);
    expect(container.textContent).toBe('success');
  });

  it('an exchange running during a restart runs once', async () => {
    const host = createScriptedHost();
    let exchanges = 0;
    const exchange = () => {
      exchanges++;
      return new Promise<unknown>(() => {});
    };
    function Flow() {
      const { request, status } = useAuthCode({ host, scopes: [LOGIN], exchange: createExchange(exchange) });
      return (
        <button type="button" onClick={() => void request()}>
          {status}
        </button>
      );
    }
    function Toggle({ visible, children }: { visible: boolean; children: ReactNode }) {
      return <Activity mode={visible ? 'visible' : 'hidden'}>{children}</Activity>;
    }
    const view = mode.render(
      <Toggle visible>
        <Flow />
      </Toggle>,
    );
    act(() => view.getByRole('button').click());
    await act(async () => host.grant(host.calls[0]!));
    await act(nextMacrotask);
    expect(view.getByRole('button').textContent).toBe('exchanging');
    view.rerender(
      <Toggle visible={false}>
        <Flow />
      </Toggle>,
    );
    view.rerender(
      <Toggle visible>
        <Flow />
      </Toggle>,
    );
    await act(nextMacrotask);
    expect(exchanges).toBe(1);
    expect(host.calls).toHaveLength(1);
  });
});

/**
 * Renders `flow` inside an <Activity>; `restart()` hides and shows it again within one task, as when
 * a transition re-suspends a tree. Hidden across tasks is an unmount as far as the flow can tell:
 * the call is released (see docs/adapters/react.md).
 */
function renderInActivity(flow: ReactNode) {
  const ui = (visible: boolean) => <Activity mode={visible ? 'visible' : 'hidden'}>{flow}</Activity>;
  const view = render(ui(true));
  return {
    button: () => view.getByRole('button'),
    restart() {
      view.rerender(ui(false));
      view.rerender(ui(true));
    },
  };
}

it('an <Activity> hidden and shown while consenting keeps one host call and its timeout', async () => {
  const host = createScriptedHost();
  function Flow() {
    const { request, status, error } = useAuthCode({ host, scopes: [LOGIN], timeoutMs: 50 });
    return (
      <button type="button" onClick={() => void request()}>
        {status} {error?.kind}
      </button>
    );
  }
  const activity = renderInActivity(<Flow />);
  act(() => activity.button().click());
  activity.restart();
  await act(() => new Promise((resolve) => setTimeout(resolve, 80)));
  expect(host.calls).toHaveLength(1);
  expect(activity.button().textContent).toBe('failed timeout');
});

it('a request() awaited across an <Activity> restart still resolves with the settled view', async () => {
  const host = createScriptedHost();
  let pending: Promise<{ status: string }> | undefined;
  function Flow() {
    const { request, status } = useAuthCode({ host, scopes: [LOGIN] });
    return (
      <button type="button" onClick={() => (pending = request())}>
        {status}
      </button>
    );
  }
  const activity = renderInActivity(<Flow />);
  act(() => activity.button().click());
  activity.restart();
  await act(async () => host.grant(host.calls[0]!));
  await act(nextMacrotask);
  expect(activity.button().textContent).toBe('success');
  await expect(pending).resolves.toMatchObject({ status: 'success' });
});

it('an <Activity> hidden and shown in success keeps the code lifetime timer (issue 9)', async () => {
  const host = createScriptedHost();
  function Flow() {
    const { request, status, error } = useAuthCode({ host, scopes: [LOGIN], codeLifetimeMs: 50 });
    return (
      <button type="button" onClick={() => void request()}>
        {status} {error?.kind}
      </button>
    );
  }
  const activity = renderInActivity(<Flow />);
  act(() => activity.button().click());
  await act(async () => host.grant(host.calls[0]!));
  await act(nextMacrotask);
  expect(activity.button().textContent).toBe('success ');
  // Restarted 30 ms in: a timer started again by the restart would still be running at 65 ms.
  await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
  act(() => activity.restart());
  await act(() => new Promise((resolve) => setTimeout(resolve, 35)));
  expect(activity.button().textContent).toBe('failed expired');
});

it('an <Activity> hidden and shown while exchanging keeps the exchange timeout (issue 9)', async () => {
  const host = createScriptedHost();
  let signal: AbortSignal | undefined;
  const exchange = (_grant: unknown, context: { signal: AbortSignal }) => {
    signal = context.signal;
    return new Promise<unknown>(() => {});
  };
  function Flow() {
    const { request, status, error } = useAuthCode({
      host,
      scopes: [LOGIN],
      exchange: createExchange(exchange),
      exchangeTimeoutMs: 50,
    });
    return (
      <button type="button" onClick={() => void request()}>
        {status} {error?.kind}
      </button>
    );
  }
  const activity = renderInActivity(<Flow />);
  act(() => activity.button().click());
  await act(async () => host.grant(host.calls[0]!));
  await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
  act(() => activity.restart());
  await act(() => new Promise((resolve) => setTimeout(resolve, 35)));
  expect(activity.button().textContent).toBe('failed exchange-timeout');
  expect(signal?.aborted).toBe(true);
});
