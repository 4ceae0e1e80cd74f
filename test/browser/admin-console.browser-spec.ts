import { readFile } from 'node:fs/promises';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@keyport/db';
import { UsageFlusher } from '@keyport/embedded-gateway';
import { callGateway, developerOnTier, gatewayCaughtUp, type IssuedKey } from '../support/gateway-journey';
import { HttpClient } from '../support/http-client';
import { adminToken, PASSWORD, type SignedInDeveloper } from '../support/journey';
import { ADMIN_EMAIL, ADMIN_PASSWORD, KeyportHarness } from '../support/keyport-harness';
import { hasChromium, launchChromium, type PortalPage } from './support/chromium';
import { checkPage, navLink, signedInPortal } from './support/portal-steps';

const GENEROUS = { rateLimit: 1_000, burstLimit: 1_000 };

/**
 * An admin runs the programme from /admin in Chromium, against the started app with cognito-local and
 * the embedded gateway; what each action does is proven at the gateway and in the audit log.
 */
describe.skipIf(!hasChromium)('the admin console in a browser', () => {
  let harness: KeyportHarness;
  let browser: Browser;
  let console_: PortalPage;
  let http: HttpClient;
  let gateway: HttpClient;
  let dev: SignedInDeveloper;
  let key: IssuedKey;
  /** Requests the gateway admitted for the key so far (each counts against its quota). */
  let admitted = 0;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    gateway = new HttpClient(harness.gatewayUrl);
    ({ dev, key } = await developerOnTier(harness, http, await adminToken(http), { throttle: GENEROUS, quota: { limit: 1_000, period: 'MONTH' } }));
    browser = await launchChromium();
    console_ = await signedInPortal(browser, harness.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const call = async (): Promise<number> => {
    const { status } = await callGateway(gateway, key.value);
    if (status === 200) admitted += 1;
    return status;
  };
  const adminLink = (page: Page, name: string): Locator => page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name, exact: true });
  /** The result of the last action: its message and the audit entry it wrote. */
  const lastAction = (page: Page): Locator => page.getByRole('status').filter({ has: page.getByLabel('Last action') });

  it('searches the developers by e-mail and opens one', async () => {
    const { page } = console_;
    expect(await call()).toBe(200);
    await navLink(page, 'Admin').click();
    await page.getByRole('heading', { name: 'Admin console', level: 1 }).waitFor();
    await adminLink(page, 'Developers').click();
    await page.getByRole('heading', { name: 'Developers', level: 1 }).waitFor();
    await page.getByLabel('Search').fill(dev.email.slice(0, 12));
    const table = page.getByRole('table', { name: 'Developers' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2); // the header and one developer
    await checkPage(console_, 'admin-developers');
    await table.getByRole('link', { name: dev.email }).click();
    await page.getByRole('heading', { name: dev.email, level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Their keys' }).getByText('active').waitFor();
    await page.locator('[data-usage-chart] [data-chart-bars]').waitFor();
    await checkPage(console_, 'admin-developer');
  });

  it('suspends with a reason (the key gets 403 at the gateway) and reinstates (200 again), each with its audit entry', async () => {
    const { page } = console_;
    await page.getByRole('button', { name: 'Suspend', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Suspend developer' }).click();
    await dialog.getByText('Say why').waitFor(); // refused here before any call: the reason is required
    await dialog.getByLabel('Reason').fill('Scraping in breach of the terms');
    await checkPage(console_, 'admin-suspend');
    await dialog.getByRole('button', { name: 'Suspend developer' }).click();
    await lastAction(page).getByText(`${dev.email} is suspended`).waitFor();
    await lastAction(page).getByText('developer.suspended').waitFor();
    await page.getByRole('table', { name: 'Profile' }).getByText('Scraping in breach of the terms').waitFor();
    await checkPage(console_, 'admin-suspended');
    await gatewayCaughtUp(harness);
    await expect.poll(call, { timeout: 10_000 }).toBe(403);

    await page.getByRole('button', { name: 'Reinstate' }).click();
    await lastAction(page).getByText('developer.reinstated').waitFor();
    await gatewayCaughtUp(harness);
    await expect.poll(call, { timeout: 10_000 }).toBe(200);
  });

  it('overrides the quota (the gateway enforces the new one), grants requests and changes tier', async () => {
    const { page } = console_;
    // Every admitted request counted before the page reads the usage the override is compared with.
    await harness.app.get(UsageFlusher).flush();
    await page.getByRole('button', { name: 'Override' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Quota').fill(String(admitted + 2));
    await dialog.getByRole('combobox', { name: 'Period' }).click();
    await page.getByRole('option', { name: 'Per day' }).click();
    await dialog.getByRole('button', { name: 'Save quota' }).click();
    await lastAction(page).getByText('developer.quota_overridden').waitFor();
    await page.getByText(`${admitted} of ${admitted + 2} requests used this day`).waitFor();
    await waitForGatewayQuota(admitted + 2);
    expect([await call(), await call(), await call()]).toEqual([200, 200, 429]);

    await page.getByRole('button', { name: 'Grant', exact: true }).click();
    await dialog.getByLabel('Requests').fill('1');
    await dialog.getByRole('button', { name: 'Grant requests' }).click();
    await lastAction(page).getByText('developer.quota_granted').waitFor();
    await gatewayCaughtUp(harness);
    await expect.poll(call, { timeout: 10_000 }).toBe(200);
    expect(await call()).toBe(429);

    await page.getByRole('button', { name: 'Change tier' }).click();
    await dialog.getByRole('combobox', { name: 'Tier' }).click();
    await page.getByRole('option', { name: 'Premium' }).click();
    await dialog.getByRole('button', { name: 'Save tier' }).click();
    await lastAction(page).getByText('developer.tier_changed').waitFor();
    await page.getByRole('table', { name: 'Profile' }).getByText('premium', { exact: true }).waitFor();
    await checkPage(console_, 'admin-developer-actions');

    await page.getByRole('button', { name: 'Make admin' }).click();
    await lastAction(page).getByText('developer.role_changed').waitFor();
    await page.getByRole('button', { name: 'Remove admin' }).click();
    await lastAction(page).getByText(`${dev.email} is no longer an admin`).waitFor();
    await page.getByRole('button', { name: 'Make admin' }).waitFor();
  });

  it('reads the reports and downloads the CSV, whose totals match the JSON report', async () => {
    const { page } = console_;
    await harness.app.get(UsageFlusher).flush();
    await adminLink(page, 'Reports').click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const json = (await http.get('/v1/admin/usage?groupBy=day', { token: await adminToken(http) })).body;
    expect(json.total).toBeGreaterThanOrEqual(admitted);
    await page.getByText(`${json.total.toLocaleString('en-US')} requests from`).waitFor();
    await page.locator('[data-report-chart="by-day"] [data-chart-bars]').waitFor();
    await page.getByRole('table', { name: 'Top developers' }).getByRole('link', { name: dev.email }).waitFor();
    await checkPage(console_, 'admin-reports');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const [header, ...rows] = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    expect(header).toBe('day,developer_id,email,key_id,requests');
    const total = rows.reduce((sum, row) => sum + Number(row.split(',').at(-1)), 0);
    expect(total).toBe(json.total);
    expect(rows.some((row) => row.includes(dev.id) && row.includes(key.id))).toBe(true);
  });

  it('finds each action in the audit log, with before and after', async () => {
    const { page } = console_;
    await adminLink(page, 'Audit log').click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.getByLabel('Developer').fill(dev.id);
    const table = page.getByRole('table', { name: 'Audit entries' });
    const actions = ['developer.suspended', 'developer.reinstated', 'developer.quota_overridden', 'developer.quota_granted', 'developer.tier_changed'];
    // Filtered by the developer (once the debounced filter has answered): every entry is about them.
    const aboutThem = async () => {
      const rows = await table.locator('tbody tr').allTextContents();
      return rows.length > 0 && rows.every((row) => row.includes(dev.id));
    };
    await expect.poll(aboutThem).toBe(true);
    for (const action of actions) await table.locator(`[data-audit-action="${action}"]`).first().waitFor();
    const suspended = table.locator('[data-audit-action="developer.suspended"]');
    expect(await suspended.textContent()).toMatch(/"status": "ACTIVE"[\s\S]*"status": "SUSPENDED"/);
    await page.getByLabel('Action').fill('developer.quota_granted');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await checkPage(console_, 'admin-audit-log');
  });

  it('edits a tier with validation', async () => {
    const { page } = console_;
    await adminLink(page, 'Tiers').click();
    await page.getByRole('button', { name: 'Edit Standard' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Burst').fill('0');
    await dialog.getByRole('button', { name: 'Save tier' }).click();
    await dialog.getByText('Enter a number from 1 to 5,000,000.').waitFor();
    await checkPage(console_, 'admin-tier-invalid');
    await dialog.getByLabel('Burst').fill('250');
    await dialog.getByRole('button', { name: 'Save tier' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'Tiers' }).getByRole('row').filter({ hasText: 'Standard' });
    await row.getByText('250', { exact: true }).waitFor();
    await checkPage(console_, 'admin-tiers');
  });

  it('shows the gateway and runs a usage sync and a reconciliation dry run', async () => {
    const { page } = console_;
    await adminLink(page, 'Gateway').click();
    await page.getByRole('table', { name: 'Gateway status' }).getByText('Embedded gateway (local)').waitFor();
    await page.getByRole('table', { name: 'Gateway status' }).getByRole('rowheader', { name: 'Outbox depth' }).waitFor();
    await page.getByRole('button', { name: 'Run usage sync' }).click();
    await page.getByText('Usage sync done').waitFor();
    await page.getByRole('button', { name: 'Run reconciliation dry run' }).click();
    await page.getByText('Dry run done').waitFor();
    const reconciliation = page.getByRole('region', { name: 'Reconciliation' });
    await expect.poll(() => reconciliation.textContent()).toMatch(/Last run .*\(run by an admin\): .*no drift/);
    await checkPage(console_, 'admin-gateway');
  });

  it('shows a developer who types /admin/developers the not-found page', async () => {
    const developer = await signedInPortal(browser, harness.baseUrl, dev.email, PASSWORD);
    await developer.page.evaluate(() => {
      history.pushState({}, '', '/admin/developers');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await developer.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await developer.page.getByRole('table', { name: 'Developers' }).count()).toBe(0);
    await developer.page.context().close();
  });

  it('fits a 375 px wide screen', async () => {
    const mobile = await signedInPortal(browser, harness.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD, {
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const { page } = mobile;
    await page.evaluate(() => {
      history.pushState({}, '', `/admin/reports`);
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.locator('[data-report-chart="by-day"] [data-chart-bars]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await checkPage(mobile, 'admin-mobile-reports');
    await page.context().close();
  });

  /** Waits until the gateway's store holds the developer's own quota, without spending requests on it. */
  async function waitForGatewayQuota(limit: number): Promise<void> {
    await expect
      .poll(async () => {
        const gatewayKey = await harness.app
          .get(Db)
          .client.gatewayApiKey.findUnique({ where: { name: `keyport-${key.id}` }, include: { plans: { include: { plan: true } } } });
        return gatewayKey?.plans[0]?.plan.quotaLimit;
      })
      .toBe(limit);
    await gatewayCaughtUp(harness);
  }
});
