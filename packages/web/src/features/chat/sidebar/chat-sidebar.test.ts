import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { languages } from '@/i18n/languages';
import { resources } from '@/i18n/resources';
import { conversationListKey, type Conversation, type ConversationListData } from '../sync/conversation-cache';
import { conversation as c } from '../sync/test-conversation';
import { ChatSidebar } from './chat-sidebar';

const hour = 3_600_000;
const now = Date.now();

function render(list: Conversation[] | null, activeId: string | null = null): string {
  const queryClient = new QueryClient();
  queryClient.setQueryData(['session'], { id: 7, username: 'alice', role: 'user', group: 'default' });
  queryClient.setQueryData(['balance'], { balance: 12_500_000, points: 12.5, currency: 'CNY', currency_amount: 1.25, points_per_currency_unit: 10 });
  if (list) queryClient.setQueryData<ConversationListData>(conversationListKey(), { pages: [{ data: list, next_cursor: null }], pageParams: [undefined] });
  const sidebar = createElement(ChatSidebar, { activeId, onNewChat: () => {}, onSelect: () => {}, onCollapse: () => {} });
  return renderToString(createElement(QueryClientProvider, { client: queryClient }, sidebar));
}

const rawKey = /\bsidebar\.[a-zA-Z]+/;

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources, lng: 'zh-CN', interpolation: { escapeValue: false } });
});

describe.each(languages)('the sidebar in %s', (language) => {
  beforeAll(async () => {
    await i18n.changeLanguage(language);
  });
  const t = i18n.t.bind(i18n);

  it('shows the conversations under their headings, the active one marked, and the account', () => {
    const html = render(
      [
        c('p', now - 400 * 24 * hour, { pinned: true, title: '旅行计划 <b>bold</b>' }),
        c('t', now, { title: 'Docker compose 部署' }),
        c('old', now - 40 * 24 * hour, { title: 'Старый диалог' }),
        c('untitled', now - 45 * 24 * hour, { title: '' }),
      ],
      't',
    );
    expect(html).toContain(t('sidebar.groups.pinned'));
    expect(html).toContain(t('sidebar.groups.today'));
    expect(html).toContain('旅行计划 &lt;b&gt;bold&lt;/b&gt;');
    expect(html).toContain('Docker compose 部署');
    expect(html).toContain('Старый диалог');
    expect(html).toContain(t('sidebar.untitled'));
    expect(html).toMatch(/aria-current="page"[^>]*>Docker compose 部署</);
    expect(html).toContain(t('sidebar.newChat'));
    expect(html).toContain(t('sidebar.search.placeholder'));
    expect(html).toContain('alice');
    expect(html).toContain(t('sidebar.account.points', { count: 12.5, points: new Intl.NumberFormat(language).format(12.5) }));
    expect(html).not.toMatch(rawKey);
  });

  it('invites a first conversation when there is none', () => {
    const html = render([]);
    expect(html).toContain(t('sidebar.empty.title'));
    expect(html).not.toMatch(rawKey);
  });

  it('shows placeholder rows while the list loads', () => {
    const html = render(null);
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain(t('sidebar.empty.title'));
  });
});
