/**
 * The events the flow's machine receives, as inspection reports them, each with the states it went
 * through (the transient `resolving` included), masked before they are kept: the page shows them.
 */
import { maskAuthCodes, type AuthCodeActorRef } from '@authcode/core';
import type { InspectionEvent } from 'xstate';

export interface EventRow {
  id: number;
  /** `event` for what the machine received; `host` for what the host did that the machine never saw. */
  source: 'event' | 'host';
  type: string;
  /** The event's other fields as masked JSON, or the host's note. */
  detail: string;
  /** The state after each microstep: `resolving`, `success`. */
  states: string[];
}

/** The event without its type, as JSON with every auth code masked; empty when it has nothing else. */
function describePayload(event: { type: string }): string {
  const { type: _type, ...rest } = maskAuthCodes(event) as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? JSON.stringify(rest) : '';
}

export interface EventLog {
  /** Adds what the host did outside the machine's sight. */
  note(text: string): void;
  stop(): void;
}

/**
 * Follows the actor through `system.inspect` and calls `onChange` with every row so far (a new
 * array each time). Only the flow's own actor counts: its invoked host call is left out.
 */
export function followEvents(actorRef: AuthCodeActorRef, onChange: (rows: EventRow[]) => void): EventLog {
  let rows: EventRow[] = [];
  let nextId = 1;
  const push = (row: Omit<EventRow, 'id'>) => {
    rows = [...rows, { id: nextId++, ...row }];
    onChange(rows);
  };
  const addState = (state: string) => {
    const last = rows.at(-1);
    if (!last || last.source !== 'event') return;
    rows = [...rows.slice(0, -1), { ...last, states: [...last.states, state] }];
    onChange(rows);
  };
  const subscription = actorRef.system.inspect((inspection: InspectionEvent) => {
    if (inspection.actorRef !== actorRef) return;
    if (inspection.type === '@xstate.event') {
      push({
        source: 'event',
        type: inspection.event.type,
        detail: describePayload(inspection.event),
        states: [],
      });
    } else if (inspection.type === '@xstate.microstep') {
      addState(String((inspection.snapshot as { value?: unknown }).value));
    }
  });
  return {
    note: (text) => push({ source: 'host', type: 'host', detail: text, states: [] }),
    stop: () => subscription.unsubscribe(),
  };
}
