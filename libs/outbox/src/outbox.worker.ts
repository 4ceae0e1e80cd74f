import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { OutboxHandlerRegistry } from './outbox-handler.registry';
import { type OutboxItem, PermanentOutboxError } from './outbox-item';
import { OutboxRepository } from './outbox.repository';
import { OutboxSignal } from './outbox.signal';
import { type RetryAfterHint, RetryPolicy } from '@keyport/common';

export interface OutboxWorkerOptions {
  pollIntervalMs: number;
  batchSize: number;
  leaseMs: number;
}

export type OutboxItemResult = 'done' | 'retry' | 'dead';
type SettledListener = (type: string, result: OutboxItemResult) => void;

/**
 * Applies outbox items with their handlers. Safe with several workers on one database: items are
 * leased, and a worker killed mid-item leaves a lease that expires and is taken again.
 */
@Injectable()
export class OutboxWorker {
  private readonly logger = new Logger(OutboxWorker.name);
  readonly id = `worker-${randomUUID()}`;
  private running = false;
  private wake?: () => void;
  private loop?: Promise<void>;
  private unsubscribe?: () => void;
  private options: OutboxWorkerOptions = { pollIntervalMs: 500, batchSize: 20, leaseMs: 60_000 };
  private retry = new RetryPolicy();
  private readonly settledListeners: SettledListener[] = [];

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly registry: OutboxHandlerRegistry,
    private readonly signal: OutboxSignal,
  ) {}

  /** Tells a listener (metrics) how each item ended; the outbox itself knows nothing of metrics. */
  onSettled(listener: SettledListener): void {
    this.settledListeners.push(listener);
  }

  configure(options: Partial<OutboxWorkerOptions>, retry?: RetryPolicy): void {
    this.options = { ...this.options, ...options };
    if (retry) this.retry = retry;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.signal.subscribe(() => this.wake?.());
    this.loop = this.run();
  }

  /** Stops between items: the one being applied finishes first. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
  }

  /** Applies everything due now; returns how many items were handled. For tests and CLI runs. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const handled = await this.runOnce();
      total += handled;
      if (handled === 0) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (error) {
        this.logger.error(`Outbox poll failed: ${(error as Error).message}`);
      }
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may have cleared it while runOnce() awaited
      if (handled < this.options.batchSize && this.running) await this.sleep(this.options.pollIntervalMs);
    }
  }

  private async runOnce(): Promise<number> {
    const items = await this.outbox.claim(this.id, this.options.batchSize, this.options.leaseMs);
    for (const item of items) {
      if (!this.running && this.loop !== undefined) break;
      await this.apply(item);
    }
    return items.length;
  }

  private async apply(item: OutboxItem): Promise<void> {
    const handler = this.registry.find(item.type);
    if (!handler) {
      await this.outbox.park(item.id, this.id, `No handler for ${item.type}`);
      this.settled(item.type, 'dead');
      return;
    }
    const reading = handler.message.read(item.payload);
    if (reading.problem !== undefined) {
      // A stored payload that does not fit its message cannot start fitting on a retry.
      this.logger.error(`Outbox item ${item.id} (${item.type}) parked: ${reading.problem}`);
      await this.outbox.park(item.id, this.id, reading.problem);
      this.settled(item.type, 'dead');
      return;
    }
    try {
      await handler.handle({ ...item, payload: reading.payload });
      await this.outbox.complete(item.id, this.id, scrub(item.payload));
      this.settled(item.type, 'done');
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (error instanceof PermanentOutboxError || isNotRetryable(error) || this.retry.exhausted(item.attempts)) {
        this.logger.error(`Outbox item ${item.id} (${item.type}) parked: ${message}`);
        await this.outbox.park(item.id, this.id, message);
        this.settled(item.type, 'dead');
        return;
      }
      const delay = this.retry.delayMs(item.attempts, (error as RetryAfterHint).retryAfterMs);
      this.logger.warn(`Outbox item ${item.id} (${item.type}) failed, retry in ${delay} ms: ${message}`);
      await this.outbox.retryLater(item.id, this.id, delay, message);
      this.settled(item.type, 'retry');
    }
  }

  private settled(type: string, result: OutboxItemResult): void {
    for (const listener of this.settledListeners) listener(type, result);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** An error that says of itself that trying again cannot help (gateway adapters' errors carry `retryable`). */
function isNotRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === false;
}

/** Secrets travel in payload fields named `sealed*`; once applied they are erased. */
function scrub(payload: unknown): Record<string, unknown> | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const secretFields = Object.keys(payload).filter((field) => field.startsWith('sealed'));
  if (secretFields.length === 0) return undefined;
  const copy: Record<string, unknown> = { ...payload };
  for (const field of secretFields) delete copy[field];
  return copy;
}
