import { Test, type TestingModule } from '@nestjs/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommonModule } from '@keyport/common';
import { ConfigModule, loadConfig } from '@keyport/config';
import { Db, DbModule } from '@keyport/db';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { OutboxHandlerRegistry } from './outbox-handler.registry';
import { OutboxHandler, type OutboxItem, PermanentOutboxError } from './outbox-item';
import { type MessagePayload, OutboxMessage, optional } from './outbox-message';
import { OutboxModule } from './outbox.module';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';
import { OutboxWorker } from './outbox.worker';
import { OutboxWriter } from './outbox.writer';
import { RetryPolicy } from '@keyport/common';

const TestRecord = OutboxMessage.define('test.record', { seq: 'number', permanent: optional('boolean'), sealedValue: optional('string') });
type RecordMessage = MessagePayload<typeof TestRecord>;

class RecordingHandler extends OutboxHandler<RecordMessage> {
  readonly message = TestRecord;
  readonly applied: Array<{ aggregate: string; seq: number }> = [];
  failFirstAttemptOf = new Set<number>();

  async handle(item: OutboxItem<RecordMessage>): Promise<void> {
    const { seq, permanent } = item.payload;
    if (permanent) throw new PermanentOutboxError('cannot ever work');
    if (this.failFirstAttemptOf.has(seq) && item.attempts === 1) throw new Error('transient');
    this.applied.push({ aggregate: item.aggregate, seq });
  }
}

describe('outbox worker on a real database', () => {
  let database: TestDatabase;
  let modules: TestingModule[] = [];
  let handler: RecordingHandler;

  async function open(): Promise<TestingModule> {
    const config = loadConfig({
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'silent',
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl, MIGRATE_ON_START: 'true' } : {}),
    });
    const module = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), CommonModule, DbModule, OutboxModule],
    }).compile();
    await module.init();
    module.get(OutboxHandlerRegistry).register(handler);
    module.get(OutboxWorker).configure({ pollIntervalMs: 20, batchSize: 10, leaseMs: 60_000 }, new RetryPolicy(1, 5, 5));
    modules.push(module);
    return module;
  }

  beforeEach(async () => {
    database = await createTestDatabase();
    handler = new RecordingHandler();
  });

  afterEach(async () => {
    for (const module of modules) await module.close();
    modules = [];
    await database.drop();
  });

  async function enqueue(module: TestingModule, aggregate: string, payload: RecordMessage) {
    await module.get(Db).transaction(() => module.get(OutboxWriter).enqueue(aggregate, TestRecord, payload));
  }

  async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('wakes the worker once the enqueuing transaction has committed, never inside it', async () => {
    const module = await open();
    const db = module.get(Db);
    const wokenInTransaction: boolean[] = [];
    module.get(OutboxSignal).subscribe(() => wokenInTransaction.push(db.inTransaction));
    await db.transaction(async () => {
      await module.get(OutboxWriter).enqueue('key:w', TestRecord, { seq: 1 });
      expect(wokenInTransaction).toEqual([]);
    });
    expect(wokenInTransaction).toEqual([false]);
  });

  it('applies the items of one aggregate strictly in order, even when one must be retried', async () => {
    const module = await open();
    handler.failFirstAttemptOf.add(1);
    for (let seq = 1; seq <= 4; seq++) await enqueue(module, 'key:a', { seq });
    const worker = module.get(OutboxWorker);
    worker.start();
    await until(() => handler.applied.length === 4);
    await worker.stop();
    expect(handler.applied.map((entry) => entry.seq)).toEqual([1, 2, 3, 4]);
    expect((await module.get(OutboxRepository).stats()).pending).toBe(0);
  });

  it('lets two workers share the table: every item applied exactly once, in order per aggregate', async () => {
    if (database.kind === 'pglite') return; // PGlite is one connection in one process: nothing to share
    const first = await open();
    const second = await open();
    for (let seq = 0; seq < 120; seq++) await enqueue(first, `key:${seq % 12}`, { seq });
    const workers = [first.get(OutboxWorker), second.get(OutboxWorker)];
    workers.forEach((worker) => worker.start());
    await until(() => handler.applied.length >= 120);
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(handler.applied).toHaveLength(120);
    expect(new Set(handler.applied.map((entry) => entry.seq)).size).toBe(120);
    for (let aggregate = 0; aggregate < 12; aggregate++) {
      const seqs = handler.applied.filter((entry) => entry.aggregate === `key:${aggregate}`).map((entry) => entry.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });

  it('takes an item again when the worker that leased it died', async () => {
    const module = await open();
    await enqueue(module, 'key:crash', { seq: 1 });
    const repository = module.get(OutboxRepository);
    const claimed = await repository.claim('dead-worker', 10, 1_000);
    expect(claimed).toHaveLength(1);
    expect(await repository.claim('other', 10, 1_000)).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await module.get(OutboxWorker).drain();
    expect(handler.applied).toEqual([{ aggregate: 'key:crash', seq: 1 }]);
  });

  it('parks an item that can never succeed without blocking the next ones forever, and scrubs sealed fields', async () => {
    const module = await open();
    await enqueue(module, 'key:p', { seq: 1, permanent: true });
    await enqueue(module, 'key:p', { seq: 2, sealedValue: 'secret' });
    await module.get(OutboxWorker).drain();
    expect(handler.applied.map((entry) => entry.seq)).toEqual([2]);
    const rows = await module.get(Db).client.outboxItem.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => row.status)).toEqual(['DEAD', 'DONE']);
    expect(JSON.stringify(rows[1].payload)).not.toContain('secret');
  });

  it('parks a stored payload that does not fit its message, with the reason, before the handler sees it', async () => {
    const module = await open();
    // Rows outlive the code that wrote them: one from an older producer, or edited by hand.
    await module.get(Db).client.outboxItem.create({ data: { aggregate: 'key:v', type: TestRecord.type, payload: { seq: '1' } } });
    await enqueue(module, 'key:v', { seq: 2 });
    await module.get(OutboxWorker).drain();
    expect(handler.applied.map((entry) => entry.seq)).toEqual([2]);
    const rows = await module.get(Db).client.outboxItem.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => [row.status, row.lastError])).toEqual([
      ['DEAD', 'test.record payload: seq must be a number, got "1"'],
      ['DONE', null],
    ]);
  });
});
