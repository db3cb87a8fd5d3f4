import type { Locator, Page } from 'playwright-core';
import { text, type Language } from './strings.js';

/** The balance pill once loaded: "12.5 points" / "12.5 点" (any number, the catalog's words). */
function balancePattern(language: Language): RegExp {
  const [before = '', after = ''] = text(language, 'chat.points_other').split('{{points}}');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escape(before)}[\\d.,\\s]+${escape(after)}`);
}

export function heading(page: Page, language: Language, key: string): Locator {
  return page.getByRole('heading', { name: text(language, key), exact: true });
}

/** The signed-in chat, ready: the balance has loaded (in the sidebar's foot, or the header on phones). */
export async function waitForHome(page: Page, language: Language): Promise<void> {
  await page.getByText(balancePattern(language)).first().waitFor();
}

/** Phones keep the conversations (and the account) in a drawer: open it. */
export async function openSidebar(page: Page, language: Language): Promise<void> {
  const opener = page.getByRole('button', { name: text(language, 'chat.openSidebar') });
  if (await opener.isVisible()) await opener.click();
  await page.getByRole('button', { name: text(language, 'sidebar.account.menu') }).waitFor();
}

/** Signs out from the account menu at the foot of the sidebar. */
export async function signOut(page: Page, language: Language): Promise<void> {
  await openSidebar(page, language);
  await page.getByRole('button', { name: text(language, 'sidebar.account.menu') }).click();
  await page.getByRole('menuitem', { name: text(language, 'sidebar.account.signOut') }).click();
}

/** Picks an entry of the language-and-theme menu (it closes after each pick). */
export async function choosePreference(page: Page, menuLanguage: Language, entry: string): Promise<void> {
  const menu = page.getByRole('button', { name: text(menuLanguage, 'preferences.open') });
  // In the chat on a phone, the menu sits at the foot of the sidebar's drawer.
  if (!(await menu.isVisible())) await openSidebar(page, menuLanguage);
  await menu.click();
  await page.getByRole('menuitemradio', { name: entry, exact: true }).click();
  await page.getByRole('menu').waitFor({ state: 'detached' });
}

/** Fonts loaded, so a screenshot shows the text as the user sees it. */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate('document.fonts.ready.then(() => true)');
}
