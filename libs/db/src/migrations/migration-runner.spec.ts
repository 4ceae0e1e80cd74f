import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client, Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/support/test-database';
import { defaultMigrationsDir, MigrationRunner } from './migration-runner';
import { prismaMigrationStatus } from './migration-status';
import { readMigrationsFolder } from './migrations-folder';
import { PgSqlExecutor } from './pg.sql-executor';
import { PgliteSqlExecutor } from './pglite.sql-executor';
import type { SqlExecutor } from './sql-executor';

interface Backend {
  executor: SqlExecutor;
  /** Another connection to the same database. */
  connect(): Promise<SqlExecutor>;
  /** Prisma's own view of the database, for checking compatibility. */
  prismaStatus(migrationsDir: string): ReturnType<typeof prismaMigrationStatus>;
  close(): Promise<void>;
}

async function pgliteBackend(): Promise<Backend> {
  const db = new PGlite();
  await db.waitReady;
  return {
    executor: new PgliteSqlExecutor(db),
    connect: () => Promise.reject(new Error('PGlite is a single connection')),
    prismaStatus: (dir) => prismaMigrationStatus(new PrismaPGlite(db), dir),
    close: () => db.close(),
  };
}

async function postgresBackend(): Promise<Backend> {
  const database = await createTestDatabase();
  const url = database.databaseUrl!;
  const clients: Client[] = [];
  const connect = async () => {
    const client = new Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return new PgSqlExecutor(client);
  };
  return {
    executor: await connect(),
    connect,
    prismaStatus: async (dir) => {
      const pool = new Pool({ connectionString: url });
      try {
        return await prismaMigrationStatus(new PrismaPg(pool), dir);
      } finally {
        await pool.end();
      }
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.end()));
      await database.drop();
    },
  };
}

const backends: [string, () => Promise<Backend>][] = [['PGlite (in memory)', pgliteBackend]];
if (process.env.TEST_DATABASE_URL) backends.push(['PostgreSQL', postgresBackend]);

describe.each(backends)('MigrationRunner on %s', (kind, openBackend) => {
  const migrationsDir = defaultMigrationsDir();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function backend(): Promise<Backend> {
    const b = await openBackend();
    cleanups.push(() => b.close());
    return b;
  }

  it('applies every migration once, then nothing', async () => {
    const { executor } = await backend();
    const names = (await readMigrationsFolder(migrationsDir)).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);

    const started = performance.now();
    expect(await new MigrationRunner(migrationsDir).apply(executor)).toEqual({ applied: names });
    console.info(`[${kind}] applied ${names.length} migration(s) in ${Math.round(performance.now() - started)} ms`);
    expect(await new MigrationRunner(migrationsDir).apply(executor)).toEqual({ applied: [] });

    const tables = await executor.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'developers'`,
    );
    expect(tables).toHaveLength(1);
  });

  it('records migrations as Prisma does, so Prisma finds nothing to apply', async () => {
    const b = await backend();
    await new MigrationRunner(migrationsDir).apply(b.executor);

    const rows = await b.executor.query<{
      id: string;
      checksum: string;
      finished_at: Date | null;
      migration_name: string;
      logs: string | null;
      rolled_back_at: Date | null;
      started_at: Date;
      applied_steps_count: number;
    }>('SELECT * FROM "_prisma_migrations" ORDER BY migration_name');
    const files = await readMigrationsFolder(migrationsDir);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const row of rows) {
      const raw = await readFile(path.join(migrationsDir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(raw).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }

    const columns = await b.executor.query<{ column_name: string; data_type: string; character_maximum_length: number | null }>(
      `SELECT column_name, data_type, character_maximum_length FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.character_maximum_length])).toEqual([
      ['id', 'character varying', 36],
      ['checksum', 'character varying', 64],
      ['finished_at', 'timestamp with time zone', null],
      ['migration_name', 'character varying', 255],
      ['logs', 'text', null],
      ['rolled_back_at', 'timestamp with time zone', null],
      ['started_at', 'timestamp with time zone', null],
      ['applied_steps_count', 'integer', null],
    ]);

    // Prisma's schema engine (the logic behind `migrate status` and `migrate deploy`).
    expect(await b.prismaStatus(migrationsDir)).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });

  it('refuses to run when an applied migration was edited', async () => {
    const { executor } = await backend();
    await new MigrationRunner(migrationsDir).apply(executor);
    await executor.query(`UPDATE "_prisma_migrations" SET checksum = $1`, ['0'.repeat(64)]);
    await expect(new MigrationRunner(migrationsDir).apply(executor)).rejects.toThrow(/modified after they were applied/);
  });

  it('refuses to run after a failed, unfinished migration', async () => {
    const { executor } = await backend();
    await new MigrationRunner(migrationsDir).apply(executor);
    await executor.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count)
       VALUES ('00000000-0000-4000-8000-000000000000', $1, '29991231000000_broken', 'boom', 0)`,
      ['0'.repeat(64)],
    );
    await expect(new MigrationRunner(migrationsDir).apply(executor)).rejects.toThrow(/29991231000000_broken started but never finished/);
  });

  it('rolls back a failing migration entirely and records nothing', async () => {
    const { executor } = await backend();
    const dir = await mkdtemp(path.join(tmpdir(), 'kp-migrations-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(migrationsDir, dir, { recursive: true });
    await mkdir(path.join(dir, '29991231000000_broken'));
    await writeFile(
      path.join(dir, '29991231000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;\n',
    );

    await expect(new MigrationRunner(dir).apply(executor)).rejects.toThrow(/29991231000000_broken failed and was rolled back/);
    const halfDone = await executor.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(halfDone).toHaveLength(0);
    const recorded = await executor.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations"');
    expect(recorded.map((r) => r.migration_name)).not.toContain('29991231000000_broken');
    // The migrations before it stay applied.
    expect(recorded.length).toBe((await readMigrationsFolder(migrationsDir)).length);
  });

  it('keeps audit_log append-only', async () => {
    const { executor } = await backend();
    await new MigrationRunner(migrationsDir).apply(executor);
    await executor.query(`INSERT INTO "audit_log" (actor_type, action) VALUES ('admin', 'tier.update')`);
    await expect(executor.query(`UPDATE "audit_log" SET action = 'rewritten'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(executor.query(`DELETE FROM "audit_log"`)).rejects.toThrow(/append-only: DELETE/);
    const rows = await executor.query<{ action: string }>('SELECT action FROM "audit_log"');
    expect(rows).toEqual([{ action: 'tier.update' }]);
  });

  it.runIf(kind === 'PostgreSQL')('applies each migration exactly once when two runners start together', async () => {
    const b = await backend();
    const [first, second] = await Promise.all([b.connect(), b.connect()]);
    const results = await Promise.all([new MigrationRunner(migrationsDir).apply(first), new MigrationRunner(migrationsDir).apply(second)]);
    const names = (await readMigrationsFolder(migrationsDir)).map((m) => m.name);
    expect([...results[0].applied, ...results[1].applied].sort()).toEqual(names);
    const counts = await b.executor.query<{ migration_name: string; n: string }>(
      'SELECT migration_name, count(*) AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name',
    );
    expect(counts).toEqual(names.map((name) => ({ migration_name: name, n: '1' })));
  });
});
