import { useSyncExternalStore } from 'react';

/** Whether <html> has the `dark` class (lib/theme.ts puts it there), followed as it changes. */
export function useDark(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}

const isDark = () => document.documentElement.classList.contains('dark');

function subscribe(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
