import type { HostSource } from '@authcode/core';
import { superAppHostOr } from '@authcode/core/hosts';
import {
  createSimulatedSuperApp,
  isInsideSuperApp,
  readTestHooks,
  type SimulatedSuperApp,
  type SimulatedSuperAppState,
} from '@authcode/example-shared';
import {
  inject,
  onMounted,
  onScopeDispose,
  provide,
  ref,
  shallowRef,
  type InjectionKey,
  type Ref,
} from 'vue';

/** What the app shares with its pages: the host to pass to a flow, and the simulated super app. */
export interface SimulatedSuperAppContext {
  /**
   * The flow's `host`: the super app's `my` inside a super app, the simulated host elsewhere. A
   * function, so it is resolved when a request starts, in the browser: never on the server.
   */
  readonly host: HostSource;
  /** Set after mount, in the browser only; undefined on the server and inside a real super app. */
  readonly superApp: Readonly<Ref<SimulatedSuperApp | undefined>>;
  readonly superAppState: Readonly<Ref<SimulatedSuperAppState | undefined>>;
  /** Known after mount; false on the server, so the first render matches the server's HTML. */
  readonly insideSuperApp: Readonly<Ref<boolean>>;
}

const key: InjectionKey<SimulatedSuperAppContext> = Symbol('simulated-super-app');

/**
 * Called once, in app.vue. Nothing here runs on the server: the global `my` is only read in
 * `onMounted` and when a request starts, and the simulated super app is created in `onMounted`, one
 * per browser tab (never at module level, where a server would share it between requests).
 */
export function provideSimulatedSuperApp(): SimulatedSuperAppContext {
  const superApp = shallowRef<SimulatedSuperApp>();
  const superAppState = shallowRef<SimulatedSuperAppState>();
  const insideSuperApp = ref(false);
  let unsubscribe: (() => void) | undefined;

  onMounted(() => {
    insideSuperApp.value = isInsideSuperApp();
    if (insideSuperApp.value) return;
    // The test hooks let an end-to-end test know the codes; they are empty for a user.
    const app = createSimulatedSuperApp(readTestHooks());
    superApp.value = app;
    superAppState.value = app.getState();
    unsubscribe = app.subscribe(() => {
      superAppState.value = app.getState();
    });
  });
  onScopeDispose(() => unsubscribe?.());

  const context: SimulatedSuperAppContext = {
    host: superAppHostOr(() => superApp.value?.host),
    superApp,
    superAppState,
    insideSuperApp,
  };
  provide(key, context);
  return context;
}

/** The context app.vue provided. */
export function useSimulatedSuperApp(): SimulatedSuperAppContext {
  const context = inject(key, null);
  if (!context) throw new Error('useSimulatedSuperApp() needs provideSimulatedSuperApp() in app.vue');
  return context;
}
