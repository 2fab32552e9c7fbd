import { hasInjectionContext, inject } from 'vue';

/**
 * The key `vue/server-renderer` provides its context under: Vue's own `ssrContextKey`, a registered
 * symbol (`Symbol.for('v-scx')` since Vue 3.3). Not imported from `vue`: mini-program Vue runtimes
 * such as uni-app's `@dcloudio/uni-mp-vue` have no SSR exports, and the import breaks their build.
 */
export const ssrContextKey = Symbol.for('v-scx');

/**
 * True while `vue/server-renderer` renders the calling component: it provides `ssrContextKey` to the
 * app it renders. Not `typeof window`, which is also undefined in a mini program's logic layer,
 * where the flow must run.
 */
export function isServerRendering(): boolean {
  return hasInjectionContext() && inject<unknown>(ssrContextKey, null) !== null;
}
