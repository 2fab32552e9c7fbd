import type { AuthCodeActorRef, GetAuthCodeOptions } from '@authcode/core';
import { expect, it } from 'vitest';
import { isRunning, watchSnapshots } from './support/actorProbe';
import { describeEachReactMode } from './support/reactModes';
import { renderFlow } from './support/renderFlow';
import { createScriptedHost } from '@authcode/core/testing';

const COMPONENTS = 1_000;

describeEachReactMode('leaks', (mode) => {
  it(`mounting and unmounting ${COMPONENTS} components with a flow each leaves no running actor and no live host call`, () => {
    const host = createScriptedHost();
    const unmounted: AuthCodeActorRef[] = [];
    for (let i = 0; i < COMPONENTS; i++) {
      const flow = renderFlow(mode, { host, scopes: ['USER_LOGIN_ID'] });
      flow.clickRequest();
      unmounted.push(flow.current.actorRef);
      flow.unmount();
    }
    // One flow stays mounted: it shows what the probes report for a live flow.
    const control = renderFlow(mode, { host, scopes: ['USER_LOGIN_ID'] });
    control.clickRequest();
    expect(host.calls).toHaveLength(COMPONENTS + 1);

    const watches = [...unmounted, control.current.actorRef].map(watchSnapshots);
    const processed = () => watches.reduce((sum, watch) => sum + watch.count, 0);
    // A host call is live when its answer still reaches an actor that processes it.
    const isLive = (call: GetAuthCodeOptions) => {
      const before = processed();
      host.grant(call);
      return processed() > before;
    };
    const liveCalls = host.calls.map(isLive);

    expect({
      unmounted: {
        liveHostCalls: liveCalls.slice(0, COMPONENTS).filter(Boolean).length,
        runningActors: unmounted.filter(isRunning).length,
      },
      control: {
        liveHostCalls: liveCalls[COMPONENTS] ? 1 : 0,
        runningActors: isRunning(control.current.actorRef) ? 1 : 0,
      },
    }).toEqual({
      unmounted: { liveHostCalls: 0, runningActors: 0 },
      control: { liveHostCalls: 1, runningActors: 1 },
    });
  });
});
