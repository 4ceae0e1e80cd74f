import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/http-client';
import { PASSWORD, adminToken, signUpDeveloper, uniqueEmail } from '../support/journey';
import { ADMIN_EMAIL, ADMIN_PASSWORD, KeyportHarness } from '../support/keyport-harness';
import { hasChromium, launchChromium, openPortal } from './support/chromium';
import { callGateway, checkPage, createKeyInDialog, deliveredCode, navLink, signIn, signedInPortal } from './support/portal-steps';

const NEW_PASSWORD = 'N3w-Passw0rd!';

/** The account's pages in Chromium: forgot/reset, resend code, change password, sign out everywhere, delete. */
describe.skipIf(!hasChromium)('account and sessions in a browser', () => {
  let harness: KeyportHarness;
  let browser: Browser;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    browser = await launchChromium();
    http = new HttpClient(harness.baseUrl);
    admin = await adminToken(http);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('resends the sign-up code from the confirmation step', async () => {
    const portal = await openPortal(browser, harness.baseUrl);
    const { page } = portal;
    const email = uniqueEmail('resend');
    await page.goto('/signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'Resend code' }).click();
    await page.getByText(/a new code is on its way/).waitFor();
    await page.getByRole('textbox', { name: 'Code' }).fill(deliveredCode(harness, email));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Account confirmed').waitFor();
    await portal.page.context().close();
  });

  it('resets a forgotten password with the code, then signs in with the new one', async () => {
    const dev = await signUpDeveloper(http, admin);
    const portal = await openPortal(browser, harness.baseUrl);
    const { page } = portal;
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password' }).click();
    await page.getByLabel('Email').fill(dev.email);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Code').waitFor();
    await checkPage(portal, 'forgot-password');
    await page.getByLabel('Code').fill('000000' === deliveredCode(harness, dev.email) ? '111111' : '000000');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    const code = page.getByLabel('Code');
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    await code.fill(deliveredCode(harness, dev.email));
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Password changed').waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(dev.email);
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await portal.page.context().close();
  });

  it('changes the password (a wrong current one shows under its field), stays signed in on reload, signs out everywhere', async () => {
    const dev = await signUpDeveloper(http, admin);
    const portal = await signedInPortal(browser, harness.baseUrl, dev.email, PASSWORD);
    const other = await signedInPortal(browser, harness.baseUrl, dev.email, PASSWORD);
    const { page } = portal;
    await navLink(page, 'Account').click();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    await page.getByText(dev.email).waitFor();
    await checkPage(portal, 'account-security');

    await page.getByLabel('Current password').fill('Not-The-0ne!');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    const current = page.getByLabel('Current password');
    await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('New password').inputValue()).toBe(NEW_PASSWORD);
    await current.fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    expect((await http.post('/v1/auth/login', { email: dev.email, password: NEW_PASSWORD })).status).toBe(200);

    // A reload keeps the session: the cookie is HttpOnly, so no script sees the refresh token.
    await page.reload();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'keyport_refresh')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/v1/auth' });

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL('**/login');
    // The other browser's session cannot be renewed: a reload there lands on sign-in.
    await other.page.reload();
    await other.page.waitForURL('**/login');
    await page.reload();
    await page.waitForURL('**/login');
    await other.page.context().close();
    await portal.page.context().close();
  });

  it('deletes the account after the typed confirmation: its key is refused and the e-mail can sign up again', async () => {
    const email = uniqueEmail('leaving');
    const dev = await signUpDeveloper(http, admin, email);
    const portal = await signedInPortal(browser, harness.baseUrl, email, PASSWORD);
    const { page } = portal;
    await navLink(page, 'Keys').click();
    await page.getByRole('button', { name: 'Create key' }).click();
    const value = await createKeyInDialog(page, 'doomed');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => callGateway(harness, value, dev.token), { timeout: 30_000 }).toBe(200);

    await navLink(page, 'Account').click();
    await page.getByRole('button', { name: 'Delete account' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete my account' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/to confirm/).fill('delete');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/to confirm/).fill('DELETE');
    await checkPage(portal, 'account-delete');
    await confirm.click();
    await page.waitForURL('**/login');
    expect(await callGateway(harness, value, dev.token)).toBe(403);

    await signIn(page, email, PASSWORD);
    await page.getByText('Incorrect email or password').waitFor();
    const again = await http.post('/v1/auth/signup', { email, password: PASSWORD });
    expect(again.status).toBe(201);
    await portal.page.context().close();
  });

  it('lets an admin delete a developer after typing the e-mail; the page shows the deletion and its audit entry', async () => {
    const dev = await signUpDeveloper(http, admin);
    const console_ = await signedInPortal(browser, harness.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const { page } = console_;
    await page.goto(`/admin/developers/${dev.id}`);
    await page.getByRole('button', { name: 'Delete developer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/to confirm/).fill('someone-else@example.com');
    await dialog.getByRole('button', { name: 'Delete developer' }).click();
    await expect.poll(() => dialog.getByLabel(/to confirm/).getAttribute('aria-invalid')).toBe('true');
    expect((await http.get('/v1/me', { token: dev.token })).status).toBe(200);
    await dialog.getByLabel(/to confirm/).fill(dev.email);
    await dialog.getByRole('button', { name: 'Delete developer' }).click();
    await page.getByText(`${dev.email} is deleted`).waitFor();
    await page.getByText('developer.deleted').first().waitFor();
    await checkPage(console_, 'admin-developer-deleted');
    expect((await http.get('/v1/me', { token: dev.token })).body.code).toBe('ACCOUNT_DELETED');
    await console_.page.context().close();
  });
});
