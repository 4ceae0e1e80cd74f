import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { KeyportHarness } from './support/keyport-harness';

/** The web app's typed client is generated from this document; `npm run web:api-types` rewrites it. */
const TYPES_FILE = '../apps/portal-web/src/api/keyport-api.gen.ts';

describe('the web app API types', () => {
  let harness: KeyportHarness;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('are what openapi-typescript makes of the OpenAPI document the app serves (run `npm run web:api-types` after changing the API)', async () => {
    const document = (await new HttpClient(harness.baseUrl).get('/docs-json')).body;
    const types = COMMENT_HEADER + astToString(await openapiTS(document));
    await expect(types).toMatchFileSnapshot(TYPES_FILE);
  });
});
