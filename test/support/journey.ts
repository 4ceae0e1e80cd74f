import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type HarnessOptions, KeyportHarness } from './keyport-harness';
import { HttpClient } from './http-client';

export const PASSWORD = 'Sup3r-Secret!';

export interface SignedInDeveloper {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
}

export const uniqueEmail = (label = 'dev'): string => `${label}-${randomUUID().slice(0, 8)}@example.com`;

export async function adminToken(http: HttpClient): Promise<string> {
  const login = await http.post('/v1/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  expect(login.status).toBe(200);
  return login.body.accessToken;
}

/** A started app, a client for it and an admin's access token. */
export async function startWithAdmin(options?: HarnessOptions): Promise<{ harness: KeyportHarness; http: HttpClient; admin: string }> {
  const harness = await KeyportHarness.start(options);
  const http = new HttpClient(harness.baseUrl);
  return { harness, http, admin: await adminToken(http) };
}

/** Sign-up, admin confirmation and sign-in over HTTP, as a developer would with the README. */
export async function signUpDeveloper(http: HttpClient, admin: string, email = uniqueEmail()): Promise<SignedInDeveloper> {
  const signup = await http.post('/v1/auth/signup', { email, password: PASSWORD });
  expect(signup.status).toBe(201);
  const confirm = await http.post(`/v1/admin/developers/${signup.body.userId}/confirm`, undefined, { token: admin });
  expect(confirm.status).toBe(204);
  const login = await http.post('/v1/auth/login', { email, password: PASSWORD });
  expect(login.status).toBe(200);
  return { id: signup.body.userId, email, token: login.body.accessToken, refreshToken: login.body.refreshToken };
}

/** Waits until the worker has applied a key to the gateway. */
export async function waitForKeyStatus(http: HttpClient, token: string, keyId: string, status: string): Promise<any> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const key = await http.get(`/v1/keys/${keyId}`, { token });
    if (key.body?.status === status) return key.body;
    if (Date.now() > deadline) throw new Error(`key ${keyId} stayed ${key.body?.status}, wanted ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function expectErrorShape(body: any, statusCode: number): void {
  expect(body).toMatchObject({ statusCode, error: expect.any(String), message: expect.any(String), code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/) });
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}
