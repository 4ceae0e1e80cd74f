import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { type Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

export type DbClient = Prisma.TransactionClient;

/**
 * What repositories query through. Inside `Transactions.run` it is the open transaction, so
 * repositories join it without passing a handle around; elsewhere it is the root client.
 */
@Injectable()
export class Db {
  private readonly current = new AsyncLocalStorage<DbClient>();

  constructor(private readonly prisma: PrismaService) {}

  get client(): DbClient {
    return this.current.getStore() ?? this.prisma;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.prisma.$transaction((tx) => this.current.run(tx, work), { timeout: 20_000, maxWait: 20_000 });
  }
}
