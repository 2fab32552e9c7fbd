import { createScriptedHost } from '@authcode/core/testing';
import { describe, expect, it } from 'vitest';
import { effectScope, watch } from 'vue';
import { useAuthCode } from '../src/index';
import { readView } from './readView';

const scopes = ['USER_LOGIN_ID'];

describe('useAuthCode().view', () => {
  it('is the whole view, with the same values as the field refs, and narrows by status', async () => {
    const host = createScriptedHost();
    const scope = effectScope();
    const flow = scope.run(() => useAuthCode({ host, scopes }))!;
    expect(flow.view.value).toEqual(readView(flow));
    expect(flow.view.value.status).toBe('idle');

    const settled = flow.request();
    expect(flow.view.value).toEqual(readView(flow));
    expect(flow.view.value.status).toBe('consenting');
    host.grantAll();
    expect(await settled).toEqual(flow.view.value);
    const view = flow.view.value;
    if (view.status !== 'success') throw new Error(`expected success, got ${view.status}`);
    expect(view.authCode).toBe(flow.authCode.value);
    expect(typeof view.authCode).toBe('string');
    scope.stop();
  });

  it('changes only when a field does', async () => {
    const host = createScriptedHost();
    const scope = effectScope();
    const flow = scope.run(() => useAuthCode({ host, scopes }))!;
    const seen: string[] = [];
    scope.run(() => watch(flow.view, (view) => seen.push(view.status), { flush: 'sync' }));

    void flow.request();
    flow.retry(); // ignored while consenting: nothing visible changes
    flow.cancel();
    expect(seen).toEqual(['consenting', 'idle']);
    flow.cancel(); // ignored in idle
    expect(seen).toEqual(['consenting', 'idle']);
    scope.stop();
  });
});
