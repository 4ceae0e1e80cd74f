import { PrismaClient } from './generated/client';

/** The Prisma client of the running process; made by `openDatabase` (database.factory.ts) with the driver adapter of PGlite or PostgreSQL. */
export class PrismaService extends PrismaClient {}
