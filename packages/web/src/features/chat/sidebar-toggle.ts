import { createContext, useContext } from 'react';

/** Shows the conversation list (opens the phone's drawer, or brings back a collapsed sidebar); null while it is in view. */
export const SidebarToggle = createContext<(() => void) | null>(null);

export function useSidebarToggle(): (() => void) | null {
  return useContext(SidebarToggle);
}
