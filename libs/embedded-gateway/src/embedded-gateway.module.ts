import { Module } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { ApplicationsModule } from '@keyport/applications';
import { DevelopersModule } from '@keyport/developers';
import { KeysModule } from '@keyport/keys';
import { UsageModule } from '@keyport/usage';
import { Admission } from './admission';
import { EchoUpstream } from './echo.upstream';
import { EmbeddedGatewayServer } from './embedded-gateway.server';
import { GatewayClock } from './gateway-clock';
import { GatewayCors } from './gateway-cors';
import { GatewayIdentity } from './gateway-identity';
import { GatewayState } from './gateway-state';
import { GatewayStateSync } from './gateway-state.sync';
import { IpRateRule } from './ip-rate-rule';
import { IpRuleMetrics } from './ip-rule.metrics';
import { ProxyUpstream } from './proxy.upstream';
import { Upstream } from './upstream.port';
import { UsageFlusher } from './usage.flusher';
import { UsageLedger } from './usage-ledger';
import { UtcCalendar } from './utc-calendar';

/** The data plane of the `local` gateway driver: enforces keys, throttles and quotas and counts usage. */
@Module({
  imports: [KeysModule, UsageModule, ApplicationsModule, DevelopersModule],
  providers: [
    GatewayClock,
    UtcCalendar,
    UsageLedger,
    GatewayState,
    GatewayStateSync,
    UsageFlusher,
    Admission,
    IpRuleMetrics,
    IpRateRule,
    GatewayIdentity,
    GatewayCors,
    {
      provide: Upstream,
      inject: [AppConfig],
      useFactory: (config: AppConfig): Upstream => {
        // The caller's token is Keyport's business: with identity on it never reaches the upstream.
        const forwarded = config.embeddedGateway.forwardHeaders.filter((name) => config.applications.gatewayAuth === 'none' || name !== 'authorization');
        return config.embeddedGateway.upstreamUrl ? new ProxyUpstream(config.embeddedGateway.upstreamUrl, forwarded) : new EchoUpstream(forwarded);
      },
    },
    EmbeddedGatewayServer,
  ],
  exports: [EmbeddedGatewayServer, UsageFlusher, GatewayStateSync, GatewayCors],
})
export class EmbeddedGatewayModule {}
