import { useSyncExternalStore } from 'react';

/** UI.md: below 768 px panels become drawers and popovers full-width dialogs. */
const phoneQuery = '(max-width: 767px)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(phoneQuery);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Whether the viewport is phone-sized, following rotation and resizing; false when rendered on a server. */
export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(phoneQuery).matches,
    () => false,
  );
}
