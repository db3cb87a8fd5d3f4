import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/accessibility.js';
import { launchBrowser, missingBrowser, openContext, viewports, type Viewport } from './support/browser.js';
import { models, startChatSite, type ChatSite } from './support/chat-site.js';
import { fontsReady } from './support/pages.js';
import { screenshot } from './support/screenshots.js';
import { text } from './support/strings.js';

/**
 * Chatting as a person does, in a real Chromium against the real server and the testkit's mock
 * upstream: a streamed answer, stop, regenerate, edit and the branches, a reload in the middle of
 * an answer, a second tab, mermaid and LaTeX, a model that cannot answer, and a visitor's chat.
 */
if (missingBrowser) console.warn(`e2e: skipped, ${missingBrowser}`);

const t = (key: string, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce((s, [name, value]) => s.replaceAll(`{{${name}}}`, String(value)), text('en', key));

/** A slow answer: `count` words, one every `every` ms. */
const slow = (count: number, every = 40) => ({ chunks: Array.from({ length: count }, (_, i) => `word${i} `), chunkDelayMs: every });

function composer(page: Page): Locator {
  return page.getByRole('textbox', { name: t('composer.label') });
}

async function send(page: Page, message: string): Promise<void> {
  await composer(page).fill(message);
  await composer(page).press('Enter');
}

/** The newest answer on screen. */
function lastAnswer(page: Page): Locator {
  return page.locator('article[data-status]').last();
}

/**
 * The newest answer once it has ended. With `showing`, first waits for that text in it: right after
 * a click, the newest article may still be the previous answer (already ended) for a moment.
 */
async function answerDone(page: Page, status = 'done', showing?: string): Promise<Locator> {
  const answer = lastAnswer(page);
  if (showing) await expect.poll(() => answer.textContent(), { timeout: 15_000 }).toContain(showing);
  await expect.poll(() => answer.getAttribute('data-status'), { timeout: 15_000 }).toBe(status);
  return answer;
}

describe.skipIf(!!missingBrowser)('chatting', () => {
  let site: ChatSite;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    site = await startChatSite();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    site.mock.reset();
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function signedIn(view: Viewport, name: string): Promise<Page> {
    const session = await site.user(`${view.name}-${name}`);
    context = await openContext(browser, view);
    await context.addCookies([{ name: 'sb_session', value: session, url: site.server.base }]);
    const page = await context.newPage();
    await page.goto(site.server.base);
    await composer(page).waitFor();
    return page;
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousViolations(page), page.url()).toEqual([]);
  }

  describe.each(viewports)('on a $name', (view) => {
    it('streams an answer, stops one, regenerates, edits, and steps between the branches', async () => {
      const page = await signedIn(view, 'branches');
      try {
        site.mock.enqueue({ chunks: ['Paris ', 'is the ', 'capital ', 'of France.'], chunkDelayMs: 30 });
        await send(page, 'What is the capital of France?');
        await page.waitForURL(/\/c\/[\w-]+$/);
        const first = await answerDone(page);
        expect(await first.textContent()).toContain('Paris is the capital of France.');
        await expectAccessible(page);

        // Stop: what was delivered stays, marked as stopped.
        site.mock.enqueue(slow(400));
        await send(page, 'Count slowly');
        await expect.poll(() => lastAnswer(page).textContent()).toContain('word3');
        await page.getByRole('button', { name: t('composer.stop') }).click();
        const stopped = await answerDone(page, 'stopped');
        expect(await stopped.textContent()).toContain(t('thread.stopped'));

        // Regenerate: a second version beside the first, with the navigator.
        site.mock.enqueue({ text: 'Counting done properly.' });
        await lastAnswer(page).getByRole('button', { name: t('thread.regenerate') }).click();
        const regenerated = await answerDone(page, 'done', 'Counting done properly.');
        expect(await regenerated.textContent()).toContain('Counting done properly.');
        await regenerated.getByText(t('thread.versionShort', { index: 2, count: 2 })).waitFor();
        await regenerated.getByRole('button', { name: t('thread.previousVersion') }).click();
        await expect.poll(() => lastAnswer(page).textContent()).toContain('word3');
        await lastAnswer(page).getByRole('button', { name: t('thread.nextVersion') }).click();
        await expect.poll(() => lastAnswer(page).textContent()).toContain('Counting done properly.');

        // Edit the question: a new branch of the question and its own answer.
        site.mock.enqueue({ text: 'One, two, three.' });
        const question = page.locator('article[aria-label="' + t('thread.yourMessage') + '"]').last();
        await question.hover();
        await question.getByRole('button', { name: t('thread.edit') }).click();
        await page.getByRole('textbox', { name: t('thread.editLabel') }).fill('Count to three');
        await page.getByRole('button', { name: t('thread.saveAndSend') }).click();
        expect(await (await answerDone(page, 'done', 'One, two, three.')).textContent()).toContain('One, two, three.');
        const edited = page.locator('article[aria-label="' + t('thread.yourMessage') + '"]').last();
        expect(await edited.textContent()).toContain('Count to three');
        await edited.getByText(t('thread.versionShort', { index: 2, count: 2 })).waitFor();
        await edited.getByRole('button', { name: t('thread.previousVersion') }).click();
        await expect.poll(() => page.locator('article[aria-label="' + t('thread.yourMessage') + '"]').last().textContent()).toContain('Count slowly');
        await expectAccessible(page);
      } catch (error) {
        await screenshot(page, `failed-chat-branches-${view.name}`);
        throw error;
      }
    });

    it('shows a conversation started in one tab in the other tab, live', async () => {
      const page = await signedIn(view, 'tabs');
      const other = await context!.newPage();
      try {
        await other.goto(site.server.base);
        await composer(other).waitFor();
        site.mock.enqueue({ text: 'Hello from the first tab.' });
        await send(page, 'A question asked in tab one');
        await answerDone(page);
        // No reload: the change stream tells the second tab, whose sidebar (in its drawer on phones) lists it.
        if (view.name === 'phone') await other.getByRole('button', { name: t('chat.openSidebar') }).click();
        await other.getByRole('button', { name: 'A question asked in tab one', exact: true }).waitFor();
        await other.getByRole('button', { name: 'A question asked in tab one', exact: true }).click();
        await expect.poll(() => lastAnswer(other).textContent()).toContain('Hello from the first tab.');
      } catch (error) {
        await screenshot(other, `failed-chat-tabs-${view.name}`);
        throw error;
      }
    });

    it('finishes an answer after a reload in the middle of it', async () => {
      const page = await signedIn(view, 'reload');
      try {
        site.mock.enqueue(slow(60, 50));
        await send(page, 'Tell me a long story');
        await expect.poll(() => lastAnswer(page).textContent()).toContain('word5');
        await page.reload();
        const answer = await answerDone(page);
        const words = (await answer.locator('.markdown').first().textContent())?.match(/word\d+/g) ?? [];
        expect(words).toEqual(Array.from({ length: 60 }, (_, i) => `word${i}`));
      } catch (error) {
        await screenshot(page, `failed-chat-reload-${view.name}`);
        throw error;
      }
    });

    it('renders a mermaid diagram and LaTeX, and says clearly when a model cannot answer', async () => {
      const page = await signedIn(view, 'render');
      try {
        site.mock.enqueue({
          chunks: ['Here:\n\n```mermaid\ngraph TD\n  A[Start] --> B[End]\n```\n\n', 'Energy: \\(E = mc^2\\) and\n\n\\[\\int_0^1 x\\,dx = \\tfrac12\\]\n'],
          chunkDelayMs: 30,
        });
        await send(page, 'Draw and write maths');
        const answer = await answerDone(page);
        // Mermaid's own drawing (its SVG names the diagram type), not one of the icons.
        const diagram = answer.locator('svg[aria-roledescription]').first();
        await diagram.waitFor({ timeout: 15_000 });
        // Both boxes are drawn inside the diagram's own frame, not laid out for sizes never drawn.
        const boxes = await diagram.evaluate((svg) => {
          const frame = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('g.node')].map((node) => {
            const box = node.getBoundingClientRect();
            const inside = box.left >= frame.left - 1 && box.right <= frame.right + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
            return { text: node.textContent?.trim(), inside, height: Math.round(box.height) };
          });
        });
        expect(boxes.map((box) => box.text)).toEqual(['Start', 'End']);
        for (const box of boxes) {
          expect(box.inside).toBe(true);
          expect(box.height).toBeGreaterThan(20);
        }
        await expect.poll(() => answer.locator('.katex').count()).toBeGreaterThanOrEqual(2);
        await fontsReady(page);
        await screenshot(page, `chat-render-${view.name}-light-en`);
        await expectAccessible(page);

        // A conversation on a model without a price: the answer says so in the user's language.
        const conversation = await page.evaluate(async (model) => {
          const res = await fetch('/api/chat/conversations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ settings: { model } }) });
          return ((await res.json()) as { id: string }).id;
        }, models.unpriced);
        await page.goto(`${site.server.base}/c/${conversation}`);
        await send(page, 'Hello?');
        const failed = await answerDone(page, 'error');
        await failed.getByText(t('thread.failure.model_price_not_set')).waitFor();
        await failed.getByRole('button', { name: t('thread.retry') }).waitFor();
        await expectAccessible(page);
      } catch (error) {
        await screenshot(page, `failed-chat-render-${view.name}`);
        throw error;
      }
    });
  });

  it('lets a signed-out visitor chat with a free model, without storing anything', async () => {
    context = await openContext(browser, viewports[0]);
    const page = await context.newPage();
    try {
      await page.goto(site.server.base);
      await composer(page).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      site.mock.enqueue({ chunks: ['Hi, ', 'visitor!'], chunkDelayMs: 20 });
      await send(page, 'Hello, can I try this?');
      expect(await (await answerDone(page)).textContent()).toContain('Hi, visitor!');
      await page.getByText(t('chat.anonymous.notSaved')).waitFor();
      await expectAccessible(page);
      await fontsReady(page);
      await screenshot(page, 'chat-visitor-desktop-light-en');
      await page.getByRole('link', { name: t('chat.anonymous.signIn') }).click();
      await page.waitForURL(/\/sign-in$/);
    } catch (error) {
      await screenshot(page, 'failed-chat-visitor');
      throw error;
    }
  });
});
