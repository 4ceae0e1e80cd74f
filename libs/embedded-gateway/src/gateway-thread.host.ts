import path from 'node:path';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { Injectable, Logger } from '@nestjs/common';
import { Metrics } from '@keyport/observability';
import { GatewayIdentity } from './gateway-identity';
import { type GatewayThreadData } from './gateway-thread';
import { type FromGatewayThread, type GatewayThreadSettings, type ToGatewayThread, type UsageIncrement } from './gateway-thread.protocol';
import { IpRuleMetrics } from './ip-rule.metrics';

/**
 * The main thread's end of the embedded gateway's thread (gateway-thread.ts): starts it, posts it
 * every change, answers its questions (a new token's decision) and collects what it counted (usage
 * for the database, outcomes for /metrics, warnings for the log).
 */
@Injectable()
export class GatewayThreadHost {
  private readonly logger = new Logger('EmbeddedGateway');
  private worker?: Worker;
  private port?: MessagePort;
  private posted = new Int32Array(new SharedArrayBuffer(4));
  private lastId = 0;
  private readonly collecting = new Map<number, (increments: UsageIncrement[]) => void>();
  private listening?: { resolve: (port: number) => void; reject: (error: Error) => void };
  private closing?: () => void;
  private stopping = false;

  constructor(
    private readonly identity: GatewayIdentity,
    private readonly metrics: Metrics,
    private readonly ipRuleMetrics: IpRuleMetrics,
  ) {
    // Every scrape sees what the thread counted up to it.
    metrics.onCollect(async () => {
      if (this.worker) await this.collect();
    });
  }

  /** Starts the thread; it holds no keys and does not listen until told. */
  start(settings: GatewayThreadSettings): void {
    const { port1, port2 } = new MessageChannel();
    this.posted = new Int32Array(new SharedArrayBuffer(4));
    const data: GatewayThreadData = { settings, port: port2, posted: this.posted };
    const worker = startWorker(data, [port2]);
    port1.on('message', (message: FromGatewayThread) => this.received(message));
    worker.on('error', (error) => this.logger.error(`Embedded gateway thread failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => this.exited(code));
    // Neither keeps the process alive: the app's own shutdown ends them.
    worker.unref();
    port1.unref();
    this.worker = worker;
    this.port = port1;
  }

  /** In force for every request the thread takes from now on (it reads `posted` before each). */
  post(message: ToGatewayThread): void {
    if (!this.port) return;
    this.port.postMessage(message);
    Atomics.add(this.posted, 0, 1);
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.listening = { resolve, reject };
      this.post({ type: 'listen' });
    });
  }

  /** The counts the database does not have yet; the outcomes counted since the last call go to the metrics. */
  collect(): Promise<UsageIncrement[]> {
    if (!this.worker) return Promise.resolve([]);
    const id = ++this.lastId;
    return new Promise((resolve) => {
      this.collecting.set(id, resolve);
      this.post({ type: 'collect', id });
    });
  }

  /** Stops the listener (requests in flight finish); the thread still answers `collect` until `stop`. */
  close(): Promise<void> {
    if (!this.worker) return Promise.resolve();
    return new Promise((resolve) => {
      this.closing = resolve;
      this.post({ type: 'close' });
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    this.worker = undefined;
    this.port?.close();
    this.port = undefined;
    await worker?.terminate();
  }

  /**
   * A thread that ends unasked is a bug that would have ended the whole process on one thread: so
   * it still does, through the graceful shutdown (SIGTERM), rather than leave an API up whose
   * gateway is gone. Its counts since the last flush (at most FLUSH_INTERVAL_MS) are lost.
   */
  private exited(code: number): void {
    this.worker = undefined;
    this.port?.close();
    this.port = undefined;
    this.listening?.reject(new Error(`The embedded gateway thread exited (code ${code})`));
    for (const resolve of this.collecting.values()) resolve([]);
    this.collecting.clear();
    this.closing?.();
    if (this.stopping) return;
    this.logger.error(`Embedded gateway thread exited (code ${code}): stopping Keyport so that it is restarted whole`);
    process.kill(process.pid, 'SIGTERM');
  }

  private received(message: FromGatewayThread): void {
    switch (message.type) {
      case 'listening':
        return this.listening?.resolve(message.port);
      case 'listen-failed':
        return this.listening?.reject(new Error(message.message));
      case 'decide':
        return void this.decide(message.id, message.authorization);
      case 'collected':
        for (const [outcome, count] of message.admissions) this.metrics.gatewayAdmission(outcome, count);
        for (const [mode, count] of message.ipRuleMatches) this.ipRuleMetrics.matched(mode, count);
        this.collecting.get(message.id)?.(message.increments);
        this.collecting.delete(message.id);
        return;
      case 'warn':
        return new Logger(message.context).warn(message.message);
      case 'closed':
        return this.closing?.();
    }
  }

  private async decide(id: number, authorization: string | undefined): Promise<void> {
    try {
      const { decision, cacheUntilMs } = await this.identity.decide(authorization);
      this.post({ type: 'decided', id, decision, cacheUntilMs });
    } catch (error) {
      this.logger.warn(`Gateway identity check failed: ${(error as Error).message}`);
      this.post({ type: 'decided', id, decision: null, cacheUntilMs: 0 });
    }
  }
}

/**
 * Built (dist/): the compiled entry. From the TypeScript sources (tests, `tsx`): the same entry
 * through tsx's loader, which the thread needs as the main thread's runner does.
 */
function startWorker(data: GatewayThreadData, transferList: MessagePort[]): Worker {
  const extension = path.extname(__filename);
  const entry = path.join(__dirname, `gateway-thread.main${extension}`);
  if (extension !== '.ts') return new Worker(entry, { workerData: data, transferList });
  const bootstrap = `require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { eval: true, workerData: data, transferList });
}
