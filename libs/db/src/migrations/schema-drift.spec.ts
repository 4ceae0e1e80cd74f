import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, defaultSchemaPath } from './project-paths';
import { diffMigrationsToSchema } from './schema-diff';

// Replays prisma/migrations into an in-memory PGlite and compares with schema.prisma, as
// `prisma migrate dev` would. The fix for a failure here: npm run db:migration:create -- <name>.
describe('schema drift', () => {
  it('schema.prisma and prisma/migrations agree', async () => {
    const started = performance.now();
    const sql = await diffMigrationsToSchema({ migrationsDir: defaultMigrationsDir(), schemaPath: defaultSchemaPath() });
    console.info(`[schema drift] diff took ${Math.round(performance.now() - started)} ms`);
    expect(sql.trim(), 'schema.prisma has changes without a migration; run npm run db:migration:create -- <name>').toBe('');
  });

  it('notices a field that has no migration', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kp-drift-'));
    try {
      const schema = await readFile(defaultSchemaPath(), 'utf8');
      const changed = schema.replace(/(model WebhookEvent \{\n)/, '$1  driftProbe String? @map("drift_probe")\n');
      expect(changed).not.toBe(schema);
      const schemaPath = path.join(dir, 'schema.prisma');
      await writeFile(schemaPath, changed);

      const sql = await diffMigrationsToSchema({ migrationsDir: defaultMigrationsDir(), schemaPath });
      expect(sql).toMatch(/ALTER TABLE "webhook_events" ADD COLUMN\s+"drift_probe" TEXT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
