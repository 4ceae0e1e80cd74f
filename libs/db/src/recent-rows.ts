import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { Db } from './db';

interface Entry {
  value: unknown;
  /** performance.now() after which the entry is not served. */
  expiresAt: number;
}

/** Bound on entries (distinct rows read within one TTL); beyond it the cache starts afresh. */
const MAX_ENTRIES = 50_000;

/**
 * A per-process memo of rows read on every request (a developer's status and tier), reused for at
 * most `ROW_CACHE_TTL_MS` (≤ 1 s) after the read started. A write calls `forget` inside its
 * transaction: the row is dropped at once and again once the transaction has ended, and a read that
 * was under way while any row was forgotten does not store its result, so after a write's response
 * this process never serves the old row. Other replicas may, for at most the TTL: the same bound as
 * the gateway's own propagation. Reads inside a transaction bypass it (they may hold row locks and
 * must see the transaction's own writes).
 *
 * Freshness is the process's monotonic time, not the domain Clock: a test that moves the Clock by
 * days must neither keep nor drop an entry.
 */
@Injectable()
export class RecentRows {
  private readonly entries = new Map<string, Entry>();
  /** Reads under way, shared by callers of the same generation: a burst of misses at expiry costs one query. */
  private readonly inflight = new Map<string, { generation: number; read: Promise<unknown> }>();
  /** Bumped by every `forget`: a read that started under an older generation may be stale. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly forgetListeners = new Set<() => void>();

  constructor(
    private readonly db: Db,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.ttlMs = config.database.rowCacheTtlMs;
  }

  /** The row under `kind`/`id` read by `load` at most the TTL ago; null results are not kept. */
  async read<T>(kind: string, id: string, load: () => Promise<T | null>): Promise<T | null> {
    if (this.ttlMs === 0 || this.db.inTransaction) return load();
    const key = `${kind}:${id}`;
    const startedAt = performance.now();
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.expiresAt > startedAt) return hit.value as T;
    const generation = this.generation;
    const pending = this.inflight.get(key);
    if (pending !== undefined && pending.generation === generation) return pending.read as Promise<T | null>;
    const read = this.load(key, generation, startedAt, load);
    this.inflight.set(key, { generation, read });
    return read;
  }

  private async load<T>(key: string, generation: number, startedAt: number, load: () => Promise<T | null>): Promise<T | null> {
    try {
      const value = await load();
      if (value !== null && generation === this.generation) {
        if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
        this.entries.set(key, { value, expiresAt: startedAt + this.ttlMs });
      }
      return value;
    } finally {
      if (this.inflight.get(key)?.generation === generation) this.inflight.delete(key);
    }
  }

  /**
   * Told synchronously of every `forget` (inside the writing transaction and again after its commit),
   * for caches built on these rows elsewhere (the embedded gateway's thread). Returns the unsubscribe.
   */
  onForget(listener: () => void): () => void {
    this.forgetListeners.add(listener);
    return () => this.forgetListeners.delete(listener);
  }

  /** Call with every write to the row, inside its transaction. */
  forget(kind: string, id: string): void {
    const key = `${kind}:${id}`;
    const drop = () => {
      this.generation += 1;
      this.entries.delete(key);
      this.forgetListeners.forEach((listener) => listener());
    };
    drop();
    this.db.afterTransaction(drop);
  }
}
