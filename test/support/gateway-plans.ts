import { GATEWAY_TAG, type GatewayDriver } from '@keyport/api-gateway';
import { type FakeApiGateway } from '../fakes/api-gateway/fake-api-gateway';

// A tier's usage plan as the gateway itself shows it (by the tag Keyport puts on it), rather than as
// Keyport recorded it in its database: a test then proves what the gateway holds.

/** The id of the tier's usage plan at the gateway behind this driver (the embedded one, on `local`). */
export async function tierPlanId(driver: GatewayDriver, slug: string): Promise<string | undefined> {
  return (await driver.listPlans()).find((plan) => plan.tags[GATEWAY_TAG.tier] === slug)?.id;
}

/** The id of the tier's usage plan at the fake API Gateway (read from its state: no call is counted). */
export function tierPlanAtFake(fake: FakeApiGateway, slug: string): string | undefined {
  return [...fake.state.plans.values()].find((plan) => plan.tags[GATEWAY_TAG.tier] === slug)?.id;
}
