import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCognitoServer } from './local-cognito.server';
import { loadInstallationKey } from './installation-key';
import { LocalPoolProvisioner } from './local-pool.provisioner';

describe('LocalCognitoServer + LocalPoolProvisioner', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'keyport-cognito-')), 'nested', 'state');
  });
  afterAll(async () => {
    await rm(path.dirname(path.dirname(dataDir)), { recursive: true, force: true });
  });

  it('starts on a free port in its own data folder and serves the JWKS per pool', async () => {
    const started = performance.now();
    const server = await LocalCognitoServer.start({ port: 0, dataDir });
    const startMs = performance.now() - started;
    try {
      expect(server.port).toBeGreaterThan(0);
      expect(server.endpoint).toBe(`http://127.0.0.1:${server.port}`);
      const pool = await LocalPoolProvisioner.provision({ endpoint: server.endpoint, dataDir });
      expect(pool.userPoolId).toMatch(/^local_/);
      expect(JSON.parse(await readFile(path.join(dataDir, 'pool.json'), 'utf8'))).toEqual(pool);
      const jwks = (await (await fetch(`${server.endpoint}/${pool.userPoolId}/.well-known/jwks.json`)).json()) as {
        keys: { kid: string; alg: string }[];
      };
      // This installation's key alone, never the one cognito-local publishes in its package.
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]).toMatchObject({ kid: (await loadInstallationKey(dataDir)).kid, alg: 'RS256' });
      expect(jwks.keys[0]?.kid).not.toBe('CognitoLocal');
      expect(server.issuerFor(pool.userPoolId)).toBe(`${server.endpoint}/${pool.userPoolId}`);

      // A second run reuses the ids.
      expect(await LocalPoolProvisioner.provision({ endpoint: server.endpoint, dataDir })).toEqual(pool);
      console.info(`[cognito] local server start: ${startMs.toFixed(0)} ms (cold, first in this worker)`);
    } finally {
      await server.close();
    }
  });

  it('does not write .cognito under the working folder', async () => {
    const { existsSync } = await import('node:fs');
    expect(existsSync(path.join(process.cwd(), '.cognito'))).toBe(false);
  });
});
