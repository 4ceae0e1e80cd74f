import { type QuotaPeriodName, forbidden } from '@keyport/common';
import { type Quota } from '@keyport/tiers';

export type DeveloperStatus = 'ACTIVE' | 'SUSPENDED' | 'PENDING' | 'DELETED';

export interface Developer {
  /** Cognito's `sub`. */
  id: string;
  email: string;
  tierSlug: string;
  status: DeveloperStatus;
  suspendedReason: string | null;
  confirmedAt: Date | null;
  quotaOverride: { limit: number; period: QuotaPeriodName } | null;
  createdAt: Date;
}

/**
 * A pending developer (SIGNUP_APPROVAL=manual, not approved yet) may sign in and read the portal,
 * but creates nothing that calls the API: no key, no application.
 */
export function assertApproved(developer: Pick<Developer, 'status'>): void {
  if (developer.status === 'PENDING') throw forbidden('An admin must approve your sign-up before you can create keys', 'DEVELOPER_PENDING');
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The billing side of a developer: who Stripe bills, and their Stripe customer once there is one. */
export interface BillingAccount {
  developerId: string;
  email: string;
  tierSlug: string;
  customerId: string | null;
}

/** The one effective-quota rule: a developer's own quota when an admin set one, else their tier's. */
export function effectiveQuota(developer: Pick<Developer, 'quotaOverride'>, tier: { quota: Quota }): Quota {
  return developer.quotaOverride ?? tier.quota;
}

/** What a deleted developer's e-mail becomes: `.invalid` is reserved (RFC 2606), so no one can sign up with it. */
export function deletedEmail(developerId: string): string {
  return `deleted+${developerId}@keyport.invalid`;
}
