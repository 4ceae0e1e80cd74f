import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppConfig, type CognitoSettings, ConfigModule } from '@keyport/config';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoConnection } from './cognito-connection';
import { CognitoModule } from './cognito.module';
import { AccessTokenVerifier, type AuthTokens, IdentityProvider } from './identity-provider.port';

describe('CognitoModule (local mode)', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'keyport-cognito-module-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('starts cognito-local, provides both ports and the connection, and stops the server on shutdown', async () => {
    // Only `cognito` is read by this module; built this way the test does not follow AppConfig's constructor.
    const cognito: CognitoSettings = { mode: 'local', region: 'local', localPort: 0, localDataDir: path.join(root, 'cognito') };
    const config = Object.assign(Object.create(AppConfig.prototype) as AppConfig, { cognito });
    const started = performance.now();
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), CognitoModule] }).compile();
    const app = await moduleRef.init(); // an application context: no HTTP adapter needed
    console.info(`[cognito] Nest module init incl. local server + provisioning: ${(performance.now() - started).toFixed(0)} ms`);

    const connection = app.get(CognitoConnection);
    expect(connection.local).toBe(true);
    expect(connection.issuer).toBe(`${connection.endpoint}/${connection.userPoolId}`);
    const idp = app.get(IdentityProvider);
    const verifier = app.get(AccessTokenVerifier);

    await idp.ping();
    const { userId } = await idp.ensureAdmin('root@example.com', 'Str0ng!Passw0rd');
    const tokens = (await idp.login('root@example.com', 'Str0ng!Passw0rd')) as AuthTokens;
    expect(await verifier.verify(tokens.accessToken)).toMatchObject({ userId, groups: ['admin'] });

    await app.close();
    await expect(fetch(`${connection.endpoint}/health`)).rejects.toThrow();
  });
});
