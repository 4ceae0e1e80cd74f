import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * PrismaPGlite backed by in-memory databases that are all closed afterwards. PrismaPGlite's own
 * connectToShadowDb() opens a PGlite it never closes, whose timers keep the process alive ~10 s.
 */
export class InMemoryPglites {
  private readonly opened: PGlite[] = [];

  adapterFactory(): SqlMigrationAwareDriverAdapterFactory {
    const main = new PrismaPGlite(this.open());
    return {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: (): Promise<SqlDriverAdapter> => main.connect(),
      connectToShadowDb: (): Promise<SqlDriverAdapter> => new PrismaPGlite(this.open()).connect(),
    };
  }

  async closeAll(): Promise<void> {
    const dbs = this.opened.splice(0);
    await Promise.all(dbs.map((db) => db.close().catch(() => undefined)));
  }

  private open(): PGlite {
    const db = new PGlite();
    this.opened.push(db);
    return db;
  }
}
