import type { AuthCodeActorRef, AuthCodeView } from '@authcode/core';
import { createScriptedHost, createSimulatedHost } from '@authcode/core/testing';
import { fireEvent, screen } from '@testing-library/react';
import { memo } from 'react';
import { expect, it } from 'vitest';
import {
  AuthCodeProvider,
  useAuthCode,
  useAuthCodeContext,
  useAuthCodeSelector,
  type AuthCodeCompare,
} from '../src';
import { createCommitCounter } from './support/countingProfiler';
import { describeEachReactMode } from './support/reactModes';
import { nextMacrotask } from './support/reactDriver';
import { createExchange } from '@authcode/core/exchange';

const LOGIN = 'USER_LOGIN_ID';

function RequestButton() {
  const { status, request } = useAuthCodeContext();
  return <button onClick={() => request()}>{status}</button>;
}

describeEachReactMode('useAuthCodeSelector', (mode) => {
  it('with an explicit actorRef, re-renders only when the selected value changes', async () => {
    const host = createScriptedHost();
    const parent = createCommitCounter();
    const child = createCommitCounter();
    const CodeState = memo(function CodeState({ actorRef }: { actorRef: AuthCodeActorRef }) {
      const hasCode = useAuthCodeSelector(actorRef, (view) => view.authCode !== undefined);
      return <child.Counted>{hasCode ? <output>has code</output> : <output>no code</output>}</child.Counted>;
    });
    function Page() {
      const { status, request, actorRef } = useAuthCode({ host, scopes: [LOGIN] });
      return (
        <parent.Counted>
          <button onClick={() => request()}>{status}</button>
          <CodeState actorRef={actorRef} />
        </parent.Counted>
      );
    }
    mode.render(<Page />);
    fireEvent.click(screen.getByRole('button'));
    expect([parent.commits, child.commits]).toEqual([2, 1]);
    host.grant(host.calls[0]!);
    await nextMacrotask();
    expect(screen.getByRole('status').textContent).toBe('has code');
    expect([parent.commits, child.commits]).toEqual([3, 2]);
  });

  it('uses the compare function: a new object per view re-renders only when compare says it changed', async () => {
    const host = createScriptedHost();
    const byDefault = createCommitCounter();
    const compared = createCommitCounter();
    const grantedCount = (view: AuthCodeView) => ({ granted: view.grantedScopes.length });
    const sameCount: AuthCodeCompare<{ granted: number }> = (previous, next) =>
      previous.granted === next.granted;
    function Granted({ compare }: { compare?: AuthCodeCompare<{ granted: number }> }) {
      const { granted } = useAuthCodeSelector(grantedCount, compare);
      return <output>{granted}</output>;
    }
    mode.render(
      <AuthCodeProvider input={{ host, scopes: [LOGIN] }}>
        <RequestButton />
        <byDefault.Counted>
          <Granted />
        </byDefault.Counted>
        <compared.Counted>
          <Granted compare={sameCount} />
        </compared.Counted>
      </AuthCodeProvider>,
    );
    fireEvent.click(screen.getByRole('button'));
    // idle -> consenting: a new object, the same count.
    expect([byDefault.commits, compared.commits]).toEqual([2, 1]);
    host.grant(host.calls[0]!);
    await nextMacrotask();
    expect(screen.getAllByRole('status').map((output) => output.textContent)).toEqual(['1', '1']);
    expect([byDefault.commits, compared.commits]).toEqual([3, 2]);
  });

  it('returns the selected session', async () => {
    function User() {
      const user = useAuthCodeSelector((view: AuthCodeView<{ user: string }>) => view.session?.user);
      return <output>{user ?? 'nobody'}</output>;
    }
    mode.render(
      <AuthCodeProvider
        input={{
          host: createSimulatedHost(),
          scopes: [LOGIN],
          exchange: createExchange(async () => ({ user: 'u-1' })),
        }}
      >
        <RequestButton />
        <User />
      </AuthCodeProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('nobody');
    fireEvent.click(screen.getByRole('button'));
    await screen.findByRole('button', { name: 'success' });
    expect(screen.getByRole('status').textContent).toBe('u-1');
  });
});
