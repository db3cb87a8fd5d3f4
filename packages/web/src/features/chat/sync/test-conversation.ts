import { defaultChatSettings } from '@/features/chat/data/default-settings';
import type { Conversation } from './conversation-cache';

/** A conversation as the list answers it, with only what a test cares about given. */
export function conversation(id: string, updated_at: number, extra: Partial<Conversation> = {}): Conversation {
  return {
    id,
    title: `title ${id}`,
    title_source: 'auto',
    pinned: false,
    settings: defaultChatSettings,
    current_leaf_id: null,
    created_at: updated_at,
    updated_at,
    deleted_at: null,
    ...extra,
  };
}
