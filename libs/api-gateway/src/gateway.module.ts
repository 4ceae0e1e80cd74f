import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
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
      inject: [AppConfig, LocalGatewayDriver],
      useFactory: (config: AppConfig, local: LocalGatewayDriver): GatewayDriver => {
        if (config.gatewayDriver === 'local') return local;
        throw new Error('GATEWAY_DRIVER=aws is not available yet');
      },
    },
  ],
  exports: [GatewayDriver, GatewayChangeFeed, PlanBindingsRepository],
})
export class GatewayModule {}
