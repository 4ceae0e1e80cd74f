import { type PrismaService } from './prisma.service';

/** An open database: the Prisma client plus what closing it takes. */
export interface DatabaseConnection {
  readonly kind: 'pglite' | 'postgres';
  readonly prisma: PrismaService;
  close(): Promise<void>;
}
