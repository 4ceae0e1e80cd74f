import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { Metrics, instrumentGatewayDriver } from '@keyport/observability';
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
    {
      provide: GatewayDriver,
      inject: [AppConfig, LocalGatewayDriver, Metrics],
      useFactory: (config: AppConfig, local: LocalGatewayDriver, metrics: Metrics): GatewayDriver => {
        if (config.gatewayDriver === 'local') return instrumentGatewayDriver(local, metrics);
        throw new Error('GATEWAY_DRIVER=aws is not available yet');
      },
    },
  ],
  exports: [GatewayDriver, GatewayChangeFeed, PlanBindingsRepository],
})
export class GatewayModule {}
