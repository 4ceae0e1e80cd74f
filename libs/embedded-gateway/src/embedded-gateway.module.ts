import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@keyport/applications';
import { DevelopersModule } from '@keyport/developers';
import { KeysModule } from '@keyport/keys';
import { UsageModule } from '@keyport/usage';
import { EmbeddedGatewayServer } from './embedded-gateway.server';
import { GatewayClock } from './gateway-clock';
import { GatewayIdentity } from './gateway-identity';
import { GatewayStateSync } from './gateway-state.sync';
import { GatewayThreadHost } from './gateway-thread.host';
import { IpRuleMetrics } from './ip-rule.metrics';
import { UsageFlusher } from './usage.flusher';
import { UtcCalendar } from './utc-calendar';

/**
 * The data plane of the `local` gateway driver: enforces keys, throttles and quotas and counts
 * usage. The request path runs in a thread of its own (gateway-thread.ts); these providers are its
 * main-thread side: the keys and counts from the database, token decisions, metrics.
 */
@Module({
  imports: [KeysModule, UsageModule, ApplicationsModule, DevelopersModule],
  providers: [GatewayClock, UtcCalendar, GatewayThreadHost, GatewayStateSync, UsageFlusher, IpRuleMetrics, GatewayIdentity, EmbeddedGatewayServer],
  exports: [EmbeddedGatewayServer, UsageFlusher, GatewayStateSync],
})
export class EmbeddedGatewayModule {}
