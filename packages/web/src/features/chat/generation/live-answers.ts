import { notifyManager, type QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { conversationKey, putMessage } from '@/features/chat/data/conversation';
import type { Conversation, Message } from '@/features/chat/data/types';
import { apiBase } from '@/lib/api/client';
import { whenIdle } from '@/lib/when-idle';
import { spliceDelta } from './splice-delta';

/** An answer being generated, as far as this tab has received it. */
export interface LiveAnswer {
  content: string;
  reasoning: string;
  /** When this tab saw the first reasoning and the first answer text (for "Thought for 12 s"). */
  reasoningStartedAt: number | null;
  textStartedAt: number | null;
}

interface LiveAnswers {
  answers: Record<string, LiveAnswer>;
}

const empty: LiveAnswer = { content: '', reasoning: '', reasoningStartedAt: null, textStartedAt: null };

/**
 * One store for every answer this tab is watching, keyed by message id. A component reads only
 * its own answer (`useLiveAnswer`), so a streaming answer re-renders itself and nothing else.
 */
const useLiveAnswers = create<LiveAnswers>(() => ({ answers: {} }));

export function useLiveAnswer(messageId: string): LiveAnswer | undefined {
  return useLiveAnswers((state) => state.answers[messageId]);
}

/** How long the model reasoned before answering, for the answers this tab watched (the server does not store it). */
const thoughtDurations = new Map<string, number>();

export function thoughtFor(messageId: string, live: LiveAnswer | undefined): number | undefined {
  if (live?.reasoningStartedAt && live.textStartedAt) return live.textStartedAt - live.reasoningStartedAt;
  return thoughtDurations.get(messageId);
}

function update(messageId: string, change: (answer: LiveAnswer) => LiveAnswer): void {
  useLiveAnswers.setState((state) => {
    const current = state.answers[messageId];
    return current ? { answers: { ...state.answers, [messageId]: change(current) } } : state;
  });
}

function drop(messageId: string): void {
  useLiveAnswers.setState((state) => {
    const { [messageId]: _gone, ...rest } = state.answers;
    return { answers: rest };
  });
}

/**
 * How often a streaming answer is drawn: about 30 times a second, every other frame on a 60 Hz
 * screen (a little under 2 × 16.7 ms, so that the frame's own jitter does not skip a third).
 */
const SHOW_EVERY_MS = 30;

interface Watch {
  source: EventSource;
  watchers: number;
}
const watches = new Map<string, Watch>();

/** Where the stream stands now: the saved message, read again (after a reset, a gap, or a stream that closed). */
async function readSaved(queryClient: QueryClient, conversationId: string, messageId: string): Promise<Message | undefined> {
  await queryClient.invalidateQueries({ queryKey: conversationKey(conversationId) });
  return queryClient.getQueryData<Conversation>(conversationKey(conversationId))?.messages.find((m) => m.id === messageId);
}

/**
 * Watches an answer's events until it ends. Re-attaching after a network loss is EventSource's
 * own reconnect, which sends Last-Event-ID, so the server replays exactly what was missed; when
 * those events are gone (`reset`) the saved text is read and the stream goes on from there, each
 * piece placed by its `at` offset. Returns the function that stops watching.
 */
export function watchAnswer(queryClient: QueryClient, conversationId: string, messageId: string): () => void {
  let watch = watches.get(messageId);
  if (!watch) {
    useLiveAnswers.setState((state) => ({ answers: { ...state.answers, [messageId]: state.answers[messageId] ?? empty } }));
    const source = new EventSource(`${apiBase}/api/chat/messages/${encodeURIComponent(messageId)}/events`, { withCredentials: true });
    // Pieces are gathered into a draft and shown at most every SHOW_EVERY_MS, in an animation
    // frame: a fast model or a replay after re-attaching sends far more pieces than that, and
    // drawing the answer every frame would leave no room in a frame for anything else.
    let draft: LiveAnswer | null = null;
    let frame = 0;
    let shownAt = 0;
    const flush = (now: number) => {
      if (now - shownAt < SHOW_EVERY_MS) {
        frame = requestAnimationFrame(flush);
        return;
      }
      frame = 0;
      shownAt = now;
      const next = draft;
      draft = null;
      if (next) update(messageId, () => next);
    };
    const discardDraft = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      draft = null;
    };
    const resync = () => {
      void readSaved(queryClient, conversationId, messageId).then((saved) => {
        if (!saved || saved.status !== 'generating') return;
        discardDraft();
        update(messageId, (answer) => ({ ...answer, content: saved.content, reasoning: saved.reasoning ?? '' }));
      });
    };
    const piece = (field: 'content' | 'reasoning') => (event: MessageEvent<string>) => {
      const { text, at } = JSON.parse(event.data) as { text: string; at: number };
      const answer = draft ?? useLiveAnswers.getState().answers[messageId];
      if (!answer) return;
      const spliced = spliceDelta(answer[field], text, at);
      if (spliced.gap) {
        resync();
        return;
      }
      const now = Date.now();
      draft = {
        ...answer,
        [field]: spliced.text,
        reasoningStartedAt: field === 'reasoning' ? (answer.reasoningStartedAt ?? now) : answer.reasoningStartedAt,
        textStartedAt: field === 'content' ? (answer.textStartedAt ?? now) : answer.textStartedAt,
      };
      frame ||= requestAnimationFrame(flush);
    };
    source.addEventListener('delta', piece('content'));
    source.addEventListener('reasoning', piece('reasoning'));
    source.addEventListener('reset', resync);
    source.addEventListener('end', (event: MessageEvent<string>) => {
      const saved = JSON.parse(event.data) as Message;
      discardDraft(); // the saved answer holds it all
      putMessage(queryClient, conversationId, saved);
      // The balance is read again, after the frame that draws the finished answer.
      whenIdle(() => void queryClient.invalidateQueries({ queryKey: ['balance'] }));
      // The cache tells its readers on its next tick; dropping the live text first would draw the
      // row once from the cache's stale snapshot of the answer (re-parsing all its markdown), then
      // again from the saved one.
      stop(messageId, 'after the cache');
    });
    source.addEventListener('error', () => {
      // CONNECTING: EventSource retries by itself. CLOSED: the server refused (the answer or the
      // session is gone), so show what it saved instead.
      if (source.readyState !== EventSource.CLOSED) return;
      stop(messageId);
      void readSaved(queryClient, conversationId, messageId);
    });
    watch = { source, watchers: 0 };
    watches.set(messageId, watch);
  }
  watch.watchers++;
  return () => {
    const current = watches.get(messageId);
    if (current && --current.watchers <= 0) stop(messageId);
  };
}

function stop(messageId: string, when: 'now' | 'after the cache' = 'now'): void {
  const duration = thoughtFor(messageId, useLiveAnswers.getState().answers[messageId]);
  if (duration !== undefined) thoughtDurations.set(messageId, duration);
  watches.get(messageId)?.source.close();
  watches.delete(messageId);
  if (when === 'now') drop(messageId);
  else notifyManager.schedule(() => drop(messageId));
}
