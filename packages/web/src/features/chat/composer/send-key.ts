import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** `enter`: Enter sends, Shift+Enter breaks a line. `mod-enter`: Ctrl/⌘+Enter sends, Enter breaks a line. */
export type SendKeyMode = 'enter' | 'mod-enter';

interface SendKeyState {
  mode: SendKeyMode;
  setMode(mode: SendKeyMode): void;
}

/** Which key sends a message; one choice for the whole browser, shared by the composer and the settings dialog. */
export const useSendKey = create<SendKeyState>()(
  persist((set) => ({ mode: 'enter', setMode: (mode) => set({ mode }) }), {
    name: 'switchboard.sendKey',
    partialize: ({ mode }) => ({ mode }),
  }),
);

/** The modifier's name on this keyboard: ⌘ on Apple devices, Ctrl elsewhere. */
export function modifierKey(): string {
  const platform = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  return /Mac|iPhone|iPad|iPod/.test(platform) ? '⌘' : 'Ctrl';
}
