/**
 * The app's keyboard shortcuts, as the shortcuts dialog lists them. The app binds each with
 * `useShortcut(shortcuts.newChat, …)`; the dialog binds `shortcuts.shortcuts` itself.
 */
export const shortcuts = {
  newChat: 'mod+shift+o',
  focusInput: 'shift+escape',
  stopGenerating: 'escape',
  searchConversations: 'mod+k',
  toggleSidebar: 'mod+shift+s',
  shortcuts: 'mod+/',
  copyLastAnswer: 'mod+shift+c',
} as const;
export type ShortcutId = keyof typeof shortcuts;
