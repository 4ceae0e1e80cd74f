import { type Transactions } from '@keyport/db';

/**
 * Transactions for a unit spec: runs the work and remembers whether each recorded effect happened
 * inside it, so a spec can prove a change and its audit entry (or outbox item) commit together.
 */
export class FakeTransactions {
  private depth = 0;
  runs = 0;

  get open(): boolean {
    return this.depth > 0;
  }

  readonly run = async <T>(work: () => Promise<T>): Promise<T> => {
    this.runs += 1;
    this.depth += 1;
    try {
      return await work();
    } finally {
      this.depth -= 1;
    }
  };

  asTransactions(): Transactions {
    return this as unknown as Transactions;
  }
}
