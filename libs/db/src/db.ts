import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { type Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

export type DbClient = Prisma.TransactionClient;

interface OpenTransaction {
  client: DbClient;
  /** Run once the transaction has ended, before `transaction()` returns to its caller. */
  afterEnd: Array<() => void>;
}

/**
 * What repositories query through. Inside `Transactions.run` it is the open transaction, so
 * repositories join it without passing a handle around; elsewhere it is the root client.
 */
@Injectable()
export class Db {
  private readonly current = new AsyncLocalStorage<OpenTransaction>();

  constructor(private readonly prisma: PrismaService) {}

  get client(): DbClient {
    return this.current.getStore()?.client ?? this.prisma;
  }

  /**
   * The root client even inside a transaction: for readers that fill a cache or a snapshot, which
   * must hold committed rows only and may outlive the transaction that woke them.
   */
  get committed(): DbClient {
    return this.prisma;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    const afterEnd: Array<() => void> = [];
    try {
      return await this.prisma.$transaction((client) => this.current.run({ client, afterEnd }, work), { timeout: 20_000, maxWait: 20_000 });
    } finally {
      for (const callback of afterEnd) callback();
    }
  }

  /**
   * Runs `callback` once the current transaction has committed or rolled back (at once outside
   * one): for caches that must forget a row after other connections can see its new value.
   */
  afterTransaction(callback: () => void): void {
    const open = this.current.getStore();
    if (open) open.afterEnd.push(callback);
    else callback();
  }
}
