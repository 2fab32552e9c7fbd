import { hasInjectionContext, inject, ssrContextKey } from 'vue';

/**
 * True while `vue/server-renderer` renders the calling component: it provides `ssrContextKey` to the
 * app it renders. Not `typeof window`, which is also undefined in a mini program's logic layer,
 * where the flow must run.
 */
export function isServerRendering(): boolean {
  return hasInjectionContext() && inject<unknown>(ssrContextKey, null) !== null;
}
