import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium (`apt-get install -y chromium`); `npx playwright install` cannot download one here. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Browser suites skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/** Where the suites write a screenshot of each page (the README's come from here). */
export const SCREENSHOT_DIR = path.resolve('test-results', 'portal');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A fresh headless Chromium (playwright gives each launch a new temporary profile). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export interface PortalPage {
  page: Page;
  /** Console errors and Content-Security-Policy violations seen so far. */
  problems: string[];
  /** The answers of 400 and above the page received (many are expected: the suites provoke refusals). */
  refusals: string[];
}

/** The pages still open, so that a failing test can show where each one was (see report-failures.ts). */
export const openPortals = new Set<PortalPage>();

/** A page in a new context (its own memory, so its own session) that records what went wrong in it. */
export async function openPortal(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<PortalPage> {
  // Reduced motion: the portal's theme then skips its transitions (respectReducedMotion), so a click never
  // lands on a panel still opening. A "Try it" click once failed to open its form in CI on a slow machine.
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce', ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  const problems: string[] = [];
  const refusals: string[] = [];
  const portal = { page, problems, refusals };
  openPortals.add(portal);
  page.on('close', () => openPortals.delete(portal));
  page.on('console', (message) => {
    // The browser logs each API refusal (4xx) the page then shows; those are not problems.
    const refusal = /status of 4\d\d/.test(message.text()) && new URL(message.location().url, baseURL).pathname.startsWith('/v1/');
    if (message.type() === 'error' && !refusal) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // So that a failing test can tell a refusal (a 401 ends the session) from a page that was slow.
  page.on('response', (response) => {
    if (response.status() >= 400) refusals.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  return portal;
}

const axeSource = readFileSync(createRequire(path.join(process.cwd(), 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it is: no serious or critical violation. axe is evaluated through the
 * DevTools protocol: a <script> tag added by page.addScriptTag would be refused by the page's
 * Content-Security-Policy (no inline scripts without the page's nonce), which is the point of it.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>)
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe-core on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
