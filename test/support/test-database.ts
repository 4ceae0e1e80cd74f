import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export interface TestDatabase {
  kind: 'pglite' | 'postgres';
  /** Set for 'postgres': a database created for this test only. */
  databaseUrl?: string;
  /** A fresh empty folder for embedded state (the PGlite data folder when kind is 'pglite'). */
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh database per call: on the PostgreSQL server named by TEST_DATABASE_URL when it is set
 * (CI runs the suite both ways), else an embedded PGlite living in a temp folder.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kp-test-'));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return { kind: 'pglite', dataDir, drop: removeDataDir };

  const name = `kp_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    databaseUrl: url.toString(),
    dataDir,
    drop: async () => {
      // FORCE ends connections a test left open (PostgreSQL 13+).
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await removeDataDir();
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
