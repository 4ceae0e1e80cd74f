import { type DynamicModule, Module } from '@nestjs/common';
import { GatewayModule } from '@keyport/api-gateway';
import { ApplicationsModule } from '@keyport/applications';
import { AuditModule } from '@keyport/audit';
import { CognitoModule } from '@keyport/cognito';
import { CommonModule } from '@keyport/common';
import { type AppConfig, ConfigModule } from '@keyport/config';
import { DbModule } from '@keyport/db';
import { GatewaySyncModule } from '@keyport/gateway-sync';
import { ObservabilityModule } from '@keyport/observability';
import { OutboxModule } from '@keyport/outbox';
import { SecurityPostureModule } from '@keyport/security-posture';
import { TiersModule } from '@keyport/tiers';

/** What the gateway commands need: the sync services without the worker loop or the HTTP API. */
@Module({})
export class CliAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliAppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        ObservabilityModule,
        DbModule,
        OutboxModule,
        AuditModule,
        GatewayModule,
        TiersModule,
        GatewaySyncModule,
        SecurityPostureModule,
        // gateway:bootstrap makes a real pool's resource server; the embedded Cognito makes its own at start.
        ...(config.cognito.mode === 'aws' ? [CognitoModule, ApplicationsModule] : []),
      ],
    };
  }
}
