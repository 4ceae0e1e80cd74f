import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/http-client';
import { adminToken, PASSWORD, signUpDeveloper, waitForKeyStatus } from '../support/journey';
import { KeyportHarness } from '../support/keyport-harness';
import { hasChromium, launchChromium, type PortalPage } from './support/chromium';
import { checkPage, navLink, signedInPortal } from './support/portal-steps';

const SHOP_YAML = `openapi: 3.0.3
info:
  title: Shop API
  version: "2.1"
  description: Items and baskets of the shop.
tags:
  - name: items
paths:
  /items/{itemId}:
    get:
      tags: [items]
      summary: Read an item
      parameters:
        - name: itemId
          in: path
          required: true
          description: The item
          schema: { type: string, example: "42" }
        - name: fields
          in: query
          schema: { type: string }
      responses:
        "200":
          description: The item
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Item" }
  /baskets:
    post:
      tags: [baskets]
      summary: Start a basket
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Item" }
      responses:
        "201": { description: Started }
components:
  schemas:
    Item:
      type: object
      required: [id]
      properties:
        id: { type: string, description: The item id }
        price: { type: number, example: 9.5 }
`;

/**
 * The APIs page in Chromium: a document an admin uploads through PUT /v1/admin/apis/{slug} is
 * rendered as a reference, and its "Try it" calls the embedded gateway from the browser (CORS, the
 * page's connect-src) with the developer's token and pasted key, reaching the echo upstream.
 */
describe.skipIf(!hasChromium)('the APIs page: reference and "Try it"', () => {
  let harness: KeyportHarness;
  let browser: Browser;
  let portal: PortalPage;
  let keyValue = '';

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    const http = new HttpClient(harness.baseUrl);
    const admin = await adminToken(http);
    const uploaded = await http.request('PUT', '/v1/admin/apis/shop', { rawBody: SHOP_YAML, headers: { 'content-type': 'application/yaml' }, token: admin });
    expect(uploaded.status, uploaded.text).toBe(201);
    const developer = await signUpDeveloper(http, admin);
    const key = await http.post('/v1/keys', { name: 'try-it' }, { token: developer.token });
    expect(key.status).toBe(201);
    keyValue = key.body.value;
    await waitForKeyStatus(http, developer.token, key.body.id, 'active');
    browser = await launchChromium();
    portal = await signedInPortal(browser, harness.baseUrl, developer.email, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('lists the catalogue and renders the uploaded document: operations by tag, parameters, body, responses, schemas', async () => {
    const { page } = portal;
    await navLink(page, 'APIs').click();
    await page.getByRole('heading', { name: 'APIs', level: 1 }).waitFor();
    const catalogue = page.getByRole('navigation', { name: 'Published APIs' });
    // The seeded echo demo and the uploaded document, by title.
    await catalogue.getByRole('link', { name: /Echo \(demo\)/ }).waitFor();
    await catalogue.getByRole('link', { name: /Shop API/ }).click();
    await page.getByRole('heading', { name: 'Shop API', level: 2 }).waitFor();
    for (const name of ['items', 'baskets', 'Schemas']) await page.getByRole('heading', { name, exact: true, level: 3 }).waitFor();
    expect(await page.getByText(harness.gatewayUrl, { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: /GET\s*\/items\/\{itemId\}/ }).click();
    const parameters = page.getByRole('table', { name: 'Parameters of GET /items/{itemId}' });
    await parameters.waitFor();
    expect(await parameters.getByRole('row').count()).toBe(3);
  });

  it('"Try it" calls the gateway with the pasted key and the session\'s token, and shows 200 and the echo', async () => {
    const { page } = portal;
    // Only the open operation's panel is shown, so its "Try it" is the one button of that name.
    await page.getByRole('button', { name: 'Try it', exact: true }).click();
    const form = page.getByRole('form', { name: 'Try GET /items/{itemId}' });
    expect(await form.getByLabel('itemId').inputValue()).toBe('42');
    await form.getByLabel('fields').fill('price');
    await form.getByLabel('API key').fill(keyValue);
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByText('Status 200').waitFor({ timeout: 30_000 });
    const echoed = JSON.parse((await form.getByLabel('Response body').textContent()) ?? '{}');
    expect(echoed).toMatchObject({ method: 'GET', path: '/items/42', query: { fields: 'price' } });
    expect(echoed.keyId).toEqual(expect.any(String));
    await checkPage(portal, 'apis-reference');
    // From the top, so the sticky header sits where a reader expects it in the README's picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join('docs', 'screenshots', 'apis.png'), fullPage: true });
  });

  it("shows the gateway's refusal when the key is not one of the caller's", async () => {
    const form = portal.page.getByRole('form', { name: 'Try GET /items/{itemId}' });
    await form.getByLabel('API key').fill('not-a-key');
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByText('Status 403').waitFor({ timeout: 30_000 });
  });
});
