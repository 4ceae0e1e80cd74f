import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { Clock, forbidden, notFound } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { ADMIN_GROUP, IdentityProvider, type VerifiedPrincipal } from '@keyport/cognito';
import { Transactions } from '@keyport/db';
import { DEFAULT_TIER_SLUG } from '@keyport/tiers';
import { type Developer, normalizeEmail } from './developer';
import { DevelopersRepository } from './developers.repository';

@Injectable()
export class DevelopersService {
  constructor(
    private readonly developers: DevelopersRepository,
    private readonly identity: IdentityProvider,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * The developer behind a verified token, as read at most ROW_CACHE_TTL_MS ago by this replica
   * (writes here forget the row at once; the write paths re-read it under a lock). A user created in
   * the pool outside Keyport (or whose sign-up was interrupted before the row was written) gets
   * their row on first use, unless they are an admin: an admin is a developer only if they signed
   * up as one (POST /v1/auth/signup wrote their row), so an admin-only account is refused and
   * nothing is created.
   */
  async forPrincipal(principal: VerifiedPrincipal): Promise<Developer> {
    const existing = await this.developers.findRecent(principal.userId);
    if (existing) return existing;
    if (principal.groups.includes(ADMIN_GROUP)) {
      throw forbidden('This account is an admin, not a developer: sign up as a developer with another e-mail address', 'NOT_A_DEVELOPER');
    }
    const user = await this.identity.getUser(principal.username);
    return this.developers.createIfMissing({
      id: principal.userId,
      email: normalizeEmail(user.email),
      tierSlug: DEFAULT_TIER_SLUG,
      confirmedAt: user.confirmed ? this.clock.now() : null,
      status: this.config.signupApproval === 'manual' ? 'PENDING' : 'ACTIVE',
    });
  }

  /** The developer, refusing a suspended one: their own routes answer 403 until reinstated. */
  async requireActive(principal: VerifiedPrincipal): Promise<Developer> {
    const developer = await this.forPrincipal(principal);
    if (developer.status === 'SUSPENDED') throw forbidden('Your account is suspended', 'ACCOUNT_SUSPENDED');
    // A token issued before the deletion stays valid until it expires: it reaches nothing.
    if (developer.status === 'DELETED') throw forbidden('This account was deleted', 'ACCOUNT_DELETED');
    return developer;
  }

  async get(id: string): Promise<Developer> {
    const developer = await this.developers.findById(id);
    if (!developer) throw notFound('Developer');
    return developer;
  }

  /** Confirms a sign-up without the e-mailed code (admin action). */
  async adminConfirm(developerId: string): Promise<void> {
    const developer = await this.get(developerId);
    await this.identity.adminConfirm(developer.email);
    await this.transactions.run(async () => {
      await this.developers.markConfirmed(developer.id, this.clock.now());
      await this.audit.record({
        action: 'developer.confirmed',
        targetType: 'developer',
        targetId: developer.id,
        before: { confirmed: developer.confirmedAt !== null },
        after: { confirmed: true },
      });
    });
  }
}
