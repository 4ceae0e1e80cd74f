// Applies pending migrations from prisma/migrations to the database in DATABASE_URL and records
// them as Prisma does, for where the Prisma CLI cannot run (it downloads its engine):
//   DATABASE_URL=postgresql://... npm run db:migrate
import { Client } from 'pg';
import { defaultMigrationsDir, MigrationRunner } from '../libs/db/src/migrations/migration-runner';
import { PgSqlExecutor } from '../libs/db/src/migrations/pg.sql-executor';

function describe(url: string): string {
  // Never print credentials: host, port and database are enough to know where it went.
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'the database in DATABASE_URL';
  }
}

async function main(): Promise<number> {
  // A standalone CLI, so it reads its one setting itself rather than through the config lib.
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set: set it to the PostgreSQL URL to migrate, e.g. postgresql://postgres@127.0.0.1:5432/keyport');
    return 2;
  }
  const migrationsDir = defaultMigrationsDir();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    const { applied } = await new MigrationRunner(migrationsDir).apply(new PgSqlExecutor(client));
    const ms = Math.round(performance.now() - started);
    if (applied.length === 0) console.log(`${describe(databaseUrl)}: up to date, no migration applied (${ms} ms)`);
    else console.log(`${describe(databaseUrl)}: applied ${applied.length} migration(s) in ${ms} ms:\n${applied.map((n) => `  ${n}`).join('\n')}`);
    return 0;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
