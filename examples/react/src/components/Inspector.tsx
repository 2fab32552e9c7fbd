import type { MaskedInspector } from '@authcode/example-shared';
import { useAuthCodeContext } from '@authcode/react';
import { useEffect, useState } from 'react';

/** Sends the provider's flow to the inspector (`?inspect`), auth codes masked. Renders nothing. */
export function InspectorAttachment({ inspector }: { inspector: MaskedInspector }) {
  const { actorRef } = useAuthCodeContext();
  useEffect(() => inspector.attach(actorRef), [inspector, actorRef]);
  return null;
}

export function InspectorBanner({ inspector }: { inspector: MaskedInspector }) {
  const [opened, setOpened] = useState(false);
  return (
    <aside className="banner" aria-label="Inspector" data-testid="inspector-banner">
      <span>Inspector attached. Auth codes are masked in everything it receives.</span>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={opened}
        onClick={() => {
          inspector.open();
          setOpened(true);
        }}
        data-testid="open-inspector"
      >
        {opened ? 'Opened' : 'Open inspector'}
      </button>
    </aside>
  );
}
