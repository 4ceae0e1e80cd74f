import { Inject, Injectable } from '@nestjs/common';
import { DATABASE_CONNECTION, type DatabaseConnection } from './database-connection';
import { Db } from './db';
import { type Prisma } from './generated/client';

/**
 * Hot reads (a developer's row, their key list on every request) without Prisma's query pipeline,
 * which costs several times the CPU of the query itself. On PostgreSQL a read outside a transaction
 * goes straight to the `pg` pool Prisma's adapter shares; inside a transaction, and on the embedded
 * PGlite, it runs through Prisma (`$queryRaw`) so it sees the transaction and PGlite's one
 * connection. Both ways give the same JavaScript values for the types used here (text, integers,
 * enums as strings, timestamptz as Date): write the SQL with the column aliases the caller expects.
 */
@Injectable()
export class LeanReads {
  constructor(
    private readonly db: Db,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
  ) {}

  async rows<T>(query: Prisma.Sql): Promise<T[]> {
    const pool = this.connection.pool;
    if (pool === undefined || this.db.inTransaction) return this.db.client.$queryRaw<T[]>(query);
    return (await pool.query<T & object>(query.text, query.values)).rows;
  }
}
