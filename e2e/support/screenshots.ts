import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Git-ignored; `.ci/run` leaves the files in place as the run's artifacts. */
const dir = fileURLToPath(new URL('../screenshots/', import.meta.url));
mkdirSync(dir, { recursive: true });

/** Saves the whole page as e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${dir}${name}.png`, fullPage: true, animations: 'disabled', caret: 'hide' });
}
