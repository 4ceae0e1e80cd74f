import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoConnection } from '@keyport/cognito';
import { ManagedKeysService } from '@keyport/keys';
import { clientToken, createApplication, jwtClaims, type CreatedApplication } from './support/applications';
import { createTier, eventually, issueKey, joinTier } from './support/gateway-journey';
import { type HttpClient } from './support/http-client';
import { type SignedInDeveloper, signUpDeveloper, startWithAdmin } from './support/journey';
import { type KeyportHarness } from './support/keyport-harness';
import { managedKeyReady } from './support/managed-keys';
import { TokenForge } from './support/token-forge';

const ROOT = path.join(__dirname, '..');
const SECRET = 'a-shared-secret-of-at-least-32-characters';
const METHOD_ARN = 'arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request';
const TTL_SECONDS = 1;

/** The built bundle's exports (dist/authorizer/index.js, what the zip holds). */
interface Bundle {
  handler: (event: unknown) => Promise<any>;
  createHandler: (config: unknown) => (event: unknown) => Promise<any>;
  readAuthorizerConfig: (env: Record<string, string | undefined>) => unknown;
}

/** API Gateway's REQUEST authorizer event (payload 1.0), as its documentation shows it. */
function requestEvent(authorization?: string): Record<string, unknown> {
  const headers: Record<string, string> = { Accept: '*/*', Host: 'abcdef123.execute-api.us-east-1.amazonaws.com', 'User-Agent': 'curl/8.5.0' };
  if (authorization !== undefined) headers.Authorization = authorization;
  return {
    type: 'REQUEST',
    methodArn: METHOD_ARN,
    resource: '/request',
    path: '/request',
    httpMethod: 'GET',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    queryStringParameters: {},
    multiValueQueryStringParameters: {},
    pathParameters: {},
    stageVariables: {},
    requestContext: {
      path: '/request',
      accountId: '123456789012',
      resourceId: '05c7jb',
      stage: 'test',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      identity: { sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' },
      resourcePath: '/request',
      httpMethod: 'GET',
      apiId: 'abcdef123',
    },
  };
}

describe('the Lambda authorizer (apps/authorizer), built and fed API Gateway REQUEST events', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;
  let bundle: Bundle;
  let authorize: (event: unknown) => Promise<any>;
  let env: Record<string, string>;
  let dev: SignedInDeveloper;
  let app: CreatedApplication;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-authorizer.cjs')], { cwd: ROOT, stdio: 'pipe' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    bundle = require(path.join(ROOT, 'dist', 'authorizer', 'index.js')) as Bundle;
    ({ harness, http, admin } = await startWithAdmin({ env: { AUTHORIZER_SECRET: SECRET } }));
    const cognito = harness.app.get(CognitoConnection);
    env = {
      KEYPORT_INTERNAL_URL: harness.baseUrl,
      AUTHORIZER_SECRET: SECRET,
      COGNITO_ISSUER: cognito.issuer,
      COGNITO_JWKS_URL: cognito.jwksUri,
      AUTHORIZER_CACHE_TTL_SECONDS: String(TTL_SECONDS),
    };
    authorize = bundle.createHandler(bundle.readAuthorizerConfig(env));
    const tier = await createTier(harness, { throttle: { rateLimit: 100, burstLimit: 100 }, quota: { limit: 1000, period: 'DAY' } });
    dev = await signUpDeveloper(http, admin);
    await joinTier(http, dev, tier);
    app = await createApplication(http, dev.token, { name: 'lambda-metered', scopes: ['read'] });
    await managedKeyReady(harness, app.id);
  });

  afterAll(() => harness?.close());

  it("allows an application's token with the documented output: policy, context and its managed key as usageIdentifierKey", async () => {
    const result = await authorize(requestEvent(`Bearer ${await clientToken(app)}`));
    // From Keyport itself: the internal route would be the authorizer's own source, and no other route shows the key.
    const managed = await harness.app.get(ManagedKeysService).current(app.id);
    expect(result).toEqual({
      principalId: dev.id,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: 'arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/*' }],
      },
      context: { developerId: dev.id, applicationId: app.id, scopes: 'keyport-api/read', reason: '' },
      usageIdentifierKey: managed?.value,
    });
    expect(managed?.value).toMatch(/\S{20,}/);
  });

  it("denies a person's token with the reason (no key of theirs to meter by: Keyport keeps only hashes), keys or not", async () => {
    const keyless = await signUpDeveloper(http, admin);
    await issueKey(harness, http, dev, 'own');
    for (const person of [dev, keyless]) {
      const result = await authorize(requestEvent(`Bearer ${person.token}`));
      expect(result).toMatchObject({ principalId: person.id, context: { reason: 'PERSON_TOKEN_NOT_METERED' } });
      expect(result.policyDocument.Statement[0].Effect).toBe('Deny');
      expect(result).not.toHaveProperty('usageIdentifierKey');
    }
  });

  it('throws Unauthorized (API Gateway answers 401) for no, malformed, tampered, forged, expired and ID tokens', async () => {
    const token = await clientToken(app);
    const [header, payload, signature] = token.split('.');
    const claims = jwtClaims(token);
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, scope: 'keyport-api/write' })).toString('base64url')}.${signature}`;
    const trusted = await TokenForge.installation(harness.dataDir);
    const now = Math.floor(Date.now() / 1000);
    const expired = trusted.sign({ ...claims, iat: now - 7200, exp: now - 3600 });
    const login = await http.post('/v1/auth/login', { email: dev.email, password: 'Sup3r-Secret!' });
    const cases: Record<string, string | undefined> = {
      none: undefined,
      basic: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
      malformed: 'Bearer not-a-jwt',
      tampered: `Bearer ${tampered}`,
      stranger: `Bearer ${TokenForge.stranger().sign({ ...claims, exp: now + 600 })}`,
      expired: `Bearer ${expired}`,
      idToken: `Bearer ${login.body.idToken}`,
    };
    // The forge is faithful: the same claims, unexpired, pass.
    expect((await authorize(requestEvent(`Bearer ${trusted.sign({ ...claims, exp: now + 600 })}`))).principalId).toBe(dev.id);
    for (const [label, authorization] of Object.entries(cases)) {
      await expect(authorize(requestEvent(authorization)), label).rejects.toThrow(/^Unauthorized$/);
    }
  });

  it("denies a suspended developer's callers (403), and stops honouring a deleted application within the cache TTL", async () => {
    const other = await signUpDeveloper(http, admin);
    const theirApp = await createApplication(http, other.token, { name: 'soon-gone' });
    const token = await clientToken(theirApp);
    expect((await authorize(requestEvent(`Bearer ${token}`))).policyDocument.Statement[0].Effect).toBe('Allow');
    expect((await http.delete(`/v1/applications/${theirApp.id}`, { token: other.token })).status).toBe(204);
    const deleted = Date.now();
    await eventually(async () => {
      try {
        await authorize(requestEvent(`Bearer ${token}`));
        return false;
      } catch (error) {
        return (error as Error).message === 'Unauthorized';
      }
    }, 10_000);
    expect(Date.now() - deleted).toBeLessThan(TTL_SECONDS * 1000 + 3_000);

    const suspended = await signUpDeveloper(http, admin);
    expect((await http.post(`/v1/admin/developers/${suspended.id}/suspend`, { reason: 'abuse' }, { token: admin })).status).toBe(200);
    const denied = await authorize(requestEvent(`Bearer ${suspended.token}`));
    expect(denied.policyDocument.Statement[0].Effect).toBe('Deny');
    expect(denied.context.reason).toBe('DEVELOPER_NOT_ACTIVE');
    expect(denied).not.toHaveProperty('usageIdentifierKey');
  });

  it('packs the bundle as index.js in a zip Lambda can read (deflate, CRC-32, a central directory)', () => {
    const archive = readFileSync(path.join(ROOT, 'dist', 'authorizer', 'authorizer.zip'));
    const bundleCode = readFileSync(path.join(ROOT, 'dist', 'authorizer', 'index.js'));
    expect(archive.readUInt32LE(0)).toBe(0x04034b50);
    const nameLength = archive.readUInt16LE(26);
    expect(archive.toString('utf8', 30, 30 + nameLength)).toBe('index.js');
    const compressed = archive.subarray(30 + nameLength, 30 + nameLength + archive.readUInt32LE(18));
    const data = inflateRawSync(compressed);
    expect(data.equals(bundleCode)).toBe(true);
    expect(archive.readUInt32LE(14)).toBe(crc32(data));
    expect(archive.readUInt32LE(archive.length - 22)).toBe(0x06054b50);
    // No native modules, no Nest, no Prisma in the bundle.
    expect(bundleCode.toString('utf8')).not.toMatch(/\.node['"]|@nestjs|@prisma/);
  });

  it('serves the exported Lambda entry point from its environment', async () => {
    Object.assign(process.env, env);
    const result = await bundle.handler(requestEvent(`Bearer ${await clientToken(app)}`));
    expect(result.context.applicationId).toBe(app.id);
  });

  it('guards the internal route with the shared secret and keeps it out of the OpenAPI document', async () => {
    for (const headers of [{}, { 'x-keyport-authorizer-secret': `${SECRET}x` }] as Array<Record<string, string>>) {
      const refused = await http.get(`/internal/authorizer/applications/${app.clientId}`, { headers });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('AUTHORIZER_SECRET_INVALID');
    }
    const unknown = await http.get('/internal/authorizer/applications/no-such-client', { headers: { 'x-keyport-authorizer-secret': SECRET } });
    expect(unknown.status).toBe(404);
    const doc = await http.get('/docs-json');
    expect(Object.keys(doc.body.paths).filter((p) => p.startsWith('/internal'))).toEqual([]);
  });
});
