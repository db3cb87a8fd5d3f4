import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { resources } from '@/i18n/resources';
import type { MarketEntry } from './market-types';

/** i18next as the app sets it up, for rendering components in tests. */
export async function initTestI18n(): Promise<typeof i18n> {
  if (!i18n.isInitialized) await i18n.use(initReactI18next).init({ resources, lng: 'zh-CN', interpolation: { escapeValue: false } });
  return i18n;
}

/** Renders with a query cache already holding the market (undefined: still loading) and any other answers. */
export function renderWithMarket(element: ReactElement, market?: MarketEntry[], more: Array<[readonly unknown[], unknown]> = []): string {
  const client = new QueryClient();
  if (market) client.setQueryData(['market'], market);
  for (const [key, data] of more) client.setQueryData(key, data);
  return renderToString(createElement(QueryClientProvider, { client }, element));
}

/** The text of rendered HTML as a reader sees it (entities decoded), to look for translated sentences. */
export function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
