import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { KeysService } from '@keyport/keys';
import { OutboxWorker } from '@keyport/outbox';

const EXPIRY_SWEEP_MS = 1_000;

/** Runs the outbox worker and the periodic jobs for as long as the process lives. */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);
  private sweeper?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly outbox: OutboxWorker,
    private readonly keys: KeysService,
  ) {}

  onApplicationBootstrap(): void {
    this.outbox.start();
    this.sweeper = setInterval(() => void this.sweepExpiredKeys(), EXPIRY_SWEEP_MS);
    this.sweeper.unref();
  }

  // Before shutdown, not on it: the item in hand must finish while the database is still open.
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.outbox.stop();
  }

  private async sweepExpiredKeys(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const revoked = await this.keys.revokeExpired();
      if (revoked > 0) this.logger.log(`Revoked ${revoked} key(s) whose rotation grace ended`);
    } catch (error) {
      this.logger.error(`Key expiry sweep failed: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
  }
}
