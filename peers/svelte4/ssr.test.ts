// @vitest-environment node
import { expect, it, vi } from 'vitest';
import type { AuthCodeStore } from '@authcode/svelte';
import AuthFlow from './AuthFlow.svelte';
import SharedFlow from './SharedFlow.svelte';

/** A component compiled for the server by Svelte 4 (`generate: 'ssr'`). */
interface Svelte4ServerComponent {
  render(props: Record<string, unknown>): { html: string };
}

const scopes = ['auth_base'];

it('renders idle on the server without calling the host, and stops the actor after rendering', () => {
  const host = { getAuthCode: vi.fn() };
  let flow: AuthCodeStore | undefined;
  const { html } = (AuthFlow as unknown as Svelte4ServerComponent).render({
    input: { host, scopes },
    onCreate: (created: AuthCodeStore) => (flow = created),
  });
  expect(html).toContain('<p>idle</p>');
  expect(host.getAuthCode).not.toHaveBeenCalled();
  expect(flow?.actorRef.getSnapshot().status).toBe('stopped');
});

it('shares one flow through context on the server', () => {
  const host = { getAuthCode: vi.fn() };
  const { html } = (SharedFlow as unknown as Svelte4ServerComponent).render({
    flowOrInput: { host, scopes },
  });
  expect(html.match(/<p>idle<\/p>/g)).toHaveLength(2);
  expect(host.getAuthCode).not.toHaveBeenCalled();
});
