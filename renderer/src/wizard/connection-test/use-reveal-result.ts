import { useEffect, useRef } from 'react';

/**
 * When a test this page watched finishes, its result scrolls into view and its heading takes the focus: at 900×600
 * the result lands below the fold, and a screen-reader user should hear the verdict, not the button they pressed.
 * A result already there when the page opens (a restart, coming back to the step) stays where it is.
 */
export function useRevealResult(runId: string | undefined, resultKey: string | undefined) {
  const box = useRef<HTMLDivElement>(null);
  const watched = useRef(false);
  useEffect(() => {
    if (runId) {
      watched.current = true;
      return;
    }
    if (!watched.current || !resultKey) return;
    watched.current = false;
    const frame = requestAnimationFrame(() => {
      const target = box.current;
      if (!target) return;
      target.scrollIntoView({ block: 'start' });
      const heading = target.querySelector<HTMLElement>('h2, .callout-title');
      if (!heading) return;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [runId, resultKey]);
  return box;
}
