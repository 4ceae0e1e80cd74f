// `npm run gateway:bootstrap`: one usage plan per tier on the API stages of API_STAGES, and (with a real
// user pool) the resource server API_RESOURCE_SERVER with API_SCOPES. Idempotent.
import { ApplicationsService } from '@keyport/applications';
import { AppConfig } from '@keyport/config';
import { GatewayBootstrapService } from '@keyport/gateway-sync';
import { TiersService } from '@keyport/tiers';
import { runCli } from './run-cli';

runCli(async (app) => {
  await app.get(TiersService).ensureDefaults();
  const plans = await app.get(GatewayBootstrapService).run();
  for (const plan of plans) {
    process.stdout.write(`${plan.tier}: usage plan ${plan.planName} = ${plan.planId}${plan.newlyBound ? ' (recorded)' : ' (unchanged binding)'}\n`);
  }
  const config = app.get(AppConfig);
  if (config.cognito.mode === 'aws') {
    await app.get(ApplicationsService).ensureResourceServer();
    process.stdout.write(`resource server ${config.applications.resourceServer}: scopes ${config.applications.scopes.join(', ')}\n`);
  }
  return 0;
});
