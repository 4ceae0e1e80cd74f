import type { Client, PoolClient, QueryResultRow } from 'pg';
import type { SqlExecutor } from './sql-executor';

export class PgSqlExecutor implements SqlExecutor {
  readonly dialect = 'postgres' as const;

  constructor(private readonly client: Client | PoolClient) {}

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.client.query<QueryResultRow>(sql, params);
    return result.rows as T[];
  }

  async exec(script: string): Promise<void> {
    // Without parameters pg sends a simple query, which may hold many statements.
    await this.client.query(script);
  }
}
