import { type OutboxItem } from '@keyport/outbox';

/** An outbox item (id 77) as a handler receives it, for unit specs of handlers; `attempts` counts this one. */
export function outboxItemFixture<P>(payload: P, attempts = 1): OutboxItem<P> {
  return { id: 77n, aggregate: 'aggregate', type: 'type', payload, attempts, createdAt: new Date('2026-01-01T00:00:00Z') };
}
