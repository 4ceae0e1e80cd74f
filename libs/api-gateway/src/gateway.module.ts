import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { ApiGatewayClientFactory } from './aws/api-gateway-client.factory';
import { AwsCallPacer } from './aws/aws-call-pacer';
import { AwsCallStats } from './aws/aws-call-stats';
import { AwsCalls } from './aws/aws-calls';
import { AwsGatewayDriver } from './aws/aws-gateway.driver';
import { GatewayDriver } from './gateway-driver.port';
import { GatewayChangeFeed } from './local/gateway-change-feed';
import { LocalGatewayDriver } from './local/local-gateway.driver';
import { PlanBindingsRepository } from './plan-bindings.repository';

@Global()
@Module({
  providers: [
    GatewayChangeFeed,
    LocalGatewayDriver,
    PlanBindingsRepository,
    ApiGatewayClientFactory,
    AwsCallPacer,
    AwsCallStats,
    AwsCalls,
    AwsGatewayDriver,
    {
      provide: GatewayDriver,
      inject: [AppConfig, LocalGatewayDriver, AwsGatewayDriver],
      useFactory: (config: AppConfig, local: LocalGatewayDriver, aws: AwsGatewayDriver): GatewayDriver =>
        config.gatewayDriver === 'aws' ? aws : local,
    },
  ],
  exports: [GatewayDriver, GatewayChangeFeed, PlanBindingsRepository, AwsCallStats],
})
export class GatewayModule {}
