import { useRef } from 'react';
import type { SendKeyMode } from './send-key';

/** The parts of a keydown that decide whether it sends (a DOM KeyboardEvent fits). */
interface KeyLike {
  key: string;
  keyCode: number;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
}

/**
 * Whether this keydown sends the message. An input method (Chinese, Japanese…) uses Enter to
 * confirm a candidate: that Enter must never send, whether the browser flags it (isComposing,
 * keyCode 229) or only our own composition tracking knows (`composing`).
 * Ctrl/⌘+Enter sends in both modes, so the habit of either camp always works.
 */
export function shouldSend(event: KeyLike, mode: SendKeyMode, composing: boolean): boolean {
  if (event.key !== 'Enter') return false;
  if (composing || event.isComposing || event.keyCode === 229) return false;
  if (event.shiftKey || event.altKey) return false;
  if (event.ctrlKey || event.metaKey) return true;
  return mode === 'enter';
}

/** Long enough for Safari's late Enter, short enough that a later, deliberate Enter still sends. */
const AFTER_COMPOSITION_MS = 500;

/**
 * Tracks IME composition on a text field. Safari fires the Enter that confirmed a candidate as a
 * keydown after compositionend, with isComposing already false: the first keydown shortly after
 * the composition ended still counts as composing.
 */
export function useComposition() {
  const composing = useRef(false);
  const endedAt = useRef<number | null>(null);
  return {
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (event: { timeStamp: number }) => {
      composing.current = false;
      endedAt.current = event.timeStamp;
    },
    /** Call once per keydown: true while composing or for the keydown right after it ended. */
    isComposing: (event: { timeStamp: number }): boolean => {
      const justEnded = endedAt.current !== null && event.timeStamp - endedAt.current < AFTER_COMPOSITION_MS;
      endedAt.current = null;
      return composing.current || justEnded;
    },
  };
}
