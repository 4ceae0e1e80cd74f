import { describe, expect, it } from 'vitest';
import { UsageLedger } from './usage-ledger';

const DEV = 'dev-1';

describe('UsageLedger', () => {
  it('counts a rotated key into its predecessor lineage, keeping usage per key', () => {
    const ledger = new UsageLedger();
    const first = ledger.keyUsage('k1', DEV, 'k1');
    const successor = ledger.keyUsage('k2', DEV, 'k1');
    first.count('2026-11-25');
    first.count('2026-11-25');
    successor.count('2026-11-26');
    expect(successor.lineage).toBe(first.lineage);
    expect(first.lineage.usedSince('2026-11-01')).toBe(3);
    expect(first.lineage.usedSince('2026-11-26')).toBe(1);
    expect(ledger.pendingIncrements()).toEqual([
      { keyId: 'k1', developerId: DEV, day: '2026-11-25', requests: 2 },
      { keyId: 'k2', developerId: DEV, day: '2026-11-26', requests: 1 },
    ]);
  });

  it('keeps what was counted during a flush pending, and the quota total unchanged, after the flush', () => {
    const ledger = new UsageLedger();
    const key = ledger.keyUsage('k1', DEV, 'k1');
    key.count('2026-11-25');
    key.count('2026-11-25');
    const flushing = ledger.pendingIncrements();
    key.count('2026-11-25'); // arrives while the flush is in flight
    ledger.markFlushed(flushing);
    expect(ledger.pendingIncrements()).toEqual([{ keyId: 'k1', developerId: DEV, day: '2026-11-25', requests: 1 }]);
    expect(key.lineage.usedSince('2026-11-01')).toBe(3);
  });

  it('starts from the database counts and adds what is still pending', () => {
    const ledger = new UsageLedger();
    ledger.replaceFlushed([
      { lineageId: 'k1', day: '2026-10-31', requests: 50 },
      { lineageId: 'k1', day: '2026-11-02', requests: 10 },
    ]);
    const successor = ledger.keyUsage('k2', DEV, 'k1'); // first seen after the load: still finds the lineage
    successor.count('2026-11-25');
    expect(successor.lineage.usedSince('2026-11-01')).toBe(11);
    expect(successor.lineage.usedSince('2026-10-26')).toBe(61);

    ledger.replaceFlushed([{ lineageId: 'k1', day: '2026-11-02', requests: 12 }]); // another gateway flushed 2
    expect(successor.lineage.usedSince('2026-11-01')).toBe(13);
  });

  it('forgets keys the gateway dropped only once their counts are flushed', () => {
    const ledger = new UsageLedger();
    const key = ledger.keyUsage('k1', DEV, 'k1');
    key.count('2026-11-25');
    ledger.retain(new Set());
    expect(ledger.keyUsage('k1', DEV, 'k1')).toBe(key);
    ledger.markFlushed(ledger.pendingIncrements());
    ledger.replaceFlushed([]);
    ledger.retain(new Set());
    expect(ledger.keyUsage('k1', DEV, 'k1')).not.toBe(key);
  });
});
