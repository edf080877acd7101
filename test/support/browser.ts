import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium: the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Screenshots of each main screen, per role and language, for the README and for reviewers. */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'web');

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is absent (apt-get install -y chromium): browser tests skipped`;
}

/**
 * Headless, and quiet on a closed network: without the background-networking flags Chromium keeps dialling
 * out. `--no-sandbox` because the tests run as root in CI.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export async function openApp(browser: Browser, url: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  // Reduced motion: dialogs appear without a transition, so contrast is checked on what people finally see.
  const context = await browser.newContext({ viewport, locale: 'ky-KG', isMobile: viewport === PHONE, hasTouch: viewport === PHONE, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/** The violations a person with a screen reader or low vision would be blocked by. */
export async function seriousViolations(page: Page): Promise<Array<{ id: string; html: string[] }>> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, html: violation.nodes.map((node) => node.html) }));
}

/** The whole page by default; `visible` keeps to what the screen shows, as a person holding the phone sees it. */
export async function screenshot(page: Page, name: string, visible = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: !visible });
}
