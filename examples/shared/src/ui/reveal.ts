/**
 * Scrolls a settled flow's result into view and moves focus to it (the element needs tabindex="-1"):
 * on a phone the result card is below the fold. It waits a frame, so a consent sheet closing in the
 * same update has given focus back first. Returns a function that cancels it, for unmount.
 */
export function revealResult(result: HTMLElement): () => void {
  const frame = requestAnimationFrame(() => {
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    result.scrollIntoView({ block: 'nearest', behavior: reduceMotion ? 'auto' : 'smooth' });
    result.focus({ preventScroll: true });
  });
  return () => cancelAnimationFrame(frame);
}
