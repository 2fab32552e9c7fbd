// @vitest-environment node
import { useEffect } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, expect, it, vi } from 'vitest';
import { AuthCodeProvider, useAuthCode, useAuthCodeContext, useAuthCodeSelector } from '../src';
import { describeEachReactMode } from './support/reactModes';

// Installed before the modules above load, so an access at import counts too.
const globalMy = vi.hoisted(() => {
  const state = { reads: 0, hostCalls: 0 };
  const host = { getAuthCode: () => void state.hostCalls++ };
  Object.defineProperty(globalThis, 'my', {
    configurable: true,
    get: () => {
      state.reads++;
      return host;
    },
  });
  return state;
});

afterAll(() => {
  delete (globalThis as { my?: unknown }).my;
});

function OwnFlow() {
  // An auto-login page: the request runs in an effect, which servers never run.
  const { status, request } = useAuthCode({ scopes: ['auth_base'] });
  useEffect(() => {
    void request();
  }, [request]);
  return <p>{status}</p>;
}

function SharedFlow() {
  const { isLoading } = useAuthCodeContext();
  const status = useAuthCodeSelector((view) => view.status);
  return <p>{isLoading ? 'loading' : status}</p>;
}

describeEachReactMode('server rendering', (mode) => {
  it('renders idle and never touches the global `my` or calls the host', () => {
    const html = renderToString(
      mode.wrap(
        <>
          <OwnFlow />
          <AuthCodeProvider input={{ scopes: ['auth_base'] }}>
            <SharedFlow />
          </AuthCodeProvider>
        </>,
      ),
    );
    expect(html).toBe('<p>idle</p><p>idle</p>');
    expect(globalMy).toEqual({ reads: 0, hostCalls: 0 });
  });
});
