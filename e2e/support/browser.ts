import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs with apt: Playwright never downloads a browser here. */
const chromiumPath = '/usr/bin/chromium';

/** Why the browser suite cannot run on this machine, or undefined when it can. */
export const missingBrowser: string | undefined = existsSync(chromiumPath)
  ? undefined
  : `${chromiumPath} is missing (.ci/run installs it with "apt-get install chromium")`;

/**
 * The flags a root, GPU-less, offline container needs: no sandbox (root), no GPU process, no
 * QUIC, and none of the background traffic (updates, sync, field trials) that would make runs
 * slower and less repeatable. Each launch gets a fresh temporary profile from Playwright.
 */
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: flags });
}

export const viewports = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
] as const;

export type Viewport = (typeof viewports)[number];

export type Theme = 'light' | 'dark';

/**
 * A new browser context (its own cookies and storage) in one viewport. `locale` is what the
 * browser says it speaks, which the app uses on a first visit.
 */
export async function openContext(browser: Browser, view: Viewport, options: { locale?: string; theme?: Theme } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: view.viewport,
    isMobile: view.isMobile,
    hasTouch: view.hasTouch,
    deviceScaleFactor: 1,
    locale: options.locale ?? 'en-US',
    colorScheme: options.theme ?? 'light',
    reducedMotion: 'reduce',
  });
  // Clicks and waits answer within a few seconds here; a hang fails within 20 s and says where it waited.
  context.setDefaultTimeout(20_000);
  return context;
}
