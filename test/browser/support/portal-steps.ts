import { type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { OPENED_COGNITO_CONNECTION, type OpenedCognitoConnection } from '@keyport/cognito';
import { type KeyportHarness } from '../../support/keyport-harness';
import { expectAccessible, openPortal, type PortalPage, screenshot } from './chromium';

/** What every page of the suites is held to: no serious accessibility problem, nothing in the console, a screenshot. */
export async function checkPage(portal: PortalPage, name: string): Promise<void> {
  // Nothing hovered (a chart's tooltip, a highlighted row); a dialog fading out or a link changing
  // colour would be judged half-way.
  await portal.page.mouse.move(0, 0);
  await portal.page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await expectAccessible(portal.page, name);
  await screenshot(portal.page, name);
  expect(portal.problems, `console errors or CSP violations on ${name}`).toEqual([]);
}

/** The code the embedded Cognito "e-mailed" (the server log has it too). */
export function deliveredCode(harness: KeyportHarness, email: string): string {
  const code = harness.app.get<OpenedCognitoConnection>(OPENED_COGNITO_CONNECTION, { strict: false }).server?.lastCodeFor(email);
  if (!code) throw new Error(`no code was sent to ${email}`);
  return code;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A new context (so a new session) signed in as this developer, on the dashboard. */
export async function signedInPortal(
  browser: Browser,
  baseURL: string,
  email: string,
  password: string,
  options: BrowserContextOptions = {},
): Promise<PortalPage> {
  const portal = await openPortal(browser, baseURL, options);
  await portal.page.goto('/login');
  await signIn(portal.page, email, password);
  await portal.page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  return portal;
}

export function navLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** The row of the keys table showing the key whose value ends so. */
export function keyRow(page: Page, value: string): Locator {
  return page
    .getByRole('table', { name: 'Your keys' })
    .getByRole('row')
    .filter({ hasText: value.slice(-4) });
}

/** Creates a key from the open "Create key" dialog and returns the value the page showed once. */
export async function createKeyInDialog(page: Page, name: string): Promise<string> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  return revealedValue(page);
}

export async function revealedValue(page: Page): Promise<string> {
  const field = page.getByRole('dialog').getByLabel('API key');
  await field.waitFor();
  return field.inputValue();
}

/** Presses Tab until `target` has the focus: proof that the keyboard alone reaches it. */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  const element = await target.elementHandle();
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((el) => el === document.activeElement, element)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Calls the embedded gateway with a key and its owner's access token (GATEWAY_AUTH=cognito); returns the status. */
export async function callGateway(harness: KeyportHarness, key: string, accessToken: string): Promise<number> {
  const response = await fetch(`${harness.gatewayUrl}/portal-journey`, { headers: { 'x-api-key': key, authorization: `Bearer ${accessToken}` } });
  await response.arrayBuffer();
  return response.status;
}
