import { describe, expect, it } from 'vitest';
import { strictFake } from '../../../test/support/strict-fake';
import { OutboxBacklogService } from './outbox-backlog.service';
import { type OutboxRepository } from './outbox.repository';

describe('OutboxBacklogService', () => {
  it("reports the outbox's depth as the repository reads it", async () => {
    const stats = { pending: 3, oldestPendingAt: new Date('2026-12-03T09:00:00Z'), dead: 1 };
    const outbox = strictFake<OutboxRepository>('OutboxRepository', { stats: async () => stats });
    expect(await new OutboxBacklogService(outbox).stats()).toEqual({ pending: 3, oldestPendingAt: new Date('2026-12-03T09:00:00Z'), dead: 1 });
  });
});
