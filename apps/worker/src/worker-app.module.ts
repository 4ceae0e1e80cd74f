import { type DynamicModule, Module } from '@nestjs/common';
import { GatewayModule } from '@keyport/api-gateway';
import { AuditModule } from '@keyport/audit';
import { CommonModule } from '@keyport/common';
import { type AppConfig, ConfigModule } from '@keyport/config';
import { DbModule } from '@keyport/db';
import { ObservabilityModule } from '@keyport/observability';
import { OutboxModule } from '@keyport/outbox';
import { WorkerMetricsServer } from './worker-metrics.server';
import { WorkerModule } from '@keyport/jobs';

/** The worker as its own process (`npm run start:worker`), for deployments that scale it apart. */
@Module({})
export class WorkerAppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerAppModule,
      imports: [ConfigModule.forRoot(config), CommonModule, ObservabilityModule, DbModule, OutboxModule, AuditModule, GatewayModule, WorkerModule],
      providers: [WorkerMetricsServer],
    };
  }
}
