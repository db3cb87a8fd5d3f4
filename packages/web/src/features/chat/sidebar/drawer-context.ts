import { createContext, use } from 'react';

/** Set by SidebarDrawer: a sidebar inside a drawer closes it once something is chosen. */
export const DrawerContext = createContext<{ close: () => void } | null>(null);

export const useDrawer = () => use(DrawerContext);
