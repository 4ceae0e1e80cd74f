import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ApplicationsService } from './applications.service';

export const SECRET_RETIREMENT_INTERVAL_MS = 5_000;

/**
 * Deletes client secrets whose rotation grace has ended, every few seconds, in each process that
 * serves the API (a second run finds nothing left to do: deletion is idempotent).
 */
@Injectable()
export class SecretRetirementScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Applications');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(private readonly applications: ApplicationsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.applications
        .retireExpiredSecrets()
        .catch((error: unknown) => this.logger.warn(`Retiring rotated client secrets failed: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    }, SECRET_RETIREMENT_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
