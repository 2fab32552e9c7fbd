// `@authcode/svelte/runes`: Svelte 5.7+ only (`createSubscriber` from `svelte/reactivity`). The root
// entry never imports this file, so Svelte 4 users of the store never load it.
export { useAuthCode } from './useAuthCode';
export type { UseAuthCodeResult } from './useAuthCode';
