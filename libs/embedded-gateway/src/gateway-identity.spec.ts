import { describe, expect, it } from 'vitest';
import { type ApplicationsService } from '@keyport/applications';
import { type AccessTokenVerifier, type VerifiedPrincipal } from '@keyport/cognito';
import { type DeveloperAccountsService } from '@keyport/developers';
import { strictFake } from '../../../test/support/strict-fake';
import { GatewayIdentity } from './gateway-identity';

const PERSON: VerifiedPrincipal = { userId: 'dev-1', username: 'dev-1', groups: [], expiresAt: 2e9 };
const APP_TOKEN: VerifiedPrincipal = { ...PERSON, userId: 'client-1', client: { clientId: 'client-1', scopes: ['api/read'] } };
const APP = { applicationId: 'app-1', developerId: 'dev-1', kind: 'APPLICATION' as const, name: 'svc' };

/** Only the synchronous look-ups: any promise-returning call would fail the test. */
function identity(verified: Record<string, VerifiedPrincipal>, applications: Record<string, typeof APP>, statuses: Record<string, string>) {
  return new GatewayIdentity(
    strictFake<AccessTokenVerifier>('AccessTokenVerifier', { verifiedBefore: (token) => verified[token] }),
    strictFake<ApplicationsService>('ApplicationsService', { peekCallerFor: (clientId) => applications[clientId] }),
    strictFake<DeveloperAccountsService>('DeveloperAccountsService', {
      peekRecent: (id) => (id in statuses ? ({ id, status: statuses[id] } as ReturnType<DeveloperAccountsService['peekRecent']>) : undefined),
    }),
  );
}

describe('GatewayIdentity.decideNow, the promise-free path of a reused token', () => {
  it("decides a person's and an application's reused tokens from what is at hand, as the shared decision does", () => {
    const gateway = identity({ person: PERSON, app: APP_TOKEN }, { 'client-1': APP }, { 'dev-1': 'ACTIVE' });
    expect(gateway.decideNow('Bearer person')).toEqual({ allow: true, developerId: 'dev-1', applicationId: null, scopes: [] });
    expect(gateway.decideNow('Bearer app')).toEqual({ allow: true, developerId: 'dev-1', applicationId: 'app-1', scopes: ['api/read'] });
  });

  it('refuses a missing or malformed header at once, and a suspended developer with 403', () => {
    const gateway = identity({ person: PERSON }, {}, { 'dev-1': 'SUSPENDED' });
    expect(gateway.decideNow(undefined)).toEqual({ allow: false, refusal: 'unauthorized' });
    expect(gateway.decideNow('Basic abc')).toEqual({ allow: false, refusal: 'unauthorized' });
    expect(gateway.decideNow('Bearer person')).toEqual({ allow: false, refusal: 'forbidden' });
  });

  it('leaves to the async way a token not verified before, an application or developer row not at hand', () => {
    expect(identity({}, {}, {}).decideNow('Bearer unseen')).toBeUndefined();
    expect(identity({ app: APP_TOKEN }, {}, { 'dev-1': 'ACTIVE' }).decideNow('Bearer app')).toBeUndefined();
    expect(identity({ person: PERSON }, {}, {}).decideNow('Bearer person')).toBeUndefined();
  });
});
