import { revealResult } from '@authcode/example-shared';
import { useEffect, useRef } from 'react';

/**
 * A ref for a result card that scrolls it into view and focuses it when it appears with `reveal`
 * true, or when `reveal` turns true later (a card that was already shown).
 */
export function useRevealResult(reveal = true) {
  const card = useRef<HTMLElement>(null);
  useEffect(() => (reveal && card.current ? revealResult(card.current) : undefined), [reveal]);
  return card;
}
