import { type Pool } from 'pg';
import { type PrismaService } from './prisma.service';

export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

/** An open database: the Prisma client plus what closing it takes. */
export interface DatabaseConnection {
  readonly kind: 'pglite' | 'postgres';
  readonly prisma: PrismaService;
  /** PostgreSQL only: the pool Prisma's adapter queries through, shared with `LeanReads`. */
  readonly pool?: Pool;
  close(): Promise<void>;
}
