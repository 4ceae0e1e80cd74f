import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiagnoseMigrationHistoryOutput } from '@prisma/schema-engine-wasm';
import { defaultMigrationsDir } from './project-paths';
import { createSchemaEngine, migrationList } from './schema-engine';

export type PrismaMigrationStatus = DiagnoseMigrationHistoryOutput;

/**
 * What Prisma's own engine (`prisma migrate status` / `deploy`) thinks of the database's migration
 * history: `history` is null when nothing is left to apply. Read-only. The caller owns (and
 * closes) the adapter's connections: the engine does not dispose them.
 */
export async function prismaMigrationStatus(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string = defaultMigrationsDir(),
): Promise<PrismaMigrationStatus> {
  const engine = await createSchemaEngine(bindMigrationAwareSqlAdapterFactory(adapterFactory));
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList: await migrationList(migrationsDir),
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    });
  } finally {
    engine.free();
  }
}
