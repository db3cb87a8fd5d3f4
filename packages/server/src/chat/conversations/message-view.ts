import type { Selectable } from 'kysely';
import { z } from 'zod';
import { microPoints } from '../../billing/money.js';
import type { Database } from '../../db/schema.js';
import { parseStoredJson } from '../../db/stored-json.js';
import { attachment } from './attachments.js';

/** A `chat_messages` row as the database returns it (64-bit columns may arrive as strings). */
export type MessageRow = Selectable<Database['chat_messages']>;

const MESSAGE_STATUSES = ['done', 'generating', 'stopped', 'interrupted', 'error'] as const;

/** A message as the API shows it: what its owner may see, never the node or the usage row behind it. */
export const messageViewSchema = z.object({
  id: z.string(),
  parent_id: z.string().nullable().describe('null for a root; siblings are alternative branches (regenerate, edit)'),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  reasoning: z.string().nullable(),
  attachments: z.array(attachment),
  status: z.enum(MESSAGE_STATUSES),
  model: z.string().nullable(),
  provider: z.string().nullable().describe('display name of the provider that answered'),
  prompt_tokens: z.number().nullable(),
  completion_tokens: z.number().nullable(),
  cost: z.number().nullable().describe('micro-points charged (1 point = 1,000,000); 0 when a plan paid'),
  plan_item: z.string().nullable().describe('the plan item that paid for the answer, if one did'),
  latency_ms: z.number().nullable(),
  ttft_ms: z.number().nullable(),
  finish_reason: z.string().nullable(),
  error: z.string().nullable().describe('what went wrong, in English, upstream addresses hidden'),
  error_code: z.string().nullable().describe('why it failed, for clients to word in their language: a billing or routing refusal\'s code (insufficient_balance, model_not_found, …), upstream_stream_failed, interrupted'),
  created_at: z.number(),
  updated_at: z.number(),
});

export type MessageView = z.output<typeof messageViewSchema>;

const storedAttachments = z.array(attachment);

const countOrNull = (v: number | string | null) => (v === null ? null : Number(v));

export function messageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    parent_id: row.parent_id,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    // A row damaged by hand shows without attachments rather than failing the conversation.
    attachments: row.attachments === null ? [] : (parseStoredJson(storedAttachments, row.attachments) ?? []),
    status: row.status,
    model: row.model,
    provider: row.provider,
    prompt_tokens: countOrNull(row.prompt_tokens),
    completion_tokens: countOrNull(row.completion_tokens),
    cost: row.cost === null ? null : microPoints(row.cost),
    plan_item: row.plan_item,
    latency_ms: countOrNull(row.latency_ms),
    ttft_ms: countOrNull(row.ttft_ms),
    finish_reason: row.finish_reason,
    error: row.error,
    error_code: row.error_code ?? null,
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
  };
}
