import { Injectable, Logger } from '@nestjs/common';
import { GatewayChangeFeed, LocalGatewaySnapshotReader } from '@keyport/api-gateway';
import { AppConfig } from '@keyport/config';
import { KeyRevocations } from '@keyport/keys';
import { GatewayThreadHost } from './gateway-thread.host';

/** How often the tables are checked for changes made by another process (a worker run apart). */
export const CHANGE_POLL_MS = 300;

/**
 * Keeps the gateway thread's keys (GatewayState) in line with the local driver's tables: at once on a change made in this
 * process (the change feed), and within CHANGE_POLL_MS + one load for a change made elsewhere.
 * On the embedded PGlite database no other process can write (PGlite lives inside this one), so
 * there is nothing to poll for and the feed alone keeps the state current.
 */
@Injectable()
export class GatewayStateSync {
  private readonly logger = new Logger('EmbeddedGateway');
  private fingerprint = '';
  private loading?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private unsubscribeRevocations?: () => void;

  constructor(
    private readonly snapshots: LocalGatewaySnapshotReader,
    private readonly thread: GatewayThreadHost,
    private readonly changes: GatewayChangeFeed,
    private readonly revocations: KeyRevocations,
    private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    await this.reload();
    // Synchronous, so a revocation is in force before the request that made it answers.
    this.unsubscribeRevocations = this.revocations.subscribe((keyId) => this.thread.post({ type: 'revoke', keyId }));
    this.unsubscribe = this.changes.subscribe(() => void this.reload().catch((error: unknown) => this.warn(error)));
    if (this.config.database.url === undefined) return;
    this.timer = setInterval(() => void this.poll(), CHANGE_POLL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe?.();
    this.unsubscribeRevocations?.();
    await this.loading?.catch(() => undefined);
  }

  /** Loads the tables now; calls during a load make one more load after it, so none is missed. */
  reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.again = false;
        // Fingerprint first: a change landing during the load changes it again and is loaded next.
        const fingerprint = await this.snapshots.fingerprint();
        this.thread.post({ type: 'keys', rows: await this.snapshots.load() });
        this.fingerprint = fingerprint;
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- reload() sets it while this load awaits
      } while (this.again);
    })().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async poll(): Promise<void> {
    if (this.loading) return;
    try {
      if ((await this.snapshots.fingerprint()) !== this.fingerprint) await this.reload();
    } catch (error) {
      this.warn(error);
    }
  }

  private warn(error: unknown): void {
    // Keep serving the last state: a database hiccup must not lock every caller out.
    this.logger.warn(`Gateway state reload failed: ${(error as Error).message}`);
  }
}
