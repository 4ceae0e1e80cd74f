import { HttpClient } from './http-client';
import { adminToken, signUpDeveloper, type SignedInDeveloper, waitForKeyStatus } from './journey';
import { KeyportHarness } from './keyport-harness';
import { type Operation, operationsOf } from './openapi-operations';

/** A started app with an admin, a signed-in developer holding one active key, and every route of its OpenAPI document. */
export interface RouteWorld {
  harness: KeyportHarness;
  http: HttpClient;
  admin: string;
  dev: SignedInDeveloper;
  keyId: string;
  operations: Operation[];
}

/** For suites that call every route: real ids to put in paths, tokens for both roles. */
export async function startRouteWorld(): Promise<RouteWorld> {
  const harness = await KeyportHarness.start();
  const http = new HttpClient(harness.baseUrl);
  const admin = await adminToken(http);
  const dev = await signUpDeveloper(http, admin);
  const keyId = (await http.post('/v1/keys', { name: 'routes' }, { token: dev.token })).body.id;
  await waitForKeyStatus(http, dev.token, keyId, 'active');
  const operations = operationsOf((await http.get('/docs-json')).body);
  return { harness, http, admin, dev, keyId, operations };
}
