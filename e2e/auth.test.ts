import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/accessibility.js';
import { launchBrowser, missingBrowser, openContext, viewports } from './support/browser.js';
import { choosePreference, fontsReady, heading, openSidebar, signOut, waitForHome } from './support/pages.js';
import { screenshot } from './support/screenshots.js';
import { startSite, type Site } from './support/site.js';
import { text } from './support/strings.js';

/**
 * Signing up and in as a user does it, in a real Chromium against the real server and the
 * built app: the mailed code, the home page, signing out and in, language and theme that
 * survive a reload, and the errors a user meets.
 */
if (missingBrowser) console.warn(`e2e: skipped, ${missingBrowser}`);

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page), page.url()).toEqual([]);
}

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');
const isDark = async (page: Page) => ((await page.locator('html').getAttribute('class')) ?? '').split(/\s+/).includes('dark');

describe.skipIf(!!missingBrowser)('signing up and in', () => {
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  describe.each(viewports)('on a $name', (view) => {
    const username = `${view.name}-user`;
    const email = `${view.name}@example.com`;
    const password = `${view.name}-Password-1`;

    it('registers with the mailed code, signs out and in, and keeps language and theme over a reload', async () => {
      const context = await openContext(browser, view);
      const page = await context.newPage();
      try {
        // A signed-out visitor (no anonymous models here) lands on sign in, in the browser's language.
        await page.goto(site.server.base);
        await heading(page, 'en', 'auth.signIn.title').waitFor();
        expect(new URL(page.url()).pathname).toBe('/sign-in');
        expect(await htmlLang(page)).toBe('en');
        await expectAccessible(page);

        await page.getByRole('link', { name: text('en', 'auth.signIn.toRegister') }).click();
        await heading(page, 'en', 'auth.register.title').waitFor();
        await page.getByLabel(text('en', 'auth.username')).fill(username);
        await page.getByLabel(text('en', 'auth.email')).fill(email);
        await page.getByRole('button', { name: text('en', 'auth.register.sendCode') }).click();
        await page.getByLabel(text('en', 'auth.code')).fill(await site.mailbox.nextCode(email));
        await page.getByLabel(text('en', 'auth.password'), { exact: true }).fill(password);
        await expectAccessible(page);
        await page.getByRole('button', { name: text('en', 'auth.register.submit') }).click();

        // Signed in at once: a new chat, and the sidebar's foot (in the drawer on phones) says who and how much.
        await waitForHome(page, 'en');
        expect(new URL(page.url()).pathname).toBe('/');
        await openSidebar(page, 'en');
        await page.getByText(username, { exact: true }).waitFor();
        await expectAccessible(page);

        await signOut(page, 'en');
        await heading(page, 'en', 'auth.signIn.title').waitFor();

        // A wrong password is refused in the user's language, and nothing else happens.
        await page.getByLabel(text('en', 'auth.signIn.login')).fill(username);
        await page.getByLabel(text('en', 'auth.password')).fill('not-the-password');
        await page.getByRole('button', { name: text('en', 'auth.signIn.submit') }).click();
        await expect.poll(() => page.getByRole('alert').textContent()).toBe(text('en', 'errors.invalid_credentials'));
        expect(new URL(page.url()).pathname).toBe('/sign-in');

        // Signing in by email works as well as by username.
        await page.getByLabel(text('en', 'auth.signIn.login')).fill(email);
        await page.getByLabel(text('en', 'auth.password')).fill(password);
        await page.getByRole('button', { name: text('en', 'auth.signIn.submit') }).click();
        await waitForHome(page, 'en');

        await choosePreference(page, 'en', '简体中文');
        await expect.poll(() => htmlLang(page)).toBe('zh-CN');
        await waitForHome(page, 'zh-CN');
        await choosePreference(page, 'zh-CN', text('zh-CN', 'preferences.themeDark'));
        await expect.poll(() => isDark(page)).toBe(true);
        await expectAccessible(page);

        await page.reload();
        await waitForHome(page, 'zh-CN');
        expect(await htmlLang(page)).toBe('zh-CN');
        expect(await isDark(page)).toBe(true);
        expect(await page.title()).toContain(text('zh-CN', 'chat.title'));

        // Signed out in Chinese, a wrong password is refused in Chinese.
        await signOut(page, 'zh-CN');
        await heading(page, 'zh-CN', 'auth.signIn.title').waitFor();
        await page.getByLabel(text('zh-CN', 'auth.signIn.login')).fill(username);
        await page.getByLabel(text('zh-CN', 'auth.password')).fill('not-the-password');
        await page.getByRole('button', { name: text('zh-CN', 'auth.signIn.submit') }).click();
        await expect.poll(() => page.getByRole('alert').textContent()).toBe(text('zh-CN', 'errors.invalid_credentials'));
        await expectAccessible(page);
      } catch (error) {
        await screenshot(page, `failed-auth-${view.name}`);
        throw error;
      } finally {
        await context.close();
      }
    });
  });

  describe('closed registration', () => {
    it('shows registration as closed, with the way to sign in, in the user language', async () => {
      const root = await site.server.rootToken();
      const closed = await site.server.api('PATCH', '/api/admin/settings/registration', { enabled: false }, root);
      expect(closed.status).toBe(200);
      const context = await openContext(browser, viewports[0], { locale: 'zh-CN' });
      const page = await context.newPage();
      try {
        await page.goto(`${site.server.base}/register`);
        await heading(page, 'zh-CN', 'auth.register.closedTitle').waitFor();
        await page.getByText(text('zh-CN', 'auth.register.closedBody')).waitFor();
        expect(await page.getByLabel(text('zh-CN', 'auth.password')).count()).toBe(0);
        await fontsReady(page);
        await screenshot(page, 'register-closed-desktop-light-zh-CN');
        await expectAccessible(page);
        await page.getByRole('link', { name: text('zh-CN', 'auth.register.toSignIn') }).click();
        await heading(page, 'zh-CN', 'auth.signIn.title').waitFor();
      } finally {
        await context.close();
        await site.server.api('PATCH', '/api/admin/settings/registration', { enabled: true }, root);
      }
    });
  });
});
