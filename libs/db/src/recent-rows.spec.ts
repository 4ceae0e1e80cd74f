import { describe, expect, it } from 'vitest';
import { type AppConfig } from '@keyport/config';
import { type Db } from './db';
import { RecentRows } from './recent-rows';

/** The two things RecentRows asks of Db, with a transaction the test opens and ends by hand. */
class HandTransactions {
  inTransaction = false;
  private pending: Array<() => void> = [];

  afterTransaction(callback: () => void): void {
    if (this.inTransaction) this.pending.push(callback);
    else callback();
  }

  end(): void {
    this.inTransaction = false;
    for (const callback of this.pending.splice(0)) callback();
  }
}

function setUp(ttlMs = 1000) {
  const db = new HandTransactions();
  const rows = new RecentRows(db as unknown as Db, { database: { rowCacheTtlMs: ttlMs } } as AppConfig);
  let version = 0;
  let loads = 0;
  const load = async () => {
    loads += 1;
    return { version };
  };
  return { db, rows, load, setVersion: (v: number) => (version = v), loads: () => loads };
}

describe('RecentRows', () => {
  it('serves a row it read within the TTL without reading again', async () => {
    const { rows, load, loads } = setUp();
    expect(await rows.read('developer', 'a', load)).toEqual({ version: 0 });
    expect(await rows.read('developer', 'a', load)).toEqual({ version: 0 });
    expect(loads()).toBe(1);
  });

  it('reads again once the TTL has passed, and always with a TTL of 0', async () => {
    const short = setUp(20);
    await short.rows.read('developer', 'a', short.load);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await short.rows.read('developer', 'a', short.load);
    expect(short.loads()).toBe(2);
    const off = setUp(0);
    await off.rows.read('developer', 'a', off.load);
    await off.rows.read('developer', 'a', off.load);
    expect(off.loads()).toBe(2);
  });

  it('does not keep what a read under way while the row was forgotten returned', async () => {
    const { rows, setVersion } = setUp();
    let release!: () => void;
    const slow = rows.read('developer', 'a', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return { version: 0 }; // read before the write below
    });
    await Promise.resolve();
    setVersion(1);
    rows.forget('developer', 'a');
    release();
    expect(await slow).toEqual({ version: 0 });
    expect(await rows.read('developer', 'a', async () => ({ version: 1 }))).toEqual({ version: 1 });
  });

  it('forgets again when the writing transaction ends, dropping what was read before the commit', async () => {
    const { db, rows, load, setVersion } = setUp();
    await rows.read('developer', 'a', load);
    db.inTransaction = true;
    rows.forget('developer', 'a');
    db.inTransaction = false; // another request, outside the transaction, reads the old committed row
    expect(await rows.read('developer', 'a', load)).toEqual({ version: 0 });
    db.inTransaction = true;
    setVersion(1); // the commit
    db.end();
    expect(await rows.read('developer', 'a', load)).toEqual({ version: 1 });
  });

  it('never serves from the cache inside a transaction', async () => {
    const { db, rows, load, loads } = setUp();
    await rows.read('developer', 'a', load);
    db.inTransaction = true;
    await rows.read('developer', 'a', load);
    expect(loads()).toBe(2);
  });

  it('shares one read among callers that miss at once, but not with a caller after a forget', async () => {
    const { rows } = setUp();
    let release!: () => void;
    let count = 0;
    const slow = async () => {
      count += 1;
      const seen = count;
      await new Promise<void>((resolve) => (release = resolve));
      return { version: seen };
    };
    const first = rows.read('developer', 'a', slow);
    const second = rows.read('developer', 'a', slow);
    release();
    expect(await Promise.all([first, second])).toEqual([{ version: 1 }, { version: 1 }]);
    expect(count).toBe(1);

    const other = setUp();
    let hold!: () => void;
    const before = other.rows.read('developer', 'b', async () => {
      await new Promise<void>((resolve) => (hold = resolve));
      return { version: 0 }; // read before the write below
    });
    other.setVersion(1);
    other.rows.forget('developer', 'b');
    const after = other.rows.read('developer', 'b', other.load);
    hold();
    expect(await before).toEqual({ version: 0 });
    expect(await after).toEqual({ version: 1 });
  });

  it('tells its forget listeners synchronously, inside the writing transaction and again after it, until they unsubscribe', () => {
    const { db, rows } = setUp();
    const told: string[] = [];
    const unsubscribe = rows.onForget(() => told.push(db.inTransaction ? 'inside' : 'after'));
    db.inTransaction = true;
    rows.forget('developer', 'a');
    expect(told).toEqual(['inside']);
    db.end();
    expect(told).toEqual(['inside', 'after']);
    unsubscribe();
    rows.forget('developer', 'a');
    expect(told).toHaveLength(2);
  });
});
