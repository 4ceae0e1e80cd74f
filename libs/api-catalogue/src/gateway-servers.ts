import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppConfig } from '@keyport/config';
import { EmbeddedGatewayServer } from '@keyport/embedded-gateway';
import { type ApiStage } from './api-document';

/**
 * Where browsers and API clients reach the gateway: GATEWAY_PUBLIC_URL when set, otherwise the
 * embedded gateway's own URL, or on the AWS driver each API stage's invoke URL.
 */
@Injectable()
export class GatewayServers {
  constructor(
    private readonly config: AppConfig,
    private readonly modules: ModuleRef,
  ) {}

  /** The base URLs, in API_STAGES order on AWS; empty while the embedded gateway is not listening yet. */
  urls(): string[] {
    const publicUrl = this.config.embeddedGateway.publicUrl;
    if (publicUrl) return [publicUrl];
    if (this.config.gatewayDriver === 'aws') return this.config.aws.apiStages.map((stage) => this.invokeUrl(stage));
    try {
      return [this.modules.get(EmbeddedGatewayServer, { strict: false }).url];
    } catch {
      return [];
    }
  }

  /** The origins of `urls()`, for the portal's Content-Security-Policy `connect-src`. */
  origins(): string[] {
    return [...new Set(this.urls().map((url) => new URL(url).origin))];
  }

  /** A stage's default endpoint, `https://{restApiId}.execute-api.{region}.amazonaws.com/{stage}`. */
  invokeUrl(stage: ApiStage): string {
    return `https://${stage.restApiId}.execute-api.${this.config.aws.region}.amazonaws.com/${stage.stage}`;
  }
}
