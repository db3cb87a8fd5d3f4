import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../packages/server/test/harness.js';
import { seriousViolations } from './support/accessibility.js';
import { launchBrowser, missingBrowser, openContext, viewports, type Theme } from './support/browser.js';
import { fontsReady, heading, waitForHome } from './support/pages.js';
import { screenshot } from './support/screenshots.js';
import { startSite, type Site } from './support/site.js';
import type { Language } from './support/strings.js';

/**
 * Every page in every look: both viewports, light and dark, English and Chinese. Each is
 * checked with axe and saved as e2e/screenshots/<page>-<viewport>-<theme>-<language>.png, the
 * pictures a person looks at before calling a change to the app done.
 */
if (missingBrowser) console.warn(`e2e: skipped, ${missingBrowser}`);

const looks = (['light', 'dark'] as const).flatMap((theme: Theme) => (['en', 'zh-CN'] as const).map((language: Language) => ({ theme, language })));

/** The signed-out pages, each known by its heading. */
const authPages = [
  { name: 'sign-in', path: '/sign-in', heading: 'auth.signIn.title' },
  { name: 'register', path: '/register', heading: 'auth.register.title' },
  { name: 'reset', path: '/forgot-password', heading: 'auth.reset.title' },
] as const;

describe.skipIf(!!missingBrowser)('every page', () => {
  let site: Site;
  let browser: Browser;
  let session: string;

  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
    session = await createUser(site.server, 'looker');
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
        await check(page, `home-${look}`);
      } catch (error) {
        await screenshot(page, `failed-pages-${look}`);
        throw error;
      } finally {
        await context.close();
      }
    });
  });
});
