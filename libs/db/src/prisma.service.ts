import { PrismaClient } from './generated/client';

/** The Prisma client of the running process; built by DatabaseFactory with the right driver adapter. */
export class PrismaService extends PrismaClient {}
