import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { AdminBootstrap } from '@keyport/developers';
import { PlanSync } from '@keyport/gateway-sync';
import { TiersService } from '@keyport/tiers';

/** What must exist before the first request: default tiers, their local plans, an admin. */
@Injectable()
export class StartupTasks implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly tiers: TiersService,
    private readonly plans: PlanSync,
    private readonly admin: AdminBootstrap,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tiers.ensureDefaults();
    // On AWS the plans are made by `npm run gateway:bootstrap`, with its own pacing.
    if (this.config.gatewayDriver === 'local') await this.plans.syncAllTiers();
    await this.admin.run();
  }
}
