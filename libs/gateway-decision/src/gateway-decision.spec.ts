import { describe, expect, it } from 'vitest';
import { type CallerDirectory, decideGatewayCaller } from './gateway-decision';

/** A directory that answers only what a test set up; any other look-up fails the test. */
function directory(
  applications: Record<string, Awaited<ReturnType<CallerDirectory['application']>>>,
  developers: Record<string, 'ACTIVE' | 'SUSPENDED'>,
): CallerDirectory {
  return {
    application: (clientId) =>
      clientId in applications ? Promise.resolve(applications[clientId] ?? null) : Promise.reject(new Error(`unexpected application ${clientId}`)),
    developerStatus: (id) => Promise.resolve(developers[id] ?? null),
  };
}

describe('decideGatewayCaller, shared by the embedded gateway and the Lambda authorizer', () => {
  const app = { applicationId: 'app-1', developerId: 'dev-1', kind: 'APPLICATION' as const };

  it("admits an application's token as its developer, with the token's scopes", async () => {
    const decision = await decideGatewayCaller(
      { sub: 'client-1', client: { clientId: 'client-1', scopes: ['keyport-api/read'] } },
      directory({ 'client-1': app }, { 'dev-1': 'ACTIVE' }),
    );
    expect(decision).toEqual({ allow: true, developerId: 'dev-1', applicationId: 'app-1', scopes: ['keyport-api/read'] });
  });

  it("admits a person's token as themselves, without an application", async () => {
    expect(await decideGatewayCaller({ sub: 'dev-1' }, directory({}, { 'dev-1': 'ACTIVE' }))).toEqual({
      allow: true,
      developerId: 'dev-1',
      applicationId: null,
      scopes: [],
    });
  });

  it('refuses as unauthorized a deleted or unknown application, a service account, and a person who is no developer', async () => {
    const client = (clientId: string) => ({ sub: clientId, client: { clientId, scopes: [] } });
    const lookups = directory({ gone: null, ops: { ...app, kind: 'SERVICE_ACCOUNT' } }, { 'dev-1': 'ACTIVE' });
    for (const caller of [client('gone'), client('ops'), { sub: 'admin-1' }]) {
      expect(await decideGatewayCaller(caller, lookups)).toEqual({ allow: false, refusal: 'unauthorized' });
    }
  });

  it("refuses as forbidden a suspended developer's own token and their application's", async () => {
    const lookups = directory({ 'client-1': app }, { 'dev-1': 'SUSPENDED' });
    expect(await decideGatewayCaller({ sub: 'dev-1' }, lookups)).toEqual({ allow: false, refusal: 'forbidden' });
    expect(await decideGatewayCaller({ sub: 'client-1', client: { clientId: 'client-1', scopes: [] } }, lookups)).toEqual({
      allow: false,
      refusal: 'forbidden',
    });
  });
});
