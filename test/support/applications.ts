import { expect } from 'vitest';
import { type HttpClient } from './http-client';

export interface CreatedApplication {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  tokenEndpoint: string;
  createdAt: string;
}

export async function createApplication(
  http: HttpClient,
  token: string,
  body: { name: string; scopes?: string[] } = { name: 'service' },
): Promise<CreatedApplication> {
  const created = await http.post('/v1/applications', body, { token });
  expect(created.status).toBe(201);
  return created.body as CreatedApplication;
}

export interface TokenResponse {
  status: number;
  body: any;
}

/** Cognito's token endpoint, as a client calls it: a form body, the credentials by HTTP Basic (or in the form). */
export async function requestClientToken(
  tokenEndpoint: string,
  clientId: string,
  clientSecret: string,
  options: { scope?: string; grantType?: string; inForm?: boolean } = {},
): Promise<TokenResponse> {
  const form = new URLSearchParams({ grant_type: options.grantType ?? 'client_credentials' });
  if (options.scope !== undefined) form.set('scope', options.scope);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.inForm) {
    form.set('client_id', clientId);
    form.set('client_secret', clientSecret);
  } else {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
  }
  const response = await fetch(tokenEndpoint, { method: 'POST', headers, body: form.toString() });
  return { status: response.status, body: await response.json() };
}

/** An access token for the application, or a failed test. */
export async function clientToken(application: Pick<CreatedApplication, 'tokenEndpoint' | 'clientId' | 'clientSecret'>, scope?: string): Promise<string> {
  const token = await requestClientToken(application.tokenEndpoint, application.clientId, application.clientSecret, scope === undefined ? {} : { scope });
  expect(token.status).toBe(200);
  return token.body.access_token as string;
}

/** The claims of a JWT, unverified (what a client may read of its own token). */
export function jwtClaims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
