import { createContext, useContext } from 'react';
import type { Message } from '@/features/chat/data/types';

/**
 * What a message's buttons do. Given once through context, so the message rows take only their
 * own message as props and a finished message is never re-rendered while another one streams.
 */
export interface ThreadActions {
  regenerate(messageId: string): void;
  edit(messageId: string, content: string, attachments: string[]): void;
  showBranch(messageId: string): void;
  remove(messageId: string): void;
  stop(messageId: string): void;
  /** Puts the text into the composer ("use"). */
  use(text: string): void;
  /** Sends a virtual message's command (a button inside an answer) as a new message. */
  sendCommand(command: string): void;
  saveAsFile(message: Message): void;
  /** True while a send, regenerate or edit is on its way (their buttons wait). */
  busy: boolean;
}

export const ThreadActionsContext = createContext<ThreadActions | null>(null);

export function useThreadActions(): ThreadActions {
  const actions = useContext(ThreadActionsContext);
  if (!actions) throw new Error('useThreadActions outside a ChatThread');
  return actions;
}
