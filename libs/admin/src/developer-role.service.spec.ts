import { describe, expect, it } from 'vitest';
import { type AuditLog } from '@keyport/audit';
import { ADMIN_GROUP, type IdentityProvider, type IdentityUser } from '@keyport/cognito';
import { type DomainError } from '@keyport/common';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { DeveloperRoleService, type Role } from './developer-role.service';

/** A pool whose `admin` group holds `admins`; the service sees it only through the IdentityProvider port. */
function world(admins: string[]) {
  const members = new Set(admins);
  const identity = strictFake<IdentityProvider>('IdentityProvider', {
    getUser: async (id: string): Promise<IdentityUser> => ({
      userId: id,
      email: `${id}@example.com`,
      confirmed: true,
      groups: members.has(id) ? [ADMIN_GROUP] : [],
    }),
    groupMemberIds: async () => [...members],
    setGroupMembership: recorder(async (id: string, group: string, member: boolean) => {
      expect(group).toBe(ADMIN_GROUP);
      if (member) members.add(id);
      else members.delete(id);
    }),
  });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async () => undefined) });
  return { service: new DeveloperRoleService(identity, audit), identity, audit, members };
}

async function refusal(promise: Promise<Role>): Promise<string> {
  return ((await promise.catch((error: unknown) => error)) as DomainError).code;
}

describe('DeveloperRoleService', () => {
  it('makes a developer an admin and audits the change once', async () => {
    const { service, audit, members } = world(['boss']);
    expect(await service.setRole('ada', 'admin', 'boss')).toBe('admin');
    expect(members.has('ada')).toBe(true);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'developer.role_changed', targetType: 'developer', targetId: 'ada', before: { role: 'developer' }, after: { role: 'admin' } }],
    ]);
  });

  it('does nothing, and audits nothing, when the role is already the one asked for', async () => {
    const { service, identity, audit } = world(['boss']);
    expect(await service.setRole('boss', 'admin', 'other')).toBe('admin');
    expect(identity.setGroupMembership).toHaveProperty('calls', []);
    expect(audit.record).toHaveProperty('calls', []);
  });

  it('refuses an admin removing their own role (CANNOT_REMOVE_OWN_ADMIN)', async () => {
    const { service, members } = world(['boss', 'second']);
    expect(await refusal(service.setRole('boss', 'developer', 'boss'))).toBe('CANNOT_REMOVE_OWN_ADMIN');
    expect(members.has('boss')).toBe(true);
  });

  it('refuses removing the last admin (LAST_ADMIN), and allows it while another admin remains', async () => {
    const { service, members } = world(['only']);
    // A service account (not itself in the group) acting on the one admin.
    expect(await refusal(service.setRole('only', 'developer', 'service-account'))).toBe('LAST_ADMIN');
    expect(members.has('only')).toBe(true);

    members.add('second');
    expect(await service.setRole('only', 'developer', 'second')).toBe('developer');
    expect([...members]).toEqual(['second']);
  });
});
