import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const ROOT = path.resolve(__dirname, '..');

/** `npm run db:migrate` exactly as the README writes it; resolves with its exit code and output, never rejects. */
async function dbMigrate(env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'db:migrate'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function migrationFolders(): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, 'prisma', 'migrations'), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe('npm run db:migrate', () => {
  it('says what to set and exits 2 without DATABASE_URL', async () => {
    const result = await dbMigrate({ DATABASE_URL: undefined });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL is not set');
  }, 180_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('npm run db:migrate on PostgreSQL (skipped without TEST_DATABASE_URL)', () => {
  let database: TestDatabase;
  let urlWithPassword: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The local server trusts its clients, so any password goes; it must never appear in the output.
    const url = new URL(database.databaseUrl!);
    url.password = 'do-not-print-me';
    urlWithPassword = url.toString();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('applies every migration once, records them as Prisma does, and is up to date the second time', async () => {
    const first = await dbMigrate({ DATABASE_URL: urlWithPassword });
    expect(first.code, first.stderr).toBe(0);
    const folders = await migrationFolders();
    expect(first.stdout).toContain(`applied ${folders.length} migration(s)`);
    for (const folder of folders) expect(first.stdout).toContain(folder);

    const client = new Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string }>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(rows.map((row) => row.migration_name)).toEqual(folders);
    } finally {
      await client.end();
    }

    const second = await dbMigrate({ DATABASE_URL: urlWithPassword });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('up to date, no migration applied');
    expect(`${first.stdout}${first.stderr}${second.stdout}${second.stderr}`).not.toContain('do-not-print-me');
  }, 180_000);
});
