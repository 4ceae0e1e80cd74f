// `node dist/apps/portal-api/src/migrate.js`: applies pending migrations to DATABASE_URL from the
// compiled build (the container image has no tsx). `npm run db:migrate` is the same from source.
import { loadConfig } from '@keyport/config';
import { migratePostgres } from '@keyport/db';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.url === undefined) {
    process.stderr.write('DATABASE_URL is not set: the embedded database migrates itself at start\n');
    process.exit(2);
  }
  const applied = await migratePostgres(config.database.url);
  process.stdout.write(applied.length === 0 ? 'Database up to date\n' : `Applied ${applied.length} migration(s): ${applied.join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
