import i18n from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resources } from '@/i18n/resources';
import { Composer } from './composer';

// The composer rendered on the server (no DOM): what a user sees and what a screen reader hears
// in its idle, generating and unavailable states.

type Props = Parameters<typeof Composer>[0];
const render = (props: Partial<Props> = {}) =>
  renderToString(
    createElement(Composer, {
      onSend: () => {},
      onStop: () => {},
      generating: false,
      vision: true,
      renderPreview: (text: string) => text,
      draftKey: 'c1',
      ...props,
    }),
  );

const disabledAttr = /\sdisabled=""/;

/** The opening tag of the element carrying this attribute value. */
const tagWith = (html: string, value: string) => html.match(new RegExp(`<[a-z]+[^>]*="${value}"[^>]*>`))?.[0] ?? '';

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources, lng: 'en', interpolation: { escapeValue: false } });
});
afterEach(() => vi.unstubAllGlobals());

describe('the composer', () => {
  const t = i18n.t.bind(i18n);

  it('idle and empty: a labelled message box, the image buttons, and Send disabled until there is something to send', () => {
    const html = render({ estimate: () => '≈ 0.02 points' });
    expect(tagWith(html, t('composer.label'))).toMatch(/^<textarea/);
    expect(html).toContain(`placeholder="${t('composer.placeholder')}"`);
    expect(tagWith(html, t('composer.attach'))).not.toContain('aria-disabled');
    expect(html).toContain(`aria-label="${t('composer.url.open')}"`);
    expect(html).toContain(`aria-label="${t('composer.fullscreen.open')}"`);
    expect(tagWith(html, t('composer.send'))).toMatch(disabledAttr);
    expect(html).not.toContain(t('composer.stop'));
    expect(html).toContain('≈ 0.02 points');
    expect(html).toContain(t('composer.hint.enter'));
  });

  it('generating: the button is Stop, enabled, with a square icon', () => {
    const html = render({ generating: true });
    const stop = tagWith(html, t('composer.stop'));
    expect(stop).toMatch(/^<button/);
    expect(stop).not.toMatch(disabledAttr);
    expect(html).toContain('lucide-square');
    expect(html).not.toContain(`aria-label="${t('composer.send')}"`);
  });

  it('unavailable (no model): Send disabled and described by the reason, shown instead of the estimate', () => {
    const html = render({ disabled: true, disabledReason: 'Choose a model first', estimate: () => '≈ 0.02 points' });
    const send = tagWith(html, t('composer.send'));
    expect(send).toMatch(disabledAttr);
    const describedBy = send.match(/aria-describedby="([^"]+)"/)?.[1];
    expect(html).toMatch(new RegExp(`id="${describedBy}"[^>]*>Choose a model first<`));
    expect(html).not.toContain('≈ 0.02 points');
  });

  it('a model that does not read images: the image buttons say so and do nothing', () => {
    const html = render({ vision: false });
    const attach = tagWith(html, t('composer.attach'));
    expect(attach).toContain('aria-disabled="true"');
    expect(html).toContain(t('composer.noVision'));
  });

  it('brings back the draft of this conversation, and then Send is enabled', () => {
    const store = new Map([['switchboard.draft.c1', 'Half-written question']]);
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: () => {}, removeItem: () => {} });
    const html = render();
    expect(html).toMatch(/<textarea[^>]*>Half-written question<\/textarea>/);
    expect(tagWith(html, t('composer.send'))).not.toMatch(disabledAttr);
    expect(render({ draftKey: 'c2' })).toMatch(/<textarea[^>]*><\/textarea>/);
  });

  it('speaks every language it is used in', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render({ generating: true });
    expect(html).toContain('aria-label="停止生成"');
    expect(html).toContain('placeholder="输入消息…"');
    await i18n.changeLanguage('en');
  });
});
