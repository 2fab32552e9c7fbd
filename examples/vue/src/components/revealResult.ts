import { revealResult } from '@authcode/example-shared';
import type { Directive } from 'vue';

const cancelReveal = new WeakMap<HTMLElement, () => void>();

function reveal(card: HTMLElement) {
  cancelReveal.get(card)?.();
  cancelReveal.set(card, revealResult(card));
}

/**
 * `v-reveal-result`: scrolls a result card into view and focuses it when it appears, or, with a
 * value (`v-reveal-result="signedInNow"`), when it appears with the value true or the value turns true.
 */
export const vRevealResult: Directive<HTMLElement, boolean | undefined> = {
  mounted: (card, { value }) => {
    if (value !== false) reveal(card);
  },
  updated: (card, { value, oldValue }) => {
    if (value === true && oldValue !== true) reveal(card);
  },
  beforeUnmount: (card) => cancelReveal.get(card)?.(),
};
