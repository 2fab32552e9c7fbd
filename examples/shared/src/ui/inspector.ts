import { maskAuthCodes } from '@authcode/core';
import type { AnyActorRef, InspectionEvent, Observer } from 'xstate';

/** True when the page's URL asks for the inspector: `?inspect`. */
export function isInspectorRequested(search: string = globalThis.location?.search ?? ''): boolean {
  return new URLSearchParams(search).has('inspect');
}

/** The Stately browser inspector, with every auth code masked in what it is sent. */
export interface MaskedInspector {
  /** Opens the inspector window. Call it from a click, so that popup blockers let it open. */
  open(): void;
  /**
   * Sends an already started actor's events to the inspector, and returns the function that
   * stops sending. For adapters whose actor is created without an `inspect` option.
   */
  attach(actorRef: AnyActorRef): () => void;
  /** The observer to pass as an actor's `inspect` option where an adapter accepts one. */
  readonly inspect: Observer<InspectionEvent>;
}

/**
 * `serialize` runs once when an event is recorded and again when it is posted to the inspector
 * window; masking the already masked copy again would shorten its mask, so copies are remembered.
 */
function maskOnce() {
  const masked = new WeakSet<object>();
  return <T extends object>(event: T): T => {
    if (masked.has(event)) return event;
    const copy = maskAuthCodes(event);
    masked.add(copy);
    return copy;
  };
}

/**
 * Loads `@statelyai/inspect` (a chunk of its own, fetched only here) and creates its browser
 * inspector with every auth code masked: the inspector is another window, and a code is a credential.
 */
export async function loadInspector(): Promise<MaskedInspector> {
  const { createBrowserInspector } = await import('@statelyai/inspect');
  const inspector = createBrowserInspector({ autoStart: false, serialize: maskOnce() });
  let opened = false;
  return {
    open() {
      if (opened) return;
      opened = true;
      inspector.start();
    },
    attach(actorRef) {
      // The actor started before this observer existed: register it by hand, then follow it.
      inspector.actor(actorRef, actorRef.getSnapshot());
      const subscription = actorRef.system.inspect(inspector.inspect);
      return () => subscription.unsubscribe();
    },
    inspect: inspector.inspect,
  };
}
