import type { PGlite } from '@electric-sql/pglite';
import type { SqlExecutor } from './sql-executor';

export class PgliteSqlExecutor implements SqlExecutor {
  readonly dialect = 'pglite' as const;

  constructor(private readonly db: PGlite) {}

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.db.query<T>(sql, params);
    return result.rows;
  }

  // PGlite's own exec, awaited: pglite-prisma-adapter's executeScript does not await and loses errors.
  async exec(script: string): Promise<void> {
    await this.db.exec(script);
  }
}
