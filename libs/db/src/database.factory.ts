import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { Client, Pool } from 'pg';
import { ensurePrivateDir, restrictTree } from '@keyport/common';
import { type DatabaseSettings } from '@keyport/config';
import { type DatabaseConnection } from './database-connection';
import { MigrationRunner, defaultMigrationsDir } from './migrations/migration-runner';
import { PgSqlExecutor } from './migrations/pg.sql-executor';
import { type SqlExecutor } from './migrations/sql-executor';
import { PgliteSqlExecutor } from './migrations/pglite.sql-executor';
import { openPglite } from './pglite-template';
import { PrismaService } from './prisma.service';

/** Opens PostgreSQL when a URL is configured, otherwise the embedded PGlite database in the data folder. */
export async function openDatabase(settings: DatabaseSettings): Promise<DatabaseConnection> {
  return settings.url === undefined ? openEmbedded(settings.dataDir) : openPostgres(settings.url, settings.migrateOnStart);
}

async function openEmbedded(dataDir: string): Promise<DatabaseConnection> {
  const folder = path.resolve(dataDir, 'pg');
  await ensurePrivateDir(path.resolve(dataDir));
  await ensurePrivateDir(folder);
  const pglite = await openPglite(folder);
  // The embedded database is always migrated at start: there is no operator to run a command.
  await applyPendingMigrations(new PgliteSqlExecutor(pglite));
  // PGlite creates its files 0666: owner-only once open (older versions' files included), and again
  // once closed for what it made meanwhile; inside 0700 folders nobody else can reach them even then.
  await restrictTree(folder);
  const prisma = new PrismaService({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: 'pglite',
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      await restrictTree(folder);
    },
  };
}

async function openPostgres(url: string, migrate: boolean): Promise<DatabaseConnection> {
  if (migrate) await migratePostgres(url);
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, a dropped database) is an 'error' on the pool;
  // the pool discards it and the next query connects afresh. Unheard, it would end the process.
  pool.on('error', () => undefined);
  const prisma = new PrismaService({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgres',
    prisma,
    pool,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * Applies pending migrations to a PostgreSQL database: `npm run db:migrate` (apps/portal-api's
 * migrate.ts) and `MIGRATE_ON_START` both come here.
 */
export async function migratePostgres(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await applyPendingMigrations(new PgSqlExecutor(client));
  } finally {
    await client.end();
  }
}

/** The one way migrations are applied, to PGlite at the embedded start or to PostgreSQL; returns the names applied. */
async function applyPendingMigrations(executor: SqlExecutor): Promise<string[]> {
  const { applied } = await new MigrationRunner(defaultMigrationsDir()).apply(executor);
  return applied;
}
