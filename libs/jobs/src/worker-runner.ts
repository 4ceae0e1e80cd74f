import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicTask } from '@keyport/common';
import { KeysService } from '@keyport/keys';
import { OutboxWorker } from '@keyport/outbox';

const EXPIRY_SWEEP_MS = 1_000;

/** Runs the outbox worker and the key expiry sweep for as long as the process lives. */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);
  private readonly expirySweep: PeriodicTask;

  constructor(
    private readonly outbox: OutboxWorker,
    private readonly keys: KeysService,
  ) {
    this.expirySweep = new PeriodicTask({ name: 'Key expiry sweep', everyMs: EXPIRY_SWEEP_MS, logger: this.logger }, async () => {
      const revoked = await this.keys.revokeExpired();
      if (revoked > 0) this.logger.log(`Revoked ${revoked} key(s) whose expiry or rotation grace came`);
    });
  }

  onApplicationBootstrap(): void {
    this.outbox.start();
    this.expirySweep.start();
  }

  // Before shutdown, not on it: the item in hand must finish while the database is still open.
  async beforeApplicationShutdown(): Promise<void> {
    this.expirySweep.stop();
    await this.outbox.stop();
  }
}
