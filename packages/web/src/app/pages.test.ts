import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18n from 'i18next';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { languages } from '@/i18n/languages';
import { resources } from '@/i18n/resources';
import { routes } from './routes';

// Every page rendered (on the server, so no browser is needed) in every language, with the
// answers it would have fetched already in the cache: each must render, show its own words in
// that language, and never a raw translation key.

type Entry = readonly [readonly unknown[], unknown];
type Cache = Entry[];
const signedOut: Cache = [[['session'], null]];
type Options = { registration_enabled: boolean; email_verification_required: boolean; mail_enabled: boolean; email_suffixes: string[] };
const options = (o: Partial<Options> = {}): Entry => [
  ['auth-options'],
  { registration_enabled: true, email_verification_required: false, email_suffixes: [], mail_enabled: true, ...o } satisfies Options,
];
const signedIn: Cache = [
  [['session'], { id: 7, username: 'alice', role: 'user', group: 'default' }],
  [['balance'], { balance: 12_500_000, points: 12.5, currency: 'CNY', currency_amount: 1.25, points_per_currency_unit: 10 }],
];

function render(path: string, cache: Cache): string {
  const queryClient = new QueryClient();
  for (const [key, data] of cache) queryClient.setQueryData(key, data);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return renderToString(createElement(QueryClientProvider, { client: queryClient }, createElement(RouterProvider, { router })));
}

const rawKey = /\b(app|auth|chat|errors|preferences|common|composer|markdown|settings|shell|sidebar|thread)\.[a-zA-Z]+/;

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources, lng: 'zh-CN', interpolation: { escapeValue: false } });
});

describe.each(languages)('pages in %s', (language) => {
  beforeAll(async () => {
    await i18n.changeLanguage(language);
  });
  const t = i18n.t.bind(i18n);

  it('sign in', () => {
    const html = render('/sign-in', signedOut);
    expect(html).toContain(t('auth.signIn.subtitle'));
    expect(html).toContain(t('auth.signIn.login'));
    expect(html).not.toMatch(rawKey);
  });

  it('register, with the mailed code and the allowed domains', () => {
    const html = render('/register', [...signedOut, options({ email_verification_required: true, email_suffixes: ['qq.com', 'gmail.com'] })]);
    expect(html).toContain(t('auth.register.subtitle'));
    expect(html).toContain(t('auth.code'));
    expect(html).toContain(t('auth.register.sendCode'));
    expect(html).toContain('qq.com');
    expect(html).not.toMatch(rawKey);
  });

  it('register without the code step when verification is off', () => {
    const html = render('/register', [...signedOut, options()]);
    expect(html).toContain(t('auth.username'));
    expect(html).not.toContain(t('auth.register.sendCode'));
  });

  it('register when registration is closed', () => {
    const html = render('/register', [...signedOut, options({ registration_enabled: false })]);
    expect(html).toContain(t('auth.register.closedBody'));
    expect(html).not.toContain(t('auth.register.submit') + '</button>');
  });

  it('password reset, and its notice when the site sends no mail', () => {
    expect(render('/forgot-password', [...signedOut, options()])).toContain(t('auth.reset.sendCode'));
    const html = render('/forgot-password', [...signedOut, options({ mail_enabled: false })]);
    expect(html).toContain(t('auth.reset.unavailable'));
    expect(html).not.toMatch(rawKey);
  });

  it('the signed-in chat: a new chat ready to type, the conversations, who is signed in and the balance', () => {
    const html = render('/', [...signedIn, [['market'], []], [['conversations', { q: '' }], { pages: [{ data: [], next_cursor: null }], pageParams: [null] }]]);
    expect(html).toContain(t('chat.greeting'));
    expect(html).toContain(t('composer.label'));
    expect(html).toContain(t('sidebar.newChat'));
    expect(html).toContain('alice');
    const points = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(12.5);
    expect(html).toContain(t('chat.points', { count: 12.5, points }));
    expect(html).not.toMatch(rawKey);
  });
});
