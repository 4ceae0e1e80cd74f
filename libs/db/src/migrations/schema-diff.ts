import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { readFile } from 'node:fs/promises';
import { InMemoryPglites } from './in-memory-pglites';
import { defaultMigrationsDir, defaultSchemaPath } from './project-paths';
import { createSchemaEngine, migrationList, type WasmSchemaEngine } from './schema-engine';

export interface DiffMigrationsToSchemaOptions {
  /** Defaults to the project's prisma/migrations. */
  migrationsDir?: string;
  /** Defaults to the project's prisma/schema.prisma. */
  schemaPath?: string;
  /** Use this datamodel instead of the file's content (schemaPath still names it in messages). */
  schemaContent?: string;
  /** Receives the engine's debug log lines. */
  log?: (line: string) => void;
}

const EMPTY_MIGRATION = /^\s*-- This is an empty migration\.\s*$/;

/**
 * The SQL that takes a database built from the migrations folder to the Prisma schema: what
 * `prisma migrate dev` would write as the next migration. Empty when the two agree.
 * Runs Prisma's schema engine (wasm) with an in-memory PGlite as the shadow database, so it needs
 * neither the network nor a database server.
 */
export async function diffMigrationsToSchema(opts: DiffMigrationsToSchemaOptions = {}): Promise<string> {
  const migrationsDir = opts.migrationsDir ?? defaultMigrationsDir();
  const schemaPath = opts.schemaPath ?? defaultSchemaPath();
  const schemaContent = opts.schemaContent ?? (await readFile(schemaPath, 'utf8'));
  const log = opts.log ?? (() => undefined);

  const databases = new InMemoryPglites();
  let engine: WasmSchemaEngine | undefined;
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(databases.adapterFactory());
    engine = await createSchemaEngine(adapter, [[schemaPath, schemaContent]], log);
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await migrationList(migrationsDir)) },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schemaContent }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = result.stdout ?? '';
    return EMPTY_MIGRATION.test(sql) ? '' : sql;
  } finally {
    engine?.free();
    await databases.closeAll();
  }
}
