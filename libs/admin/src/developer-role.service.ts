import { Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { ADMIN_GROUP, IdentityProvider } from '@keyport/cognito';
import { conflict } from '@keyport/common';

export type Role = 'admin' | 'developer';

/**
 * Who is an admin: membership of the Cognito group `admin`. The pool is the one place roles live,
 * so a change shows in the user's next access token (sign in again or refresh).
 */
@Injectable()
export class DeveloperRoleService {
  constructor(
    private readonly identity: IdentityProvider,
    private readonly audit: AuditLog,
  ) {}

  async roleOf(userId: string): Promise<Role> {
    return (await this.identity.getUser(userId)).groups.includes(ADMIN_GROUP) ? 'admin' : 'developer';
  }

  /** Sets the role; an admin cannot remove their own, and the last admin stays one. Audited when it changes. */
  async setRole(userId: string, role: Role, actorId: string): Promise<Role> {
    const before = await this.roleOf(userId);
    if (before === role) return role;
    if (role === 'developer') {
      if (userId === actorId) throw conflict('You cannot remove your own admin role; ask another admin', 'CANNOT_REMOVE_OWN_ADMIN');
      const admins = await this.identity.groupMemberIds(ADMIN_GROUP);
      if (admins.filter((id) => id !== userId).length === 0) throw conflict('The last admin cannot be removed; make another admin first', 'LAST_ADMIN');
    }
    await this.identity.setGroupMembership(userId, ADMIN_GROUP, role === 'admin');
    await this.audit.record({ action: 'developer.role_changed', targetType: 'developer', targetId: userId, before: { role: before }, after: { role } });
    return role;
  }
}
