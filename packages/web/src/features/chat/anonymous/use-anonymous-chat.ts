import { useCallback, useRef, useState } from 'react';
import { defaultChatSettings } from '@/features/chat/data/default-settings';
import type { Conversation, Message } from '@/features/chat/data/types';
import { apiBase, ApiError } from '@/lib/api/client';
import { readEvents } from '@/lib/sse/read-events';

let counter = 0;
const localId = () => `local-${Date.now()}-${++counter}`;

function localMessage(role: Message['role'], content: string, model: string | null, parent: string | null): Message {
  const now = Date.now();
  return {
    id: localId(),
    parent_id: parent,
    role,
    content,
    reasoning: null,
    attachments: [],
    status: role === 'assistant' ? 'generating' : 'done',
    model,
    provider: null,
    prompt_tokens: null,
    completion_tokens: null,
    cost: null,
    plan_item: null,
    latency_ms: null,
    ttft_ms: null,
    finish_reason: null,
    error: null,
    error_code: null,
    created_at: now,
    updated_at: now,
  };
}

/** What the server said when it refused before streaming (`sign_in_required`, 429 …), as the message's error code. */
async function refusal(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return new ApiError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? '');
}

/**
 * A signed-out visitor's chat with the free models open to them (B-2): nothing is stored on the
 * server, so the conversation lives in this tab, a single branch. Each answer streams from
 * `POST /api/chat/anonymous`; text arriving faster than frames is drawn once per frame.
 */
export function useAnonymousChat(model: string) {
  const [messages, setMessages] = useState<Message[]>([]);
  const abort = useRef<AbortController | null>(null);

  const patch = useCallback((id: string, change: Partial<Message>) => {
    setMessages((list) => list.map((m) => (m.id === id ? { ...m, ...change, updated_at: Date.now() } : m)));
  }, []);

  const answer = useCallback(
    async (history: Message[]) => {
      const parent = history.at(-1)?.id ?? null;
      const reply = localMessage('assistant', '', model, parent);
      setMessages([...history, reply]);
      const controller = new AbortController();
      abort.current = controller;
      let content = '';
      let reasoning = '';
      let frame = 0;
      const draw = () => {
        frame = 0;
        patch(reply.id, { content, reasoning: reasoning || null });
      };
      try {
        const response = await fetch(`${apiBase}/api/chat/anonymous`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ model, messages: history.map((m) => ({ role: m.role, content: m.content })) }),
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw await refusal(response);
        for await (const event of readEvents(response.body)) {
          if (event.event === 'delta' || event.event === 'reasoning') {
            const { text } = JSON.parse(event.data) as { text: string };
            if (event.event === 'delta') content += text;
            else reasoning += text;
            frame ||= requestAnimationFrame(draw);
          } else if (event.event === 'end') {
            const end = JSON.parse(event.data) as { status: 'done' | 'stopped' | 'error'; finish_reason: string | null; error: string | null };
            cancelAnimationFrame(frame);
            patch(reply.id, { content, reasoning: reasoning || null, status: end.status, finish_reason: end.finish_reason, error: end.error });
            return;
          }
        }
        cancelAnimationFrame(frame);
        patch(reply.id, { content, reasoning: reasoning || null, status: 'error', error_code: 'upstream_stream_failed' });
      } catch (error) {
        cancelAnimationFrame(frame);
        if (controller.signal.aborted) patch(reply.id, { content, reasoning: reasoning || null, status: 'stopped' });
        else
          patch(reply.id, {
            content,
            status: 'error',
            error_code: error instanceof ApiError ? error.code : 'network_error',
            error: error instanceof Error ? error.message : null,
          });
      } finally {
        if (abort.current === controller) abort.current = null;
      }
    },
    [model, patch],
  );

  const send = (content: string) => {
    const question = localMessage('user', content, null, messages.at(-1)?.id ?? null);
    void answer([...messages, question]);
  };
  /** A new answer to the question before `answerId` (this tab keeps one branch: the old answer goes). */
  const regenerate = (answerId: string) => {
    const at = messages.findIndex((m) => m.id === answerId);
    const history = messages.slice(0, messages[at]?.role === 'assistant' ? at : at + 1);
    void answer(history);
  };
  const edit = (messageId: string, content: string) => {
    const at = messages.findIndex((m) => m.id === messageId);
    if (at < 0) return;
    void answer([...messages.slice(0, at), { ...messages[at]!, content }]);
  };
  const remove = (messageId: string) => {
    const at = messages.findIndex((m) => m.id === messageId);
    if (at >= 0) setMessages(messages.slice(0, at));
  };
  const stop = () => abort.current?.abort();

  const conversation: Conversation = {
    id: '',
    title: '',
    title_source: 'auto',
    pinned: false,
    settings: { ...defaultChatSettings, model },
    current_leaf_id: messages.at(-1)?.id ?? null,
    created_at: 0,
    updated_at: 0,
    deleted_at: null,
    messages,
  };
  const generating = messages.at(-1)?.status === 'generating';
  return { conversation, generating, send, regenerate, edit, remove, stop };
}
