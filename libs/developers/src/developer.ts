import { type QuotaPeriodName } from '@keyport/common';

export type DeveloperStatus = 'ACTIVE' | 'SUSPENDED';

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

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
