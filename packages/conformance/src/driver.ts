import type { AuthCodeCommands, AuthCodeInput, AuthCodeStatus, AuthCodeView, Scope } from '@authcode/core';

/** One component (or bare actor) running a flow, seen from outside the way a user sees it. */
export interface MountedFlow {
  /** Every `status` the component rendered, in order, with consecutive repeats folded. */
  readonly statuses: readonly AuthCodeStatus[];
  /** The view the component rendered last. */
  view(): AuthCodeView;
  request(scopes?: readonly Scope[], required?: readonly Scope[]): Promise<AuthCodeView>;
  cancel(): void;
  retry(): void;
  reset(): void;
  /** Resolves once the framework has rendered every pending update. */
  flush(): Promise<void>;
  unmount(): void;
}

/** How a framework mounts a component that uses its adapter with the given input. */
export interface AdapterDriver {
  name: string;
  mount(input: AuthCodeInput<unknown>): MountedFlow | Promise<MountedFlow>;
}

/** Keeps a status log with consecutive repeats folded; drivers call `record` on every render. */
export function createStatusLog(): { statuses: AuthCodeStatus[]; record(status: AuthCodeStatus): void } {
  const statuses: AuthCodeStatus[] = [];
  return {
    statuses,
    record(status) {
      if (statuses[statuses.length - 1] !== status) statuses.push(status);
    },
  };
}

/** A mounted flow from an adapter's commands and what its component rendered. */
export function commandsFlow(
  commands: AuthCodeCommands,
  rendered: Pick<MountedFlow, 'statuses' | 'view' | 'flush' | 'unmount'>,
): MountedFlow {
  return {
    ...rendered,
    request: (scopes, required) => commands.request(scopes, required),
    cancel: () => commands.cancel(),
    retry: () => commands.retry(),
    reset: () => commands.reset(),
  };
}
