import { randomUUID } from 'node:crypto';
import { type MigrationFileEntry, readMigrationsFolder } from './migrations-folder';
import type { SqlExecutor } from './sql-executor';

export { defaultMigrationsDir } from './project-paths';

/** Prisma's own advisory lock id, so this runner and `prisma migrate deploy` exclude each other. */
const PRISMA_ADVISORY_LOCK_ID = 72707369;

// Exactly Prisma's table, so that its CLI can later read (and extend) the same history.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies prisma/migrations/<name>/migration.sql folders that the database has not recorded yet,
 * recording them in `_prisma_migrations` as Prisma does, so `prisma migrate deploy` finds nothing
 * left to do. Each migration runs in its own transaction: it is applied and recorded, or neither.
 */
export class MigrationRunner {
  constructor(private readonly migrationsDir: string) {}

  async apply(executor: SqlExecutor): Promise<{ applied: string[] }> {
    const migrations = await readMigrationsFolder(this.migrationsDir);
    if (executor.dialect !== 'postgres') return this.applyMissing(executor, migrations);
    // Session-level lock held across the per-migration transactions: a second process waits here
    // and then finds everything applied.
    await executor.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_ID]);
    const unlock = () => executor.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_ID]);
    try {
      const result = await this.applyMissing(executor, migrations);
      await unlock();
      return result;
    } catch (err) {
      await unlock().catch(() => undefined);
      throw err;
    }
  }

  private async applyMissing(executor: SqlExecutor, migrations: MigrationFileEntry[]): Promise<{ applied: string[] }> {
    await executor.exec(CREATE_MIGRATIONS_TABLE);
    const recorded = await executor.query<MigrationRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const done = this.checkHistory(migrations, recorded);
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await this.applyOne(executor, migration);
      applied.push(migration.name);
    }
    return { applied };
  }

  /** The names already applied; throws where Prisma's `migrate deploy` would refuse to go on. */
  private checkHistory(migrations: MigrationFileEntry[], rows: MigrationRow[]): Set<string> {
    // Rows marked rolled back are history only, as for Prisma.
    const live = rows.filter((r) => r.rolled_back_at === null);
    const failed = live.filter((r) => r.finished_at === null);
    if (failed.length > 0) {
      const names = failed.map((r) => r.migration_name).join(', ');
      throw new Error(
        `Refusing to migrate: migration(s) ${names} started but never finished (a failed run). ` +
          `Repair the database, then mark them with \`prisma migrate resolve --applied|--rolled-back <name>\`.`,
      );
    }
    const files = new Map(migrations.map((m) => [m.name, m]));
    const edited = live.filter((r) => {
      const file = files.get(r.migration_name);
      return file !== undefined && file.checksum !== r.checksum;
    });
    if (edited.length > 0) {
      const names = edited.map((r) => r.migration_name).join(', ');
      throw new Error(
        `Refusing to migrate: migration(s) ${names} were modified after they were applied ` +
          `(migration.sql checksum differs from _prisma_migrations). Restore the applied file and add a new migration instead.`,
      );
    }
    return new Set(live.map((r) => r.migration_name));
  }

  private async applyOne(executor: SqlExecutor, migration: MigrationFileEntry): Promise<void> {
    await executor.exec('BEGIN');
    try {
      await executor.exec(migration.script);
      await executor.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await executor.exec('COMMIT');
    } catch (err) {
      await executor.exec('ROLLBACK').catch(() => undefined);
      const reason = err instanceof Error ? err.message : String(err);
      // Nothing was recorded: the transaction left the database as it was, so the run can be retried.
      throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: err });
    }
  }
}
