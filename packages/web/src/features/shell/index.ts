// What the app shell wires in (main.tsx / app.tsx).
export { registerServiceWorker } from './register-service-worker';
export { OfflineNotice } from './offline-notice';
export { useShortcut } from './use-shortcut';
export { shortcuts } from './shortcuts';
export { ShortcutsDialog } from './shortcuts-dialog';
export { Toaster, toast } from './toaster';
