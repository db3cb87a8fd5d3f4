/**
 * Registers the offline shell (public/sw.js) once the page has loaded, so it never competes with
 * the first render for the network. Production builds only: in development it would serve stale
 * modules over Vite's hot reload.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline shell (private mode, blocked by policy): the app works as before.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
