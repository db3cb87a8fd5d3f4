import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { conversationSettings, readSettings } from '../conversation-settings.js';
import { messageViewSchema } from './message-view.js';

export type ConversationRow = Selectable<Database['conversations']>;

export const conversationViewSchema = z.object({
  id: z.string(),
  title: z.string().describe('"" until the first message names it'),
  title_source: z.enum(['auto', 'model', 'user']).describe('auto: first words of the first message; model: written by the title model; user: set by the user'),
  pinned: z.boolean(),
  settings: conversationSettings,
  current_leaf_id: z.string().nullable().describe('the last message of the branch every device shows; null when empty'),
  created_at: z.number(),
  updated_at: z.number().describe('ms; changes with every change a user can see (the next ?since= cursor)'),
  deleted_at: z.number().nullable().describe('ms; set on a deleted conversation (only listed with ?since=)'),
});

export type ConversationView = z.output<typeof conversationViewSchema>;

export const conversationDetailSchema = conversationViewSchema.extend({
  messages: z.array(messageViewSchema).describe('the whole tree, oldest first; the client shows the path root → current_leaf_id'),
});

export type ConversationDetail = z.output<typeof conversationDetailSchema>;

export function conversationView(row: ConversationRow): ConversationView {
  return {
    id: row.id,
    title: row.title,
    title_source: row.title_source,
    pinned: Number(row.pinned) === 1,
    settings: readSettings(row.settings),
    current_leaf_id: row.current_leaf_id,
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
    deleted_at: row.deleted_at === null ? null : Number(row.deleted_at),
  };
}
