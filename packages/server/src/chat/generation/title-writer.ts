import type { Logger } from 'pino';
import type { GenerationDeps } from '../../relay/generate/generate.js';
import type { SettingsService } from '../../settings/settings-service.js';
import type { Conversations } from '../conversations/conversations.js';
import { chatCall, type ChatCaller } from '../door/chat-call.js';

const EXCERPT_CHARS = 1_000;
const MAX_TITLE_CHARS = 60;

/**
 * Model-written titles (W-1): when the administrator names a title model, the first answer
 * of a conversation is followed by a short call that names the conversation, replacing the
 * first words of the question — unless the user renamed it meanwhile. The call is the user's,
 * through the chat door like any message (priced, planned, logged); a failure keeps the words.
 */
export class TitleWriter {
  constructor(
    private readonly deps: { generation: GenerationDeps; conversations: Conversations; settings: SettingsService; log: Logger },
  ) {}

  async write(starter: ChatCaller, conversationId: string, question: string, answer: string): Promise<void> {
    const model = this.deps.settings.get('chat').title_model;
    if (!model) return;
    const prompt =
      'Write a title for the conversation below: at most 8 words, or 16 characters in Chinese or Japanese, ' +
      'in the language of the question, with no quotes and no final punctuation. Answer with the title only.\n\n' +
      `Question: ${question.slice(0, EXCERPT_CHARS)}\n\nAnswer: ${answer.slice(0, EXCERPT_CHARS)}`;
    let text = '';
    try {
      const result = await chatCall(
        this.deps.generation,
        { user: starter.user, ip: starter.ip, ir: { model, stream: false, maxOutputTokens: 40, temperature: 0.3, messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }] } },
        (piece) => {
          if (piece.type === 'text') text += piece.text;
        },
      );
      if (result.status !== 'done') return;
    } catch (err) {
      this.deps.log.warn({ err, conversation: conversationId }, 'writing a conversation title failed');
      return;
    }
    const title = cleanTitle(text);
    if (title) await this.deps.conversations.setModelTitle(starter.user.id, conversationId, title);
  }
}

/** One line, no wrapping quotes, markdown or trailing punctuation, at most MAX_TITLE_CHARS. */
export function cleanTitle(text: string): string {
  const line = text.replace(/<think>[\s\S]*?<\/think>/g, '').trim().split('\n')[0] ?? '';
  let bare = line.replace(/^(title|标题|標題|タイトル|заголовок)\s*[:：]\s*/i, '');
  // Wrappers nest either way round ("「…」。" and "「….」"): peel until nothing changes.
  for (let before = ''; before !== bare; ) {
    before = bare;
    bare = bare
      .replace(/^[#*\s]+|[*\s]+$/g, '')
      .replace(/^["'“”‘’「『《]+|["'“”‘’」』》]+$/g, '')
      .replace(/[.。!！?？,，;；:：]+$/u, '');
  }
  return [...bare].slice(0, MAX_TITLE_CHARS).join('');
}
