import { revealResult as reveal } from '@authcode/example-shared';

/**
 * `use:revealResult`: scrolls a result card into view and focuses it when it appears, or, with a
 * value (`use:revealResult={signedInNow}`), when it appears with the value true or the value turns true.
 */
export function revealResult(card: HTMLElement, initial: boolean = true) {
  let shown = initial;
  let cancel = shown ? reveal(card) : undefined;
  return {
    update(next: boolean) {
      if (next && !shown) {
        cancel?.();
        cancel = reveal(card);
      }
      shown = next;
    },
    destroy: () => cancel?.(),
  };
}
