import { Inject, Injectable } from '@nestjs/common';
import { DATABASE_CONNECTION, type DatabaseConnection } from './database-connection';
import { Db } from './db';
import { type Prisma } from './generated/client';

/** Distinct SQL texts prepared per connection; beyond it a query runs unprepared. */
const MAX_PREPARED = 64;

/**
 * Hot reads (a developer's row, their key list on every request) without Prisma's query pipeline,
 * which costs several times the CPU of the query itself. On PostgreSQL a read outside a transaction
 * goes straight to the `pg` pool Prisma's adapter shares, as a prepared statement: PostgreSQL then
 * skips parsing and planning (`/v1/keys` reached 0.74 of the bench's floor prepared, 0.59 not;
 * behind PgBouncer in transaction mode this needs its `max_prepared_statements`). Inside a
 * transaction, and on the embedded PGlite, it runs through Prisma (`$queryRaw`) so it sees the
 * transaction and PGlite's one connection. Both ways give the same JavaScript values for the types
 * used here (text, integers, enums as strings, timestamptz as Date): write the SQL with the column
 * aliases the caller expects, and keep its text fixed (values only as parameters).
 */
@Injectable()
export class LeanReads {
  private readonly statementNames = new Map<string, string>();

  constructor(
    private readonly db: Db,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
  ) {}

  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    const pool = this.connection.pool;
    if (pool === undefined || this.db.inTransaction) return this.db.client.$queryRaw<T[]>(query);
    const result = await pool.query<T & object>({ name: this.statementName(query.text), text: query.text, values: query.values });
    return result.rows;
  }

  private statementName(text: string): string | undefined {
    let name = this.statementNames.get(text);
    if (name === undefined && this.statementNames.size < MAX_PREPARED) {
      name = `keyport_lean_${this.statementNames.size + 1}`;
      this.statementNames.set(text, name);
    }
    return name;
  }
}
