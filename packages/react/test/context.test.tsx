import type { AuthCodeActorRef } from '@authcode/core';
import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { AuthCodeProvider, useAuthCode, useAuthCodeContext, useAuthCodeSelector } from '../src';
import { isRunning, watchSnapshots } from './support/actorProbe';
import { describeEachReactMode } from './support/reactModes';
import { nextMacrotask } from './support/reactDriver';
import { createScriptedHost } from '@authcode/core/testing';

const LOGIN = 'USER_LOGIN_ID';
afterEach(() => {
  vi.restoreAllMocks();
});

function AuthorizeButton() {
  const { request } = useAuthCodeContext();
  return <button onClick={() => request()}>Authorize</button>;
}

function StatusLine({ label }: { label: string }) {
  const { status } = useAuthCodeContext();
  return <p data-testid={label}>{status}</p>;
}

describeEachReactMode('AuthCodeProvider', (mode) => {
  it('shares one flow between the components below it', async () => {
    const host = createScriptedHost();
    mode.render(
      <AuthCodeProvider input={{ host, scopes: [LOGIN] }}>
        <AuthorizeButton />
        <StatusLine label="a" />
        <StatusLine label="b" />
      </AuthCodeProvider>,
    );
    fireEvent.click(screen.getByRole('button'));
    expect([screen.getByTestId('a').textContent, screen.getByTestId('b').textContent]).toEqual([
      'consenting',
      'consenting',
    ]);
    host.grant(host.calls[0]!);
    await nextMacrotask();
    expect([screen.getByTestId('a').textContent, screen.getByTestId('b').textContent]).toEqual([
      'success',
      'success',
    ]);
    expect(host.calls).toHaveLength(1);
  });

  it('stops the flow it owns when it unmounts: a late host answer changes nothing', () => {
    const host = createScriptedHost();
    let actorRef: AuthCodeActorRef | undefined;
    function Capture() {
      actorRef = useAuthCodeContext().actorRef;
      return null;
    }
    const { unmount } = mode.render(
      <AuthCodeProvider input={{ host, scopes: [LOGIN] }}>
        <AuthorizeButton />
        <Capture />
      </AuthCodeProvider>,
    );
    fireEvent.click(screen.getByRole('button'));
    act(unmount);
    const snapshots = watchSnapshots(actorRef!);
    host.grant(host.calls[0]!);
    expect(snapshots.count).toBe(0);
    expect(isRunning(actorRef!)).toBe(false);
  });

  it('shares an existing actorRef and leaves stopping it to its owner', async () => {
    const host = createScriptedHost();
    function Owner() {
      const { actorRef, status } = useAuthCode({ host, scopes: [LOGIN] });
      const [shared, setShared] = useState(true);
      return (
        <>
          <p data-testid="owner">{status}</p>
          <button onClick={() => setShared(false)}>Hide</button>
          {shared && (
            <AuthCodeProvider actorRef={actorRef}>
              <AuthorizeButton />
              <StatusLine label="shared" />
            </AuthCodeProvider>
          )}
        </>
      );
    }
    mode.render(<Owner />);
    fireEvent.click(screen.getByRole('button', { name: 'Authorize' }));
    expect([screen.getByTestId('owner').textContent, screen.getByTestId('shared').textContent]).toEqual([
      'consenting',
      'consenting',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByTestId('shared')).toBeNull();
    host.grant(host.calls[0]!);
    await nextMacrotask();
    expect(screen.getByTestId('owner').textContent).toBe('success');
  });

  it('useAuthCodeContext() outside a provider throws an error that names <AuthCodeProvider>', () => {
    // React reports the render error to the console too; keep the output clean.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Orphan() {
      useAuthCodeContext();
      return null;
    }
    expect(() => mode.render(<Orphan />)).toThrow(
      /useAuthCodeContext\(\) must be used inside an <AuthCodeProvider>/,
    );
  });

  it('useAuthCodeSelector() without an actorRef or a provider throws an error that names <AuthCodeProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Orphan() {
      useAuthCodeSelector((view) => view.status);
      return null;
    }
    expect(() => mode.render(<Orphan />)).toThrow(
      /useAuthCodeSelector\(\) must be used inside an <AuthCodeProvider>/,
    );
  });
});
