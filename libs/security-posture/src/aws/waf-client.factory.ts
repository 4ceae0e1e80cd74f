import { WAFV2Client } from '@aws-sdk/client-wafv2';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@keyport/config';

/** The WAFv2 SDK client; AWS_ENDPOINT_URL_WAFV2 (the SDK's standard name) points it at an emulator. */
@Injectable()
export class WafClientFactory implements OnApplicationShutdown {
  private client?: WAFV2Client;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  get(): WAFV2Client {
    this.client ??= new WAFV2Client({
      region: this.config.aws.region,
      endpoint: this.config.securityAudit.wafEndpoint,
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
    });
    return this.client;
  }

  onApplicationShutdown(): void {
    this.client?.destroy();
  }
}
