import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/http-client';
import { PASSWORD, uniqueEmail } from '../support/journey';
import { ADMIN_EMAIL, ADMIN_PASSWORD, KeyportHarness } from '../support/keyport-harness';
import { hasChromium, launchChromium, openPortal, type PortalPage } from './support/chromium';
import {
  callGateway,
  checkPage,
  createKeyInDialog,
  deliveredCode,
  keyRow,
  navLink,
  revealedValue,
  signedInPortal,
  signIn,
  tabTo,
} from './support/portal-steps';

/**
 * The developer's journey through the portal in Chromium, against the started app with cognito-local
 * and the embedded gateway. The steps share one page and build on each other, as a developer would.
 */
describe.skipIf(!hasChromium)('the developer portal in a browser', () => {
  let harness: KeyportHarness;
  let browser: Browser;
  let portal: PortalPage;
  const email = uniqueEmail('portal');
  let firstKey = '';
  let rotatedKey = '';
  let devToken = '';

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    browser = await launchChromium();
    portal = await openPortal(browser, harness.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('signs up (showing the API refusal next to its field), confirms with the code and signs in', async () => {
    const { page } = portal;
    await page.goto('/');
    await page.waitForURL('**/login');
    await checkPage(portal, 'login');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('weak');
    await page.getByRole('button', { name: 'Create account' }).click();
    const password = page.getByLabel('Password', { exact: true });
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    // The API's message for `details[].field = password`, tied to the field for screen readers.
    const describedBy = (await password.getAttribute('aria-describedby'))!.split(/\s+/);
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(descriptions.join(' ')).toMatch(/Must be at least 8 characters long/);
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await checkPage(portal, 'signup-error');

    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('Code', { exact: true }).waitFor();
    await expect.poll(() => page.getByText('the code is in the server log').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Resend code' }).isDisabled()).toBe(false);
    await checkPage(portal, 'signup-confirm');
    await page.getByLabel('Code', { exact: true }).fill(deliveredCode(harness, email));
    await page.getByRole('button', { name: 'Confirm' }).click();

    await page.waitForURL('**/login');
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    for (const name of ['Dashboard', 'Keys', 'APIs', 'Plan', 'Account']) expect(await navLink(page, name).count(), name).toBe(1);
    expect(await navLink(page, 'Admin').count()).toBe(0);
    await page.getByRole('link', { name: 'Create your first key' }).waitFor();
    await checkPage(portal, 'dashboard-empty');
  });

  it('creates a key whose value is copied from the page and opens the gateway', async () => {
    const { page } = portal;
    await page.getByRole('link', { name: 'Create your first key' }).click();
    await page.waitForURL('**/keys*');
    firstKey = await createKeyInDialog(page, 'production');
    expect(firstKey).toMatch(/^kp[A-Za-z0-9]{38}$/);
    await page.getByRole('dialog').getByText('only time the key is shown').waitFor();
    await checkPage(portal, 'keys-created');
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstKey);
    await page.getByRole('button', { name: 'Done' }).click();
    // Provisioning turns active without a reload.
    await keyRow(page, firstKey).getByText('active').waitFor();
    // The gateway wants the key's owner's access token too (GATEWAY_AUTH=cognito), as a service would send it.
    devToken = (await new HttpClient(harness.baseUrl).post('/v1/auth/login', { email, password: PASSWORD })).body.accessToken;
    expect(await callGateway(harness, firstKey, devToken)).toBe(200);
  });

  it('shows the request on the dashboard once the gateway has flushed its counts, for all keys and per key', async () => {
    const { page } = portal;
    await waitForUsage(email, 1);
    await navLink(page, 'Dashboard').click();
    await page.getByText('1 of 1,000,000 requests used').waitFor();
    const chart = page.locator('[data-usage-chart]');
    await chart.locator('[data-chart-bars]').waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/1 in total$/);
    const keyChoice = page.getByRole('combobox', { name: 'Key' });
    await keyChoice.click();
    await page.getByRole('option', { name: /^production/ }).click();
    await expect.poll(() => keyChoice.inputValue()).toMatch(/^production/);
    expect(await chart.getAttribute('aria-label')).toMatch(/1 in total$/);
    await checkPage(portal, 'dashboard');
  });

  it('rotates a key with a grace period, revokes the old one, and the old value gets 403', async () => {
    const { page } = portal;
    await navLink(page, 'Keys').click();
    await keyRow(page, firstKey).getByRole('button', { name: 'Rotate' }).click();
    await page.getByRole('radio', { name: '1 hour' }).check();
    await checkPage(portal, 'keys-rotate');
    await page.getByRole('button', { name: 'Rotate key' }).click();
    rotatedKey = await revealedValue(page);
    expect(rotatedKey).not.toBe(firstKey);
    await page.getByRole('button', { name: 'Done' }).click();
    await keyRow(page, rotatedKey).getByText('active').waitFor();
    expect(await callGateway(harness, firstKey, devToken)).toBe(200);

    await keyRow(page, firstKey).getByRole('button', { name: 'Revoke' }).click();
    await checkPage(portal, 'keys-revoke');
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await keyRow(page, firstKey).getByText('revoked', { exact: true }).waitFor();
    await expect.poll(() => callGateway(harness, firstKey, devToken)).toBe(403);
    expect(await callGateway(harness, rotatedKey, devToken)).toBe(200);
    await checkPage(portal, 'keys');
  });

  it('creates a key that expires in a few seconds: it works, then the gateway refuses it and the list says expired', async () => {
    const { page } = portal;
    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog');
    // The field takes the browser's local time; the API gets the instant.
    const expiresAtMs = Date.now() + 8_000;
    const local = await page.evaluate((ms) => {
      const at = new Date(ms);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}T${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
    }, expiresAtMs);
    await dialog.getByLabel('Expires').fill(local);
    const shortLived = await createKeyInDialog(page, 'short-lived');
    await page.getByRole('button', { name: 'Done' }).click();
    await keyRow(page, shortLived).getByText('active').waitFor();
    const before = await callGateway(harness, shortLived, devToken);
    // On a very loaded machine the expiry may already have come; then only the refusal is checked.
    if (Date.now() < expiresAtMs - 1_500) expect(before).toBe(200);
    await expect.poll(() => callGateway(harness, shortLived, devToken), { timeout: 30_000, interval: 500 }).toBe(403);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAtMs - 1_000);
    // The page, watching a key about to expire, shows it expired without a reload.
    await keyRow(page, shortLived).getByText('expired', { exact: true }).waitFor({ timeout: 30_000 });
    await checkPage(portal, 'keys-expired');
  });

  it('changes tier on the plan page, and shows the APIs and account pages', async () => {
    const { page } = portal;
    await navLink(page, 'Plan').click();
    await page.getByRole('button', { name: 'Switch to Premium' }).click();
    await page.getByRole('button', { name: 'Switch to Standard' }).waitFor();
    expect(await page.getByText('Current plan').count()).toBe(1);
    await checkPage(portal, 'plan');
    await navLink(page, 'APIs').click();
    await page.getByRole('heading', { name: 'APIs', level: 1 }).waitFor();
    await checkPage(portal, 'apis');
    await navLink(page, 'Account').click();
    await page.getByText(email).waitFor();
    await checkPage(portal, 'account');
  });

  it('shows a developer a not-found page at /admin, and an admin the console', async () => {
    const { page } = portal;
    await page.goto('/admin');
    // A full load stays signed in: the session cookie (HttpOnly) gives a new access token.
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(page.url()).toMatch(/\/admin$/);
    await checkPage(portal, 'admin-refused');

    const admin = await openPortal(browser, harness.baseUrl);
    await admin.page.goto('/admin');
    await signIn(admin.page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.page.getByRole('heading', { name: 'Admin console' }).waitFor();
    expect(await navLink(admin.page, 'Admin').count()).toBe(1);
    await checkPage(admin, 'admin');
    await admin.page.context().close();
  });

  it('works by keyboard alone: sign in, create a key, copy it, revoke it', async () => {
    const keyboard = await openPortal(browser, harness.baseUrl);
    const { page } = keyboard;
    await page.goto('/login');
    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(email);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await tabTo(page, navLink(page, 'Keys'));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Create key' }));
    await page.keyboard.press('Enter');
    // The dialog puts the focus in its first field.
    await page.getByRole('dialog').getByLabel('Name').waitFor();
    await page.keyboard.type('keyboard');
    await page.keyboard.press('Enter');
    const value = await revealedValue(page);
    await tabTo(page, page.getByRole('button', { name: 'Copy' }));
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    await tabTo(page, page.getByRole('button', { name: 'Done' }));
    await page.keyboard.press('Enter');
    await tabTo(page, keyRow(page, value).getByRole('button', { name: 'Revoke' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Revoke key' }));
    await page.keyboard.press('Enter');
    await keyRow(page, value).getByText('revoked', { exact: true }).waitFor();
    await page.context().close();
  });

  it('fits a 375 px wide screen, the navigation behind a menu button', async () => {
    const mobile = await signedInPortal(browser, harness.baseUrl, email, PASSWORD, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const { page } = mobile;
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.locator('[data-usage-chart] [data-chart-bars]').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await checkPage(mobile, 'mobile-dashboard');
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await navLink(page, 'Keys').click();
    await page.getByRole('heading', { name: 'Keys', level: 1 }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await checkPage(mobile, 'mobile-keys');
    await page.context().close();
  });

  it('follows a dark system theme and stays readable', async () => {
    const dark = await signedInPortal(browser, harness.baseUrl, email, PASSWORD, { colorScheme: 'dark' });
    const { page } = dark;
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await page.locator('[data-usage-chart] [data-chart-bars]').waitFor();
    await checkPage(dark, 'dark-dashboard');
    for (const [link, heading] of [
      ['Keys', 'Keys'],
      ['Plan', 'Plan'],
    ]) {
      await navLink(page, link).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await checkPage(dark, `dark-${link.toLowerCase()}`);
    }
    await page.context().close();
  });

  /** Polls the usage API as the developer until the gateway's flush shows `requests`. */
  async function waitForUsage(developerEmail: string, requests: number): Promise<void> {
    const http = new HttpClient(harness.baseUrl);
    const token = (await http.post('/v1/auth/login', { email: developerEmail, password: PASSWORD })).body.accessToken;
    const today = new Date().toISOString().slice(0, 10);
    await expect.poll(async () => (await http.get(`/v1/usage?from=${today}&to=${today}`, { token })).body.quota.used, { timeout: 20_000 }).toBe(requests);
  }
});
