// `npm run gateway:bootstrap`: one usage plan per tier on the API stages of API_STAGES. Idempotent.
import { GatewayBootstrap } from '@keyport/gateway-sync';
import { TiersService } from '@keyport/tiers';
import { runCli } from './run-cli';

runCli(async (app) => {
  await app.get(TiersService).ensureDefaults();
  const plans = await app.get(GatewayBootstrap).run();
  for (const plan of plans) {
    process.stdout.write(`${plan.tier}: usage plan ${plan.planName} = ${plan.planId}${plan.newlyBound ? ' (recorded)' : ' (unchanged binding)'}\n`);
  }
  return 0;
});
