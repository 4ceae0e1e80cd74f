// Writes the next migration (what `prisma migrate dev --create-only` would write) without the
// Prisma CLI, whose native schema engine cannot be downloaded offline:
//   npm run db:migration:create -- <name>
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE } from '../libs/db/src/migrations/migrations-folder';
import { defaultMigrationsDir, defaultSchemaPath } from '../libs/db/src/migrations/project-paths';
import { diffMigrationsToSchema } from '../libs/db/src/migrations/schema-diff';

/** Prisma's folder timestamp: UTC, yyyyMMddHHmmss. */
function migrationTimestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function slug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
}

async function main(): Promise<number> {
  const name = slug(process.argv.slice(2).join(' '));
  if (!name) {
    console.error('Usage: npm run db:migration:create -- <name>   (letters, digits and underscores)');
    return 2;
  }
  const migrationsDir = defaultMigrationsDir();
  const schemaPath = defaultSchemaPath();

  const started = performance.now();
  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (sql.trim() === '') {
    console.log(`no changes: ${path.relative(process.cwd(), schemaPath)} matches the migrations (${seconds} s)`);
    return 0;
  }

  const folder = path.join(migrationsDir, `${migrationTimestamp(new Date())}_${name}`);
  if (existsSync(folder)) {
    console.error(`${folder} already exists; try again in a second`);
    return 1;
  }
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'migration.sql'), sql);
  const lockFile = path.join(migrationsDir, MIGRATION_LOCK_FILE);
  if (!existsSync(lockFile)) await writeFile(lockFile, MIGRATION_LOCK_CONTENT);
  console.log(`wrote ${path.relative(process.cwd(), path.join(folder, 'migration.sql'))} (${seconds} s)`);
  return 0;
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
