import { parseDataUrl, type IrMessage, type IrRequest, type IrUserPart } from '@switchboard/protocol';
import type { ConversationSettings } from '../conversation-settings.js';

/** An image the user attached: an http(s) URL or a `data:image/…;base64,` URL. */
export interface ImageAttachment {
  type: 'image';
  url: string;
}

/** A message of the path being answered, as the request needs it. */
export interface ContextMessage {
  role: 'user' | 'assistant';
  content: string;
  attachments: readonly ImageAttachment[] | null;
  status: string;
}

/**
 * The request for the next answer of a conversation (W-5): the system prompt, the last
 * `context_length` messages before the one being answered, that message, and the
 * conversation's sampling settings. Answers that failed or never produced text are left out,
 * so a retry does not feed the model its own error.
 */
export function chatRequest(settings: ConversationSettings, path: readonly ContextMessage[], model: string, stream: boolean): IrRequest {
  const usable = path.filter((m) => m.role === 'user' || (m.content !== '' && m.status !== 'error'));
  const last = usable.length - 1;
  const window = usable.slice(Math.max(0, last - settings.context_length));
  const ir: IrRequest = { model, stream, streamUsage: true, messages: window.map(toIr) };
  if (settings.system_prompt.trim()) ir.system = [{ type: 'text', text: settings.system_prompt }];
  if (settings.max_tokens !== null) ir.maxOutputTokens = settings.max_tokens;
  if (settings.temperature !== null) ir.temperature = settings.temperature;
  if (settings.top_p !== null) ir.topP = settings.top_p;
  if (settings.top_k !== null) ir.topK = settings.top_k;
  if (settings.presence_penalty !== null) ir.presencePenalty = settings.presence_penalty;
  if (settings.frequency_penalty !== null) ir.frequencyPenalty = settings.frequency_penalty;
  // Not an IR field: OpenAI-compatible servers that take it (vLLM, DeepSeek, Qwen …) get it as written.
  if (settings.repetition_penalty !== null) ir.extra = { protocol: 'openai-chat', fields: { repetition_penalty: settings.repetition_penalty } };
  return ir;
}

function toIr(message: ContextMessage): IrMessage {
  if (message.role === 'assistant') return { role: 'assistant', content: [{ type: 'text', text: message.content }] };
  const parts: IrUserPart[] = [];
  for (const image of message.attachments ?? []) {
    const data = parseDataUrl(image.url);
    parts.push({ type: 'image', source: data ? { kind: 'base64', ...data } : { kind: 'url', url: image.url } });
  }
  if (message.content || parts.length === 0) parts.push({ type: 'text', text: message.content });
  return { role: 'user', content: parts };
}
