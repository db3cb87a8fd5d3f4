import type { Conversation } from './conversation-cache';

/** A conversation as the list answers it, with only what a test cares about given. */
export function conversation(id: string, updated_at: number, extra: Partial<Conversation> = {}): Conversation {
  return {
    id,
    title: `title ${id}`,
    title_source: 'auto',
    pinned: false,
    settings: {
      model: '',
      context_length: 8,
      max_tokens: null,
      temperature: null,
      top_p: null,
      top_k: null,
      presence_penalty: null,
      frequency_penalty: null,
      repetition_penalty: null,
      system_prompt: '',
      web_search: false,
    },
    current_leaf_id: null,
    created_at: updated_at,
    updated_at,
    deleted_at: null,
    ...extra,
  };
}
