import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/http-client';
import { adminToken, PASSWORD, signUpDeveloper, uniqueEmail } from '../support/journey';
import { ADMIN_EMAIL, ADMIN_PASSWORD, KeyportHarness } from '../support/keyport-harness';
import { latestTemporaryPassword } from '../support/temporary-password';
import { hasChromium, launchChromium, openPortal, type PortalPage } from './support/chromium';
import { checkPage, createKeyInDialog, navLink, signedInPortal, signIn } from './support/portal-steps';

const OWN_PASSWORD = 'My-0wn-Passw0rd!';
const PENDING_MESSAGE = 'An admin must approve your sign-up before you can create keys';

/**
 * Sign-up approval (SIGNUP_APPROVAL=manual) and invitations in Chromium, against the started app with
 * cognito-local: the admin approves in the console, and invited users set their password at sign-in.
 */
describe.skipIf(!hasChromium)('approvals and invitations in a browser', () => {
  let harness: KeyportHarness;
  let browser: Browser;
  let console_: PortalPage;
  let http: HttpClient;

  beforeAll(async () => {
    harness = await KeyportHarness.start({ env: { SIGNUP_APPROVAL: 'manual' } });
    http = new HttpClient(harness.baseUrl);
    browser = await launchChromium();
    console_ = await signedInPortal(browser, harness.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const adminLink = (page: Page, name: string): Locator => page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name, exact: true });
  const lastAction = (page: Page): Locator => page.getByRole('status').filter({ has: page.getByLabel('Last action') });

  const openDeveloper = async (email: string): Promise<void> => {
    const { page } = console_;
    // By the links: the session lives in the tab's memory, so a page load would sign the admin out.
    await navLink(page, 'Admin').click();
    await adminLink(page, 'Developers').click();
    await page.getByRole('heading', { name: 'Developers', level: 1 }).waitFor();
    await page.getByLabel('Search').fill(email);
    await page.getByRole('table', { name: 'Developers' }).getByRole('link', { name: email }).click();
    await page.getByRole('heading', { name: email, level: 1 }).waitFor();
  };

  /** A new browser session at /login, signing in with an invitation's temporary password and setting its own. */
  const acceptInvitation = async (email: string, temporary: string): Promise<PortalPage> => {
    const invited = await openPortal(browser, harness.baseUrl);
    await invited.page.goto('/login');
    await signIn(invited.page, email, temporary);
    await invited.page.getByRole('heading', { name: 'Set your password' }).waitFor();
    await invited.page.getByLabel('New password').fill('weak');
    await invited.page.getByRole('button', { name: 'Set password' }).click();
    await invited.page.getByText('Use at least 8 characters.').waitFor();
    await checkPage(invited, 'invitation-new-password');
    await invited.page.getByLabel('New password').fill(OWN_PASSWORD);
    await invited.page.getByRole('button', { name: 'Set password' }).click();
    return invited;
  };

  it('with SIGNUP_APPROVAL=manual, a new developer cannot create a key until an admin approves them in the console', async () => {
    const email = uniqueEmail('waiting');
    expect((await http.post('/v1/auth/signup', { email, password: PASSWORD })).status).toBe(201);
    await openDeveloper(email);
    const { page } = console_;
    await page.getByRole('button', { name: 'Confirm sign-up' }).click();
    await lastAction(page).getByText('developer.confirmed').waitFor();
    await page.getByText('pending approval').first().waitFor();
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    await checkPage(console_, 'admin-developer-pending');

    const dev = await signedInPortal(browser, harness.baseUrl, email, PASSWORD);
    await dev.page.getByText('Waiting for approval').waitFor();
    await navLink(dev.page, 'Keys').click();
    await dev.page.getByRole('heading', { name: 'Keys', level: 1 }).waitFor();
    await dev.page.getByRole('note').getByText(PENDING_MESSAGE).waitFor();
    await dev.page.getByRole('button', { name: 'Create key' }).click();
    const dialog = dev.page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('first');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText(PENDING_MESSAGE).waitFor();
    await checkPage(dev, 'portal-pending-key');
    await dev.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Approve' }).click();
    await lastAction(page).getByText(`${email} is approved`).waitFor();
    await lastAction(page).getByText('developer.approved').waitFor();

    await dev.page.getByRole('button', { name: 'Create key' }).click();
    expect(await createKeyInDialog(dev.page, 'first')).toMatch(/\S{20,}/);
    await dev.page.context().close();
  });

  it('declines a pending sign-up from the console: the account is gone', async () => {
    const email = uniqueEmail('declined');
    const signup = await http.post('/v1/auth/signup', { email, password: PASSWORD });
    await openDeveloper(email);
    const { page } = console_;
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Decline sign-up' }).click();
    await page.getByRole('heading', { name: 'Developers', level: 1 }).waitFor();
    await page.getByText(`${email}'s sign-up is declined and removed`).waitFor();
    expect((await http.post('/v1/auth/login', { email, password: PASSWORD })).status).toBe(401);
    expect(signup.status).toBe(201);
  });

  it('invites a developer, who signs in with the temporary password from the log, sets their own and lands in the portal', async () => {
    const { page } = console_;
    const email = uniqueEmail('invited');
    await navLink(page, 'Admin').click();
    await adminLink(page, 'Invitations').click();
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Invite' }).click();
    const row = page.getByRole('table', { name: 'Pending invitations' }).getByRole('row').filter({ hasText: email });
    await row.waitFor();
    await checkPage(console_, 'admin-invitations');
    await row.getByRole('button', { name: 'Resend', exact: true }).click();
    await page.getByText(`A new temporary password is on its way to ${email}`).waitFor();
    const temporary = await latestTemporaryPassword(harness.logFile, email, 2);

    const invited = await acceptInvitation(email, temporary);
    await invited.page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    expect(invited.problems).toEqual([]);
    await invited.page.context().close();
    // Accepted: no longer pending once the list is read again.
    await adminLink(page, 'Tiers').click();
    await adminLink(page, 'Invitations').click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
  });

  it('cancels a pending invitation: its temporary password no longer signs in', async () => {
    const { page } = console_;
    const email = uniqueEmail('cancelled');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Invite' }).click();
    const row = page.getByRole('table', { name: 'Pending invitations' }).getByRole('row').filter({ hasText: email });
    await row.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.getByText(`The invitation of ${email} is cancelled`).waitFor();
    await expect.poll(() => row.count()).toBe(0);
    const temporary = await latestTemporaryPassword(harness.logFile, email);
    expect((await http.post('/v1/auth/login', { email, password: temporary })).status).toBe(401);
  });

  // Before an admin is invited: the suite's admin and the promoted developer are then the only two.
  it('cannot demote the last admin from the console: the page says why and nothing changes', async () => {
    const admin = await adminToken(http);
    const adminId = JSON.parse(Buffer.from(admin.split('.')[1] ?? '', 'base64url').toString()).sub as string;
    const dev = await signUpDeveloper(http, admin, uniqueEmail('promoted'));
    await openDeveloper(dev.email);
    const { page } = console_;
    await page.getByRole('button', { name: 'Make admin' }).click();
    await lastAction(page).getByText('developer.role_changed').waitFor();
    // The promoted developer removes the suite's admin, whose open console (its token still says admin) then
    // tries to demote the one admin left.
    const promoted = (await http.post('/v1/auth/login', { email: dev.email, password: PASSWORD })).body.accessToken;
    expect((await http.put(`/v1/admin/developers/${adminId}/role`, { role: 'developer' }, { token: promoted })).status).toBe(200);
    try {
      await page.getByRole('button', { name: 'Remove admin' }).click();
      await page.getByText('The last admin cannot be removed').waitFor();
      expect((await http.get(`/v1/admin/developers/${dev.id}/role`, { token: promoted })).body).toEqual({ role: 'admin' });
    } finally {
      expect((await http.put(`/v1/admin/developers/${adminId}/role`, { role: 'admin' }, { token: promoted })).status).toBe(200);
    }
  });

  it('invites an admin, who lands in the console after setting their password', async () => {
    const { page } = console_;
    const email = uniqueEmail('new-admin');
    await adminLink(page, 'Invitations').click();
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('checkbox', { name: 'Admin' }).check();
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByText(`${email} is invited as an admin`).waitFor();
    const invited = await acceptInvitation(email, await latestTemporaryPassword(harness.logFile, email));
    await invited.page.getByRole('heading', { name: 'Admin console', level: 1 }).waitFor();
    expect(invited.page.url()).toMatch(/\/admin$/);
    await invited.page.context().close();
  });
});
