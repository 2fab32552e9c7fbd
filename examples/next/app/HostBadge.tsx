'use client';

import { isInsideSuperApp } from '@authcode/example-shared';
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};
// Unknown on the server, which never reads the global `my`: the HTML says "Simulated host", and the
// browser corrects it after hydration (React renders the server value first, so hydration matches).
const onServer = () => false;

export function HostBadge() {
  const insideSuperApp = useSyncExternalStore(noSubscription, isInsideSuperApp, onServer);
  return (
    <span className={insideSuperApp ? 'badge badge--live' : 'badge'} data-testid="host-badge">
      {insideSuperApp ? 'Super-app host' : 'Simulated host'}
    </span>
  );
}
