import { createElement } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { languages } from '@/i18n/languages';
import { ChatSettingsPanel } from './chat-settings-panel';
import type { ChatSettings } from './market-types';
import { initTestI18n, renderWithMarket, textOf } from './render-test-kit';
import { marketEntry } from './test-market';

const settings: ChatSettings = {
  model: 'gpt-4o',
  context_length: 8,
  max_tokens: null,
  temperature: 0.7,
  top_p: null,
  top_k: null,
  presence_penalty: null,
  frequency_penalty: null,
  repetition_penalty: null,
  system_prompt: 'Be brief.',
  web_search: false,
};

const render = (over: Partial<ChatSettings> = {}) =>
  textOf(renderWithMarket(createElement(ChatSettingsPanel, { settings: { ...settings, ...over }, onChange: () => {} }), [marketEntry('gpt-4o', { name: 'GPT-4o' })]));

const fields = ['model', 'contextLength', 'maxTokens', 'temperature', 'topP', 'topK', 'frequencyPenalty', 'presencePenalty', 'systemPrompt'] as const;

describe.each(languages)('the settings panel in %s', (language) => {
  let i18n: Awaited<ReturnType<typeof initTestI18n>>;
  beforeAll(async () => {
    i18n = await initTestI18n();
    await i18n.changeLanguage(language);
  });

  it('labels and explains every field in the language', () => {
    const html = render();
    for (const field of fields) {
      expect(html).toContain(i18n.t(`settings.panel.${field}`));
      expect(html).toContain(i18n.t(`settings.panel.${field}Help`));
    }
    expect(html).not.toMatch(/settings\.panel\./);
  });

  it('shows the conversation values, "default" for what is unset', () => {
    const html = render();
    expect(html).toContain('GPT-4o');
    expect(html).toContain('value="0.7"');
    expect(html).toContain('Be brief.');
    expect(html).toContain(`placeholder="${i18n.t('settings.panel.default')}"`);
  });
});

describe('reset buttons', () => {
  beforeAll(async () => {
    (await initTestI18n()).changeLanguage('en');
  });

  it('are offered only for settings away from their default', () => {
    const visibleResets = (html: string) => [...html.matchAll(/<button[^>]*aria-label="Reset ([^"]+) to default"[^>]*>/g)].filter((m) => !m[0].includes('invisible')).map((m) => m[1]);
    expect(visibleResets(render())).toEqual(['Temperature']);
    expect(visibleResets(render({ temperature: null, context_length: 20, top_k: 40 }))).toEqual(['Context messages', 'Top K']);
  });
});
