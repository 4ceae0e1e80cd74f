import { describe, expect, it } from 'vitest';
import { type ApplicationsService } from '@keyport/applications';
import { DomainError, ErrorKind } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { type AccessTokenVerifier, type VerifiedPrincipal } from '@keyport/cognito';
import { type DeveloperAccountsService } from '@keyport/developers';
import { strictFake } from '../../../test/support/strict-fake';
import { GatewayIdentity } from './gateway-identity';

const IN_AN_HOUR_S = Math.floor(Date.now() / 1000) + 3600;
const PERSON: VerifiedPrincipal = { userId: 'dev-1', username: 'dev-1', groups: [], expiresAt: IN_AN_HOUR_S };
const APP_TOKEN: VerifiedPrincipal = { ...PERSON, userId: 'client-1', client: { clientId: 'client-1', scopes: ['api/read'] } };
const APP = { applicationId: 'app-1', developerId: 'dev-1', kind: 'APPLICATION' as const, name: 'svc' };

function identity(statuses: Record<string, string>, rowCacheTtlMs = 1000, expiresAt = IN_AN_HOUR_S) {
  const tokens: Record<string, VerifiedPrincipal> = { person: { ...PERSON, expiresAt }, app: { ...APP_TOKEN, expiresAt } };
  return new GatewayIdentity(
    strictFake<AccessTokenVerifier>('AccessTokenVerifier', {
      verify: (token) => {
        const principal = tokens[token];
        return principal ? Promise.resolve(principal) : Promise.reject(new DomainError(ErrorKind.Unauthenticated, 'bad token', { code: 'TOKEN_INVALID' }));
      },
    }),
    strictFake<ApplicationsService>('ApplicationsService', { callerFor: (clientId) => Promise.resolve(clientId === 'client-1' ? APP : null) }),
    strictFake<DeveloperAccountsService>('DeveloperAccountsService', {
      findRecent: (id) =>
        Promise.resolve(id in statuses ? ({ id, status: statuses[id] } as Awaited<ReturnType<DeveloperAccountsService['findRecent']>>) : null),
    }),
    { database: { rowCacheTtlMs } } as AppConfig,
  );
}

describe('GatewayIdentity.decide, the main thread deciding a token for the gateway thread', () => {
  it("decides a person's and an application's tokens as the shared decision does, to be kept ROW_CACHE_TTL_MS", async () => {
    const before = Date.now();
    const person = await identity({ 'dev-1': 'ACTIVE' }).decide('Bearer person');
    expect(person.decision).toEqual({ allow: true, developerId: 'dev-1', applicationId: null, scopes: [] });
    expect(person.cacheUntilMs).toBeGreaterThanOrEqual(before + 1000);
    expect(person.cacheUntilMs).toBeLessThanOrEqual(Date.now() + 1000);
    const app = await identity({ 'dev-1': 'ACTIVE' }).decide('Bearer app');
    expect(app.decision).toEqual({ allow: true, developerId: 'dev-1', applicationId: 'app-1', scopes: ['api/read'] });
  });

  it('keeps a decision no longer than its token lives, and not at all with ROW_CACHE_TTL_MS=0', async () => {
    const soon = Math.floor(Date.now() / 1000);
    expect((await identity({ 'dev-1': 'ACTIVE' }, 1000, soon).decide('Bearer person')).cacheUntilMs).toBe(soon * 1000);
    expect((await identity({ 'dev-1': 'ACTIVE' }, 0).decide('Bearer person')).cacheUntilMs).toBe(0);
  });

  it('refuses a missing, malformed or invalid token with 401 and never lets the thread keep that; a suspended developer with 403', async () => {
    const gateway = identity({ 'dev-1': 'SUSPENDED' });
    for (const header of [undefined, 'Basic abc', 'Bearer forged']) {
      expect(await gateway.decide(header)).toEqual({ decision: { allow: false, refusal: 'unauthorized' }, cacheUntilMs: 0 });
    }
    expect((await gateway.decide('Bearer person')).decision).toEqual({ allow: false, refusal: 'forbidden' });
  });
});
