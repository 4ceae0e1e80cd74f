import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestClientToken } from '../support/applications';
import { issueKey, type IssuedKey } from '../support/gateway-journey';
import { HttpClient } from '../support/http-client';
import { adminToken, PASSWORD, signUpDeveloper, type SignedInDeveloper } from '../support/journey';
import { ADMIN_EMAIL, ADMIN_PASSWORD, KeyportHarness } from '../support/keyport-harness';
import { hasChromium, launchChromium, type PortalPage } from './support/chromium';
import { callGateway, checkPage, navLink, signedInPortal } from './support/portal-steps';

/**
 * A developer gives a service client credentials from the "Applications" page, in Chromium against
 * the started app with cognito-local and the embedded gateway: the secret the page shows once gets
 * a token at the token endpoint, and that token with the developer's key passes the gateway.
 * An admin manages service accounts from the console the same way.
 */
describe.skipIf(!hasChromium)('the applications page in a browser', () => {
  let harness: KeyportHarness;
  let browser: Browser;
  let portal: PortalPage;
  let http: HttpClient;
  let dev: SignedInDeveloper;
  let key: IssuedKey;
  let application = { clientId: '', clientSecret: '', tokenEndpoint: '' };
  let accessToken = '';

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    dev = await signUpDeveloper(http, await adminToken(http));
    key = await issueKey(harness, http, dev, 'production');
    browser = await launchChromium();
    portal = await signedInPortal(browser, harness.baseUrl, dev.email, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const dialog = (page: Page): Locator => page.getByRole('dialog');
  const row = (page: Page, name: string): Locator => page.getByRole('table', { name: 'Your applications' }).getByRole('row').filter({ hasText: name });
  const field = (page: Page, label: string): Promise<string> => dialog(page).getByLabel(label, { exact: true }).inputValue();

  it('says what to do while there is no application', async () => {
    const { page } = portal;
    await navLink(page, 'Applications').click();
    await page.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
    await page.getByText('No applications yet').waitFor();
    await checkPage(portal, 'applications-empty');
  });

  it('shows a refusal next to its field and keeps what was typed', async () => {
    const { page } = portal;
    await page.getByRole('button', { name: 'Register application' }).click();
    const scopes = dialog(page).getByRole('checkbox');
    await expect.poll(() => scopes.count()).toBe(2);
    for (const scope of ['keyport-api/read', 'keyport-api/write']) expect(await dialog(page).getByRole('checkbox', { name: scope }).isChecked()).toBe(true);
    await dialog(page).getByRole('button', { name: 'Register', exact: true }).click();
    const name = dialog(page).getByLabel('Name');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby'))!.split(/\s+/);
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(descriptions.join(' ')).toMatch(/Must be longer than or equal to 1 characters/);
    await checkPage(portal, 'applications-register-error');
  });

  it('registers an application whose secret, shown once, gets a token that opens the gateway with the key', async () => {
    const { page } = portal;
    await dialog(page).getByLabel('Name').fill('billing-service');
    await dialog(page).getByRole('checkbox', { name: 'keyport-api/write' }).uncheck();
    await dialog(page).getByRole('button', { name: 'Register', exact: true }).click();
    await dialog(page).getByLabel('Client secret').waitFor();
    application = {
      clientSecret: await field(page, 'Client secret'),
      clientId: await field(page, 'Client id'),
      tokenEndpoint: await field(page, 'Token endpoint'),
    };
    expect(application.clientSecret).toMatch(/^[a-z0-9]{40,}$/);
    expect(application.tokenEndpoint).toMatch(/\/oauth2\/token$/);
    await dialog(page).getByText('only time the client secret is shown').waitFor();
    await checkPage(portal, 'applications-registered');
    await dialog(page).getByRole('button', { name: 'Copy', exact: true }).click();
    await dialog(page).getByRole('button', { name: 'Copied', exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(application.clientSecret);
    await dialog(page).getByRole('button', { name: 'Copy client id' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(application.clientId);
    await dialog(page).getByRole('button', { name: 'Done' }).click();

    await row(page, 'billing-service').getByText(application.clientId).waitFor();
    expect(await row(page, 'billing-service').textContent()).toContain('keyport-api/read');
    expect(await row(page, 'billing-service').textContent()).not.toContain('keyport-api/write');
    // Shown once: nowhere on the page any more, nor when the page is opened again.
    await navLink(page, 'Keys').click();
    await page.getByRole('heading', { name: 'Keys', level: 1 }).waitFor();
    await navLink(page, 'Applications').click();
    await row(page, 'billing-service').waitFor();
    expect(await page.content()).not.toContain(application.clientSecret);
    await checkPage(portal, 'applications');

    const token = await requestClientToken(application.tokenEndpoint, application.clientId, application.clientSecret);
    expect(token.status).toBe(200);
    accessToken = token.body.access_token;
    expect(await callGateway(harness, key.value, accessToken)).toBe(200);
  });

  it('rotates the secret with a grace period, and shows why a second rotation within it is refused', async () => {
    const { page } = portal;
    await row(page, 'billing-service').getByRole('button', { name: 'Rotate secret' }).click();
    await dialog(page).getByRole('radio', { name: '1 hour' }).check();
    await checkPage(portal, 'applications-rotate');
    await dialog(page).getByRole('button', { name: 'Rotate secret' }).click();
    await dialog(page).getByLabel('Client secret').waitFor();
    const rotated = await field(page, 'Client secret');
    expect(rotated).not.toBe(application.clientSecret);
    expect(await field(page, 'Client id')).toBe(application.clientId);
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    await row(page, 'billing-service').getByText('Old secret works until').waitFor();
    // Both secrets get a token during the grace.
    expect((await requestClientToken(application.tokenEndpoint, application.clientId, application.clientSecret)).status).toBe(200);
    expect((await requestClientToken(application.tokenEndpoint, application.clientId, rotated)).status).toBe(200);

    await row(page, 'billing-service').getByRole('button', { name: 'Rotate secret' }).click();
    await dialog(page).getByRole('radio', { name: 'Stop the old secret now' }).check();
    await dialog(page).getByRole('button', { name: 'Rotate secret' }).click();
    expect(await dialog(page).getByRole('alert').textContent()).toMatch(/wait for its grace period to end/);
    await checkPage(portal, 'applications-rotate-refused');
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await dialog(page).waitFor({ state: 'detached' });
  });

  it('deletes the application after asking, and the gateway refuses its token at once', async () => {
    const { page } = portal;
    await row(page, 'billing-service').getByRole('button', { name: 'Delete' }).click();
    await dialog(page).getByRole('heading', { name: 'Delete “billing-service”?' }).waitFor();
    await checkPage(portal, 'applications-delete');
    await dialog(page).getByRole('button', { name: 'Delete application' }).click();
    await page.getByText('No applications yet').waitFor();
    expect(await callGateway(harness, key.value, accessToken)).toBe(401);
    // The developer's own token with the same key still passes.
    expect(await callGateway(harness, key.value, dev.token)).toBe(200);
  });

  it('fits a 375 px wide screen', async () => {
    await http.post('/v1/applications', { name: 'a-service-with-a-rather-long-name' }, { token: dev.token });
    const mobile = await signedInPortal(browser, harness.baseUrl, dev.email, PASSWORD, {
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const { page } = mobile;
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await navLink(page, 'Applications').click();
    await row(page, 'a-service-with-a-rather-long-name').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await checkPage(mobile, 'mobile-applications');
    await page.getByRole('button', { name: 'Register application' }).click();
    await dialog(page).getByLabel('Name').fill('mobile-service');
    await dialog(page).getByRole('button', { name: 'Register', exact: true }).click();
    await dialog(page).getByLabel('Client secret').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await checkPage(mobile, 'mobile-applications-registered');
    await page.context().close();
  });

  it('lets an admin create a service account in the console, see it listed, and delete it', async () => {
    const admin = await signedInPortal(browser, harness.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const { page } = admin;
    await navLink(page, 'Admin').click();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Service accounts', exact: true }).click();
    await page.getByRole('heading', { name: 'Service accounts', level: 1 }).waitFor();
    await page.getByText('No service accounts').waitFor();
    await page.getByRole('button', { name: 'Create service account' }).click();
    await dialog(page).getByLabel('Name').fill('reporting');
    await dialog(page).getByRole('checkbox', { name: 'keyport/admin.write' }).uncheck();
    await dialog(page).getByRole('button', { name: 'Create', exact: true }).click();
    await dialog(page).getByLabel('Client secret').waitFor();
    const account = {
      clientSecret: await field(page, 'Client secret'),
      clientId: await field(page, 'Client id'),
      tokenEndpoint: await field(page, 'Token endpoint'),
    };
    await checkPage(admin, 'admin-service-account-created');
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    const accountRow = page.getByRole('table', { name: 'Service accounts' }).getByRole('row').filter({ hasText: 'reporting' });
    await accountRow.getByText('keyport/admin.read').waitFor();
    await checkPage(admin, 'admin-service-accounts');

    const token = (await requestClientToken(account.tokenEndpoint, account.clientId, account.clientSecret)).body.access_token;
    expect((await http.get('/v1/admin/tiers', { token })).status).toBe(200);
    await accountRow.getByRole('button', { name: 'Delete' }).click();
    await dialog(page).getByRole('button', { name: 'Delete service account' }).click();
    await page.getByText('No service accounts').waitFor();
    expect((await http.get('/v1/admin/tiers', { token })).status).toBe(401);
    await page.context().close();
  });
});
