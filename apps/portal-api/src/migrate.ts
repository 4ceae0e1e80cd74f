// The one migration command: `npm run db:migrate` runs this file from the build, and so does the
// container image (`node dist/apps/portal-api/src/migrate.js`, no tsx there). It applies pending
// migrations to DATABASE_URL through the same function as MIGRATE_ON_START; the embedded database
// needs no command, it migrates itself at every start.
import { loadConfig } from '@keyport/config';
import { migratePostgres } from '@keyport/db';

/** Where the migrations went, without the credentials a URL may carry. */
function describeDatabase(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.url === undefined) {
    process.stderr.write(
      'DATABASE_URL is not set: set it to the PostgreSQL URL to migrate, e.g. postgresql://postgres@127.0.0.1:5432/keyport (the embedded database migrates itself at start)\n',
    );
    process.exit(2);
  }
  const started = performance.now();
  const applied = await migratePostgres(config.database.url);
  const took = `${Math.round(performance.now() - started)} ms`;
  const where = describeDatabase(config.database.url);
  process.stdout.write(
    applied.length === 0
      ? `${where}: up to date, no migration applied (${took})\n`
      : `${where}: applied ${applied.length} migration(s) in ${took}:\n${applied.map((name) => `  ${name}\n`).join('')}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
