import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCognitoConnection } from './cognito-connection';
import { LocalCognitoServer } from './local/local-cognito.server';

describe('openCognitoConnection', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'keyport-connection-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('uses the real pool for aws mode, with the regional issuer and JWKS', async () => {
    const opened = await openCognitoConnection({
      mode: 'aws',
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_AbCdEfGhI',
      clientId: 'abc123',
      localPort: 0,
      localDataDir: path.join(root, 'unused'),
    });
    expect({ ...opened.connection }).toEqual({
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_AbCdEfGhI',
      clientId: 'abc123',
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI',
      jwksUri: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI/.well-known/jwks.json',
      local: false,
    });
    expect(opened.server).toBeUndefined();
    await opened.close();
  });

  it('refuses aws mode without pool and client ids', async () => {
    await expect(openCognitoConnection({ mode: 'aws', region: 'eu-west-1', localPort: 0, localDataDir: root })).rejects.toThrow(/user pool id/);
  });

  it('provisions an external cognito-local given as endpoint, without starting or stopping one', async () => {
    const external = await LocalCognitoServer.start({ port: 0, dataDir: path.join(root, 'external') });
    try {
      const opened = await openCognitoConnection({
        mode: 'local',
        region: 'local',
        endpoint: `${external.endpoint}/`,
        localPort: 0,
        localDataDir: path.join(root, 'ids'),
      });
      expect(opened.server).toBeUndefined();
      expect(opened.connection.endpoint).toBe(external.endpoint);
      expect(opened.connection.issuer).toBe(external.issuerFor(opened.connection.userPoolId));
      await opened.close();
      expect((await fetch(`${external.endpoint}/health`)).status).toBe(200);
    } finally {
      await external.close();
    }
  });

  it('refuses cognito-local under NODE_ENV=production unless ALLOW_EMBEDDED_COGNITO_IN_PRODUCTION says so', async () => {
    const settings = { mode: 'local' as const, region: 'local', localPort: 0, localDataDir: path.join(root, 'production') };
    await expect(openCognitoConnection(settings, { production: true })).rejects.toThrow(/COGNITO_USER_POOL_ID.*ALLOW_EMBEDDED_COGNITO_IN_PRODUCTION=true/);
    const allowed = await openCognitoConnection({ ...settings, allowLocalInProduction: true }, { production: true });
    expect(allowed.connection.local).toBe(true);
    await allowed.close();
  });
});
