import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, KeyportHarness } from '../support/keyport-harness';
import { hasChromium, launchChromium, openPortal } from './support/chromium';
import { checkPage, signIn } from './support/portal-steps';

/** The admin console's Security page: the audit's findings, worst first, and "Audit now". */
describe.skipIf(!hasChromium)('the admin Security page', () => {
  let harness: KeyportHarness;
  let browser: Browser;

  beforeAll(async () => {
    harness = await KeyportHarness.start({ env: { GATEWAY_IP_RATE_LIMIT: '1000', GATEWAY_AUTH: 'none' } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('shows each check with its status and fix, fails first, and audits again on demand', async () => {
    const admin = await openPortal(browser, harness.baseUrl);
    const { page } = admin;
    await page.goto('/admin/security');
    await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Security findings' });
    const firstRow = table.getByRole('row').nth(1);
    await firstRow.getByText('gateway-auth-mode').waitFor();
    expect(await firstRow.textContent()).toContain('Fix: Set GATEWAY_AUTH=cognito');
    await table.getByText('IP rate rule of 1000 requests per client IP per 300s; note: in count mode', { exact: false }).waitFor();
    const checkedAt = await page.getByText(/local driver, checked/).textContent();
    await page.waitForTimeout(1_100);
    await page.getByRole('button', { name: 'Audit now' }).click();
    await page.waitForFunction((before) => !document.body.textContent?.includes(before ?? ''), checkedAt);
    await checkPage(admin, 'admin-security');
    await admin.page.context().close();
  });
});
