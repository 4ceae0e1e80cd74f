import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeStripe } from '../fakes/stripe/fake-stripe.server';
import { deliver, startWithFakeStripe } from '../support/billing';
import { HttpClient } from '../support/http-client';
import { adminToken, PASSWORD, signUpDeveloper } from '../support/journey';
import { type KeyportHarness } from '../support/keyport-harness';
import { hasChromium, launchChromium } from './support/chromium';
import { checkPage, signedInPortal, signIn } from './support/portal-steps';

/** The plan page with billing on, against the fake Stripe: Checkout and the Customer Portal are pages the API creates. */
describe.skipIf(!hasChromium)('the plan page with billing on', () => {
  let stripe: FakeStripe;
  let harness: KeyportHarness;
  let browser: Browser;

  beforeAll(async () => {
    ({ stripe, harness } = await startWithFakeStripe());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await stripe?.stop();
  });

  it('sends a move to a paid tier to Stripe Checkout, shows the tier and invoice once paid, and opens the Customer Portal', async () => {
    const http = new HttpClient(harness.baseUrl);
    const developer = await signUpDeveloper(http, await adminToken(http));
    const portal = await signedInPortal(browser, harness.baseUrl, developer.email, PASSWORD);
    const { page } = portal;
    // Stripe's hosted pages are not reachable from here: answer them in the browser.
    await page
      .context()
      .route(/^https:\/\/(checkout|billing)\.stripe\.test\//, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Stripe</title>' }));

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
    await page.getByRole('button', { name: 'Manage billing' }).waitFor();
    await page.getByText('No invoices yet.').waitFor();
    // The tiers side by side, with the price Stripe holds for the paid one.
    await page.getByRole('table', { name: 'Premium tier' }).getByText('$49.00 per month').waitFor();
    await page.getByRole('table', { name: 'Standard tier' }).getByText('Free').waitFor();
    await page.getByRole('button', { name: 'Switch to Premium' }).click();
    await page.waitForURL(/^https:\/\/checkout\.stripe\.test\//);

    const { session } = stripe.completeCheckout(page.url());
    expect((await deliver(http, stripe, stripe.event('checkout.session.completed', session))).status).toBe(200);
    // Back from Checkout to the success URL, by default the portal's Plan page (here on the harness's own port):
    // a new page load, still signed in through the session cookie.
    const back = new URL(session.success_url);
    expect(back.pathname + back.search).toBe('/plan?checkout=success');
    await page.goto(back.pathname + back.search);
    await page.getByText('Payment received').waitFor();
    await page.getByRole('table', { name: 'Invoices' }).getByText('KP-1').waitFor();
    await page.getByRole('button', { name: 'Switch to Standard' }).waitFor();
    await checkPage(portal, 'plan-billing');

    await page.getByRole('button', { name: 'Manage billing' }).click();
    await page.waitForURL(/^https:\/\/billing\.stripe\.test\//);
  });
});
