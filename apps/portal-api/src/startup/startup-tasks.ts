import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiCatalogueService } from '@keyport/api-catalogue';
import { ApplicationsService } from '@keyport/applications';
import { AppConfig } from '@keyport/config';
import { AdminBootstrap } from '@keyport/developers';
import { PlanSyncService } from '@keyport/gateway-sync';
import { TiersService } from '@keyport/tiers';

/** What must exist before the first request: default tiers, their local plans, an admin, the embedded pool's resource server. */
@Injectable()
export class StartupTasks implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly tiers: TiersService,
    private readonly plans: PlanSyncService,
    private readonly admin: AdminBootstrap,
    private readonly applications: ApplicationsService,
    private readonly catalogue: ApiCatalogueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tiers.ensureDefaults();
    // On AWS the plans are made by `npm run gateway:bootstrap`, with its own pacing.
    if (this.config.gatewayDriver === 'local') await this.plans.syncAllTiers();
    await this.admin.run();
    // The embedded Cognito's resource server (API_RESOURCE_SERVER, API_SCOPES); a real pool's is made by gateway:bootstrap.
    if (this.config.cognito.mode === 'local') await this.applications.ensureResourceServer();
    // The APIs page is not empty on `npm start`: the built-in echo upstream's reference.
    if (this.config.gatewayDriver === 'local' && !this.config.embeddedGateway.upstreamUrl) await this.catalogue.ensureEchoDemo();
  }
}
