import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../conversation-settings.js';
import { chatRequest, type ContextMessage } from './chat-request.js';

const user = (content: string, attachments: ContextMessage['attachments'] = null): ContextMessage => ({ role: 'user', content, attachments, status: 'done' });
const answer = (content: string, status = 'done'): ContextMessage => ({ role: 'assistant', content, attachments: null, status });

describe('chatRequest', () => {
  it('sends the last context_length messages before the new one, and the new one', () => {
    const path = [user('q1'), answer('a1'), user('q2'), answer('a2'), user('q3')];
    const ir = chatRequest({ ...DEFAULT_SETTINGS, context_length: 2 }, path, 'gpt-4o', true);
    expect(ir.messages.map((m) => (m.content[0] as { text: string }).text)).toEqual(['q2', 'a2', 'q3']);
    expect(ir.model).toBe('gpt-4o');
    expect(ir.stream).toBe(true);
  });

  it('context_length 0 sends only the new message', () => {
    const ir = chatRequest({ ...DEFAULT_SETTINGS, context_length: 0 }, [user('q1'), answer('a1'), user('q2')], 'm', true);
    expect(ir.messages).toHaveLength(1);
  });

  it('leaves out failed and empty answers so a retry does not feed the model its error', () => {
    const ir = chatRequest(DEFAULT_SETTINGS, [user('q1'), answer('', 'error'), answer('boom', 'error'), user('q1 again')], 'm', true);
    expect(ir.messages.map((m) => m.role)).toEqual(['user', 'user']);
  });

  it('carries the system prompt and every sampling setting that is set, and nothing that is not', () => {
    const settings = { ...DEFAULT_SETTINGS, system_prompt: 'Be brief.', max_tokens: 100, temperature: 0.2, top_p: 0.9, top_k: 40, presence_penalty: 0.5, frequency_penalty: -0.5, repetition_penalty: 1.1 };
    const ir = chatRequest(settings, [user('hi')], 'm', false);
    expect(ir.system).toEqual([{ type: 'text', text: 'Be brief.' }]);
    expect(ir).toMatchObject({ maxOutputTokens: 100, temperature: 0.2, topP: 0.9, topK: 40, presencePenalty: 0.5, frequencyPenalty: -0.5 });
    expect(ir.extra).toEqual({ protocol: 'openai-chat', fields: { repetition_penalty: 1.1 } });
    const plain = chatRequest(DEFAULT_SETTINGS, [user('hi')], 'm', false);
    expect(Object.keys(plain).sort()).toEqual(['messages', 'model', 'stream', 'streamUsage']);
  });

  it('sends attached images before the text: URLs as URLs, data URLs as base64', () => {
    const ir = chatRequest(DEFAULT_SETTINGS, [user('what is this?', [{ type: 'image', url: 'https://example.com/cat.png' }, { type: 'image', url: 'data:image/png;base64,AAAA' }])], 'm', true);
    expect(ir.messages[0]!.content).toEqual([
      { type: 'image', source: { kind: 'url', url: 'https://example.com/cat.png' } },
      { type: 'image', source: { kind: 'base64', mediaType: 'image/png', data: 'AAAA' } },
      { type: 'text', text: 'what is this?' },
    ]);
  });
});
