import i18n from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { languages } from '@/i18n/languages';
import { resources } from '@/i18n/resources';
import { OfflineNotice } from './offline-notice';
import { shortcuts } from './shortcuts';
import { ShortcutsList } from './shortcuts-list';
import { SonnerToaster } from './sonner-toaster';

// The shell's visible parts rendered on the server in every language: translated, no raw keys.
const rawKey = /\bshell\.[a-zA-Z]+/;
const text = (html: string) => html.replace(/<[^>]+>/g, '|').replace(/&#x27;/g, "'");

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources, lng: 'zh-CN', interpolation: { escapeValue: false } });
});

describe.each(languages)('in %s', (language) => {
  beforeAll(async () => {
    await i18n.changeLanguage(language);
  });

  it('the shortcuts list names every shortcut with the keys of a Mac', () => {
    const html = renderToString(createElement(ShortcutsList, { apple: true }));
    for (const id of Object.keys(shortcuts) as (keyof typeof shortcuts)[]) expect(html).toContain(i18n.t(`shell.shortcuts.items.${id}`));
    expect(text(html)).toContain('|⌘||⇧||O|'); // new chat: ⌘ ⇧ O, one key per <kbd>
    expect(html.match(/<kbd/g)).toHaveLength(16);
    expect(html).not.toContain('Ctrl');
    expect(html).not.toMatch(rawKey);
  });

  it('and of Windows or Linux', () => {
    const html = text(renderToString(createElement(ShortcutsList, { apple: false })));
    expect(html).toContain('|Ctrl||Shift||O|');
    expect(html).toContain('|Shift||Esc|');
    expect(html).toContain('|Ctrl||/|');
    expect(html).not.toContain('⌘');
  });

  it('the offline notice keeps an empty status region while online', () => {
    const html = renderToString(createElement(OfflineNotice));
    expect(html).toContain('role="status"');
    expect(html).not.toContain(i18n.t('shell.offline'));
  });

  it('the toaster labels its region in the language', () => {
    const html = renderToString(createElement(SonnerToaster));
    expect(html).toContain(i18n.t('shell.toasts.region'));
    expect(html).not.toMatch(rawKey);
  });
});
