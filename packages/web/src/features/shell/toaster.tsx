import { lazy, Suspense } from 'react';

// Sonner (about 10 KB gzipped) is not needed for the first paint: the toaster and each toast load it
// when they run, keeping it out of the main bundle.
const SonnerToaster = lazy(() => import('./sonner-toaster').then((m) => ({ default: m.SonnerToaster })));

/** Where toasts appear (see sonner-toaster.tsx); one per app. */
export function Toaster() {
  return (
    <Suspense fallback={null}>
      <SonnerToaster />
    </Suspense>
  );
}

/** Shows a short notice; sonner is imported on first use (the toaster has loaded it by then). */
export const toast = {
  success: (message: string) => void import('sonner').then(({ toast }) => toast.success(message)),
  error: (message: string) => void import('sonner').then(({ toast }) => toast.error(message)),
};
