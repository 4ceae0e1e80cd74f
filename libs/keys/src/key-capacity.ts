import { Inject, Injectable } from '@nestjs/common';
import { conflict } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { KeysRepository } from './keys.repository';

/**
 * API Gateway holds at most 10,000 API keys per account and Region, and that cannot be raised.
 * Keyport counts its live keys against that limit and refuses a new one with a 409 before AWS
 * would refuse it in the worker, long after the developer was told "provisioning".
 */
@Injectable()
export class KeyCapacity {
  constructor(
    private readonly keys: KeysRepository,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  get limit(): number | null {
    return this.config.gatewayDriver === 'aws' ? this.config.aws.maxApiKeys : null;
  }

  /** Call inside the creating transaction: it serialises creations so two cannot take the last place. */
  async ensureRoom(): Promise<void> {
    const limit = this.limit;
    if (limit === null) return;
    await this.keys.lockKeyCapacity();
    if ((await this.keys.countLive()) >= limit) {
      throw conflict(
        `Key capacity reached: the API Gateway account holds at most ${limit} API keys in ${this.config.aws.region}. ` +
          'Revoke keys you no longer use, or ask an administrator.',
        'KEY_CAPACITY_REACHED',
      );
    }
  }

  async usage(): Promise<{ used: number; limit: number | null }> {
    return { used: await this.keys.countLive(), limit: this.limit };
  }
}
