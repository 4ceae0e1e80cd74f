/**
 * The little the migration runner needs from a database connection. Both implementations run on a
 * single connection, so session state (an advisory lock, an open transaction) carries across calls.
 */
export interface SqlExecutor {
  readonly dialect: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script without parameters. */
  exec(script: string): Promise<void>;
}
