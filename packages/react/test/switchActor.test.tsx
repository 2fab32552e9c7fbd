import { authCodeMachine, type AuthCodeActorRef } from '@authcode/core';
import { act, render, screen } from '@testing-library/react';
import { createActor } from 'xstate';
import { afterEach, expect, it } from 'vitest';
import { AuthCodeProvider, useAuthCodeContext } from '../src';
import { createScriptedHost } from '@authcode/core/testing';

const started: AuthCodeActorRef[] = [];
afterEach(() => {
  started.splice(0).forEach((actorRef) => actorRef.stop());
});

function startFlow(): { actorRef: AuthCodeActorRef; host: ReturnType<typeof createScriptedHost> } {
  const host = createScriptedHost();
  const actorRef = createActor(authCodeMachine, { input: { host, scopes: ['USER_LOGIN_ID'] } });
  actorRef.start();
  started.push(actorRef);
  return { actorRef, host };
}

let latest: ReturnType<typeof useAuthCodeContext> | undefined;
function Status() {
  latest = useAuthCodeContext();
  return <p data-testid="status">{latest.status}</p>;
}

it('a provider given another actorRef shows that flow, and its actions act on it', () => {
  const first = startFlow();
  const second = startFlow();
  const view = render(
    <AuthCodeProvider actorRef={first.actorRef}>
      <Status />
    </AuthCodeProvider>,
  );
  act(() => {
    void latest!.request();
  });
  expect(screen.getByTestId('status').textContent).toBe('consenting');

  view.rerender(
    <AuthCodeProvider actorRef={second.actorRef}>
      <Status />
    </AuthCodeProvider>,
  );
  expect(screen.getByTestId('status').textContent).toBe('idle');
  expect(latest!.actorRef).toBe(second.actorRef);

  // The actions now belong to the second flow: its host is asked, the first flow is left alone.
  act(() => {
    void latest!.request();
  });
  expect(second.host.calls).toHaveLength(1);
  expect(first.host.calls).toHaveLength(1);
  act(() => latest!.cancel());
  expect(second.actorRef.getSnapshot().value).toBe('idle');
  expect(first.actorRef.getSnapshot().value).toBe('consenting');
});
