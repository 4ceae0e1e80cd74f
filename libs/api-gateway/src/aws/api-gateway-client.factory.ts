import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@keyport/config';

/**
 * Builds the one API Gateway SDK client from configuration: region, optional endpoint (tests,
 * emulators) and the standard AWS credential chain. The SDK does not retry by itself: every attempt
 * goes through Keyport's pacing, which must see it.
 */
@Injectable()
export class ApiGatewayClientFactory implements OnApplicationShutdown {
  private client?: APIGatewayClient;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  get(): APIGatewayClient {
    this.client ??= new APIGatewayClient({
      region: this.config.aws.region,
      endpoint: this.config.aws.endpoint,
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
    });
    return this.client;
  }

  onApplicationShutdown(): void {
    this.client?.destroy();
  }
}
