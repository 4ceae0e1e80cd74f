import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GatewayModule } from '@keyport/api-gateway';
import { AuditModule } from '@keyport/audit';
import { CognitoModule } from '@keyport/cognito';
import { CommonModule } from '@keyport/common';
import { type AppConfig, ConfigModule } from '@keyport/config';
import { DbModule } from '@keyport/db';
import { DevelopersModule } from '@keyport/developers';
import { GatewaySyncModule } from '@keyport/gateway-sync';
import { KeysModule } from '@keyport/keys';
import { OutboxModule } from '@keyport/outbox';
import { TiersModule } from '@keyport/tiers';
import { WorkerModule } from '@keyport/worker';
import { AdminDevelopersController } from './admin/admin-developers.controller';
import { AdminGatewayController } from './admin/admin-gateway.controller';
import { AccessTokenGuard } from './auth/access-token.guard';
import { AuthController } from './auth/auth.controller';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { ApiErrorFilter } from './http/api-error.filter';
import { KeysController } from './keys/keys.controller';
import { MeController } from './me/me.controller';
import { StartupTasks } from './startup/startup-tasks';
import { TiersController } from './tiers/tiers.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        DbModule,
        OutboxModule,
        AuditModule,
        CognitoModule,
        GatewayModule,
        TiersModule,
        KeysModule,
        DevelopersModule,
        GatewaySyncModule,
        ...(config.runWorkerInProcess ? [WorkerModule] : []),
      ],
      controllers: [AuthController, TiersController, MeController, KeysController, AdminDevelopersController, HealthController, AdminGatewayController],
      providers: [
        ReadinessService,
        StartupTasks,
        { provide: APP_GUARD, useClass: AccessTokenGuard },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
      ],
    };
  }
}
