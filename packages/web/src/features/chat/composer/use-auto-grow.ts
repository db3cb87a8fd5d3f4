import { useLayoutEffect, type RefObject } from 'react';

/**
 * Grows a textarea with its text; its CSS max-height (about 40 % of the viewport) caps the
 * growth, and from there it scrolls. Measured before paint, so the box never flickers.
 */
export function useAutoGrow(ref: RefObject<HTMLTextAreaElement | null>, text: string): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight}px`;
  }, [ref, text]);
}
