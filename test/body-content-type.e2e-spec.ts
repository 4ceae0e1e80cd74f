import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { adminToken, expectErrorShape, signUpDeveloper, type SignedInDeveloper } from './support/journey';
import { KeyportHarness } from './support/keyport-harness';

/**
 * A body that is not JSON, on a JSON route, is a 415 in the error shape, whatever its content type
 * claims (issue 11: "Honest validation messages"). The JSON body parser that answers so is issue
 * 10's work: on a branch without it these two fail (today a form body is parsed into one unknown
 * field, and broken JSON is a 400).
 */
describe('a body that is not JSON', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let dev: SignedInDeveloper;

  beforeAll(async () => {
    harness = await KeyportHarness.start();
    http = new HttpClient(harness.baseUrl);
    dev = await signUpDeveloper(http, await adminToken(http));
  });

  afterAll(() => harness?.close());

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a form body (curl -d without a content type)', async () => {
    const result = await http.post('/v1/keys', undefined, {
      token: dev.token,
      rawBody: '{"name":"production"}',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(result.status, result.text).toBe(415);
    expectErrorShape(result.body, 415);
    expect(result.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to `content-type: application/json` with a body that is not JSON', async () => {
    const result = await http.post('/v1/keys', undefined, { token: dev.token, rawBody: 'name=production' });
    expect(result.status, result.text).toBe(415);
    expectErrorShape(result.body, 415);
    expect(result.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
