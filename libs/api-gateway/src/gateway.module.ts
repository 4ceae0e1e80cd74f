import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { Metrics } from '@keyport/observability';
import { ApiGatewayClientFactory } from './aws/api-gateway-client.factory';
import { AwsCallPacer } from './aws/aws-call-pacer';
import { AwsCallStats } from './aws/aws-call-stats';
import { AwsCalls } from './aws/aws-calls';
import { AwsGatewayDriver } from './aws/aws-gateway.driver';
import { GatewayDriver } from './gateway-driver.port';
import { instrumentGatewayDriver } from './instrumented-gateway.driver';
import { GatewayChangeFeed } from './local/gateway-change-feed';
import { LocalGatewayDriver } from './local/local-gateway.driver';
import { LocalGatewaySnapshotReader } from './local/local-gateway-snapshot.reader';
import { PlanBindingsRepository } from './plan-bindings.repository';
import { PlanBindingsService } from './plan-bindings.service';

@Global()
@Module({
  providers: [
    GatewayChangeFeed,
    LocalGatewayDriver,
    LocalGatewaySnapshotReader,
    PlanBindingsRepository,
    PlanBindingsService,
    ApiGatewayClientFactory,
    AwsCallPacer,
    AwsCallStats,
    AwsCalls,
    AwsGatewayDriver,
    {
      provide: GatewayDriver,
      inject: [AppConfig, LocalGatewayDriver, AwsGatewayDriver, Metrics],
      useFactory: (config: AppConfig, local: LocalGatewayDriver, aws: AwsGatewayDriver, metrics: Metrics): GatewayDriver =>
        instrumentGatewayDriver(config.gatewayDriver === 'aws' ? aws : local, metrics),
    },
  ],
  exports: [GatewayDriver, GatewayChangeFeed, LocalGatewaySnapshotReader, PlanBindingsService, AwsCallStats, AwsCalls],
})
export class GatewayModule {}
