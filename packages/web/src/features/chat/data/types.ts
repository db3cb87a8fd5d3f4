import type { paths } from '@/lib/api/schema';

/** A conversation with its whole message tree, as `GET /api/chat/conversations/{id}` gives it. */
export type Conversation = paths['/api/chat/conversations/{id}']['get']['responses'][200]['content']['application/json'];
export type Message = Conversation['messages'][number];
export type ChatSettings = Conversation['settings'];
export type Attachment = Message['attachments'][number];
