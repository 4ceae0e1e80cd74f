import { setTimeout as sleep } from 'node:timers/promises';
import { type APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { Injectable } from '@nestjs/common';
import { RetryPolicy } from '@keyport/common';
import { GatewayUnavailableError } from '../gateway-errors';
import { ApiGatewayClientFactory } from './api-gateway-client.factory';
import { AwsCallPacer } from './aws-call-pacer';
import { AwsCallStats } from './aws-call-stats';
import { classifyAwsError } from './aws-error.classifier';

/** Attempts of one call before the failure goes back to the caller (the outbox then retries later). */
const ATTEMPTS_PER_CALL = 4;

/**
 * Sends one API Gateway operation: paced, retried on throttling, 5xx and network failures with
 * exponential backoff and full jitter (honouring Retry-After), and translated into gateway errors.
 */
@Injectable()
export class AwsCalls {
  private readonly retry = new RetryPolicy(100, 5_000);

  constructor(
    private readonly clients: ApiGatewayClientFactory,
    private readonly pacer: AwsCallPacer,
    private readonly stats: AwsCallStats,
  ) {}

  async send<T>(operation: string, call: (client: APIGatewayClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.pacer.acquire(operation);
      this.stats.sent(operation);
      try {
        return await call(this.clients.get());
      } catch (raw) {
        const failure = classifyAwsError(operation, raw);
        if (failure.kind === 'throttled' || failure.kind === 'server' || failure.kind === 'network') this.stats.failed(failure.kind);
        if (!(failure.error instanceof GatewayUnavailableError) || attempt >= ATTEMPTS_PER_CALL) throw failure.error;
        await sleep(this.retry.delayMs(attempt, failure.error.retryAfterMs));
      }
    }
  }
}
