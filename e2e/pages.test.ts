import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/accessibility.js';
import { launchBrowser, missingBrowser, openContext, viewports, type Theme } from './support/browser.js';
import { fontsReady, heading, waitForHome } from './support/pages.js';
import { screenshot } from './support/screenshots.js';
import { startChatSite, type ChatSite } from './support/chat-site.js';
import { text, type Language } from './support/strings.js';

/**
 * Every page in every look: both viewports, light and dark, English and Chinese. Each is
 * checked with axe and saved as e2e/screenshots/<page>-<viewport>-<theme>-<language>.png, the
 * pictures a person looks at before calling a change to the app done.
 */
if (missingBrowser) console.warn(`e2e: skipped, ${missingBrowser}`);

const looks = (['light', 'dark'] as const).flatMap((theme: Theme) => (['en', 'zh-CN'] as const).map((language: Language) => ({ theme, language })));

/** A conversation whose answer shows what the renderer draws: reasoning, a table, code and maths. */
async function seedConversation(site: ChatSite, token: string): Promise<string> {
  const { server } = site;
  const created = await server.api<{ id: string }>('POST', '/api/chat/conversations', { settings: { model: 'chat-model' } }, token);
  site.mock.enqueue({
    reasoning: 'The user wants a comparison; a table and a short example will do.',
    text: [
      'Here is a **quick comparison** of two sorting algorithms:',
      '',
      '| Algorithm | Average | Worst | Stable |',
      '|---|---|---|---|',
      '| Quicksort | $O(n \\log n)$ | $O(n^2)$ | No |',
      '| Merge sort | $O(n \\log n)$ | $O(n \\log n)$ | Yes |',
      '',
      '```ts',
      'export function mergeSort(items: number[]): number[] {',
      '  if (items.length < 2) return items;',
      '  const middle = items.length >> 1;',
      '  return merge(mergeSort(items.slice(0, middle)), mergeSort(items.slice(middle)));',
      '}',
      '```',
      '',
      'The recurrence is \\[T(n) = 2T(n/2) + O(n)\\] so merge sort is always $O(n \\log n)$.',
    ].join('\n'),
  });
  const sent = await server.api<{ assistant_message: { id: string } }>('POST', `/api/chat/conversations/${created.body.id}/messages`, { content: 'Compare quicksort and merge sort, with code.' }, token);
  for (let i = 0; i < 200; i++) {
    const detail = await server.api<{ messages: Array<{ id: string; status: string }> }>('GET', `/api/chat/conversations/${created.body.id}`, undefined, token);
    if (detail.body.messages.find((m) => m.id === sent.body.assistant_message.id)?.status !== 'generating') return created.body.id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the seeded answer never finished');
}

/** The signed-out pages, each known by its heading. */
const authPages = [
  { name: 'sign-in', path: '/sign-in', heading: 'auth.signIn.title' },
  { name: 'register', path: '/register', heading: 'auth.register.title' },
  { name: 'reset', path: '/forgot-password', heading: 'auth.reset.title' },
] as const;

describe.skipIf(!!missingBrowser)('every page', () => {
  let site: ChatSite;
  let browser: Browser;
  let session: string;
  let conversation: string;

  beforeAll(async () => {
    site = await startChatSite();
    browser = await launchBrowser();
    session = await site.user('looker');
    conversation = await seedConversation(site, session);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function check(page: Page, name: string): Promise<void> {
    await fontsReady(page);
    await screenshot(page, name);
    expect(await seriousViolations(page), name).toEqual([]);
  }

  describe.each(viewports)('on a $name', (view) => {
    it.each(looks)('$theme, $language', async ({ theme, language }) => {
      const context = await openContext(browser, view, { theme });
      // The stored choices, as a returning user has them, in place before the app starts.
      await context.addInitScript(
        `localStorage.setItem('switchboard.language', ${JSON.stringify(language)}); localStorage.setItem('switchboard.theme', ${JSON.stringify(theme)});`,
      );
      const page = await context.newPage();
      const look = `${view.name}-${theme}-${language}`;
      try {
        for (const auth of authPages) {
          await page.goto(site.server.base + auth.path);
          await heading(page, language, auth.heading).waitFor();
          await check(page, `${auth.name}-${look}`);
        }
        await context.addCookies([{ name: 'sb_session', value: session, url: site.server.base }]);
        await page.goto(site.server.base);
        await waitForHome(page, language);
        await page.getByRole('heading', { name: text(language, 'chat.greeting') }).waitFor();
        await check(page, `new-chat-${look}`);

        await page.goto(`${site.server.base}/c/${conversation}`);
        await page.locator('article[data-status="done"] .katex').first().waitFor();
        await page.locator('article[data-status="done"] pre .shiki, article[data-status="done"] pre span[style]').first().waitFor();
        await check(page, `chat-${look}`);

        // The settings sheet and the model picker are overlays, not pages: each viewport shows them
        // in two looks (light English, dark Chinese), which keeps the suite's time in bounds.
        if ((theme === 'light') !== (language === 'en')) return;
        await page.getByRole('button', { name: text(language, 'chat.settings') }).click();
        await page.getByRole('dialog').waitFor();
        await check(page, `chat-settings-${look}`);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });

        await page.getByRole('button', { name: 'Chat Model' }).first().click();
        // The list loads on first open: wait for its models, not its skeleton.
        await page.getByRole('option', { name: /Free Model/ }).waitFor();
        await check(page, `model-picker-${look}`);
        await page.keyboard.press('Escape');
      } catch (error) {
        await screenshot(page, `failed-pages-${look}`);
        throw error;
      } finally {
        await context.close();
      }
    });
  });
});
