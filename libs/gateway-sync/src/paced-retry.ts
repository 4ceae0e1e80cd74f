import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayUnavailableError } from '@keyport/api-gateway';

/**
 * Runs `work` again whenever the gateway says "later" (pacing of UpdateUsagePlan, throttling), for
 * one-off commands that would rather wait than fail; gives up after `maxTries`.
 */
export async function withPatience<T>(work: () => Promise<T>, maxTries = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof GatewayUnavailableError) || attempt >= maxTries) throw error;
      await sleep(Math.max(error.retryAfterMs ?? 0, 250 * attempt));
    }
  }
}
