import { createContext, type RefObject } from 'react';

/** The block being rendered: its source (to tell a closed fence from one still streaming) and whether it still grows. */
export const BlockContext = createContext<{ source: string; streaming: boolean }>({ source: '', streaming: false });

/**
 * The message's handler for virtual-message links, as a ref: the handler may be a new function on
 * each render of the message without every memoized block rendering again.
 */
export const VirtualMessageContext = createContext<RefObject<((command: string) => void) | undefined> | null>(null);
