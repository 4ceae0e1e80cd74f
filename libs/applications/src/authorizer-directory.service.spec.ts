import { describe, expect, it } from 'vitest';
import { type Developer, type DeveloperAccountsService } from '@keyport/developers';
import { type ManagedKeysService } from '@keyport/keys';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type ApplicationCaller } from './application';
import { type ApplicationsRepository } from './applications.repository';
import { AuthorizerDirectory } from './authorizer-directory.service';

const APPLICATION: ApplicationCaller = { applicationId: 'app-1', developerId: 'dev-1', kind: 'APPLICATION', name: 'billing-sync' };

function world(options: { caller?: ApplicationCaller | null; developer?: Developer | null; managedKey?: boolean } = {}) {
  const caller = options.caller === undefined ? APPLICATION : options.caller;
  const developer = options.developer === undefined ? developerFixture({ status: 'SUSPENDED' }) : options.developer;
  const applications = strictFake<ApplicationsRepository>('ApplicationsRepository', { findCaller: recorder(async () => caller) });
  const developers = strictFake<DeveloperAccountsService>('DeveloperAccountsService', { find: recorder(async () => developer) });
  const managedKeys = strictFake<ManagedKeysService>('ManagedKeysService', {
    current: recorder(async () => (options.managedKey === false ? null : { keyId: 'key-1', value: 'managed-value' })),
  });
  return { directory: new AuthorizerDirectory(applications, developers, managedKeys), applications, developers, managedKeys };
}

describe('AuthorizerDirectory', () => {
  it("answers an application's developer, their status (suspended included) and its managed key", async () => {
    const { directory, applications, developers, managedKeys } = world();
    expect(await directory.byClientId('client-1')).toEqual({
      developerId: 'dev-1',
      developerStatus: 'SUSPENDED',
      application: { applicationId: 'app-1', kind: 'APPLICATION' },
      apiKey: 'managed-value',
    });
    expect(applications.findCaller).toHaveProperty('calls', [['client-1']]);
    expect(developers.find).toHaveProperty('calls', [['dev-1']]);
    expect(managedKeys.current).toHaveProperty('calls', [['app-1']]);
  });

  it('answers no key while the managed key is not made yet', async () => {
    const { directory } = world({ managedKey: false });
    expect(await directory.byClientId('client-1')).toMatchObject({ apiKey: null });
  });

  it('does not look for a managed key of a service account (it has none)', async () => {
    const { directory, managedKeys } = world({ caller: { ...APPLICATION, kind: 'SERVICE_ACCOUNT' } });
    expect(await directory.byClientId('client-1')).toMatchObject({ application: { applicationId: 'app-1', kind: 'SERVICE_ACCOUNT' }, apiKey: null });
    expect(managedKeys.current).toHaveProperty('calls', []);
  });

  it('answers null for an unknown or deleted client, and for an application whose developer is gone', async () => {
    const { directory: unknown, developers } = world({ caller: null });
    expect(await unknown.byClientId('client-x')).toBeNull();
    expect(developers.find).toHaveProperty('calls', []);
    const { directory: orphan, managedKeys } = world({ developer: null });
    expect(await orphan.byClientId('client-1')).toBeNull();
    expect(managedKeys.current).toHaveProperty('calls', []);
  });

  it("answers a person's developer and status without application or key, and null for one who never became a developer", async () => {
    const { directory } = world({ developer: developerFixture({ status: 'PENDING' }) });
    expect(await directory.byDeveloperId('dev-1')).toEqual({ developerId: 'dev-1', developerStatus: 'PENDING', application: null, apiKey: null });
    const { directory: none } = world({ developer: null });
    expect(await none.byDeveloperId('admin-only')).toBeNull();
  });
});
