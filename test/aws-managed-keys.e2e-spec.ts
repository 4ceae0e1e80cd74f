import { describe, expect, it } from 'vitest';
import { createApplication } from './support/applications';
import { eventually, useAwsKeyport } from './support/aws-keyport';
import { tierPlanAtFake } from './support/gateway-plans';
import { adminToken, signUpDeveloper } from './support/journey';
import { managedKeyReady } from './support/managed-keys';

/** apiKeySource AUTHORIZER on AWS: each application's managed key is a real API key in its developer's usage plan. */
describe('managed keys on the aws driver, against the fake API Gateway', () => {
  const AUTHORIZER_SECRET = 'a-shared-secret-of-at-least-32-characters';
  const aws = useAwsKeyport({ bootstrap: true, env: { AUTHORIZER_SECRET } });

  const gatewayKey = (keyportId: string) => [...aws.fake.state.keys.values()].find((key) => key.name === `keyport-${keyportId}`);
  const plansOfGatewayKey = (id: string) => aws.fake.state.plansOfKey(id).map((plan) => plan.id);
  /** What Keyport's internal route tells the Lambda authorizer about the application. */
  const authorizerView = (clientId: string) =>
    aws.http.get(`/internal/authorizer/applications/${clientId}`, { headers: { 'x-keyport-authorizer-secret': AUTHORIZER_SECRET } });

  it("creates the application's managed key in its developer's plan, tagged with the application; rotates it with the secret; deletes it with the application", async () => {
    const admin = await adminToken(aws.http);
    const dev = await signUpDeveloper(aws.http, admin);
    const app = await createApplication(aws.http, dev.token, { name: 'aws-service' });
    const keyId = await managedKeyReady(aws.harness, app.id);

    const key = gatewayKey(keyId)!;
    expect(key).toBeDefined();
    expect(key.enabled).toBe(true);
    expect(key.tags).toMatchObject({ 'keyport:key': keyId, 'keyport:developer': dev.id, 'keyport:application': app.id });
    const standard = tierPlanAtFake(aws.fake, 'standard');
    expect(plansOfGatewayKey(key.id)).toEqual([standard]);
    // The value the Lambda authorizer hands API Gateway as usageIdentifierKey is the key's own.
    const view = await authorizerView(app.clientId);
    expect(view.status).toBe(200);
    expect(view.body.apiKey).toBe(key.value);
    // Hidden from the developer's keys.
    expect((await aws.http.get('/v1/keys', { token: dev.token })).body.items).toEqual([]);

    const rotated = await aws.http.post(`/v1/applications/${app.id}/rotate-secret`, { gracePeriodSeconds: 0 }, { token: dev.token });
    expect(rotated.status).toBe(201);
    const successorId = await managedKeyReady(aws.harness, app.id);
    expect(successorId).not.toBe(keyId);
    await eventually(() => gatewayKey(keyId) === undefined, 'the old managed key deleted at the gateway');
    expect(plansOfGatewayKey(gatewayKey(successorId)!.id)).toEqual([standard]);

    expect((await aws.http.delete(`/v1/applications/${app.id}`, { token: dev.token })).status).toBe(204);
    await eventually(() => gatewayKey(successorId) === undefined, 'the managed key deleted with the application');
    expect((await authorizerView(app.clientId)).status).toBe(404);
  });
});
