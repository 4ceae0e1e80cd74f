import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { AppConfig } from '@keyport/config';
import { Clock, DomainError, ErrorKind } from '@keyport/common';
import { type AuthTokens, IdentityProvider, type SignInOutcome, type SignUpResult } from '@keyport/cognito';
import { DEFAULT_TIER_SLUG } from '@keyport/tiers';
import { normalizeEmail } from './developer';
import { DevelopersRepository } from './developers.repository';
import { InvitationsService } from './invitations.service';
import { SignInAttempts } from './sign-in-attempts.port';

export const ACCOUNT_LOCKED = 'ACCOUNT_LOCKED';

/** Sign-up and sign-in against the user pool, keeping the developer rows in step. */
@Injectable()
export class AuthService {
  constructor(
    private readonly identity: IdentityProvider,
    private readonly developers: DevelopersRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly attempts: SignInAttempts,
    private readonly invitations: InvitationsService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async signUp(rawEmail: string, password: string): Promise<SignUpResult> {
    const email = normalizeEmail(rawEmail);
    const result = await this.identity.signUp(email, password);
    await this.developers.createIfMissing({
      id: result.userId,
      email,
      tierSlug: DEFAULT_TIER_SLUG,
      confirmedAt: result.confirmed ? this.clock.now() : null,
      // With manual approval the developer can sign in once confirmed, but creates nothing until approved.
      status: this.config.signupApproval === 'manual' ? 'PENDING' : 'ACTIVE',
    });
    await this.audit.record({
      action: 'auth.signed_up',
      actor: { type: 'anonymous' },
      targetType: 'developer',
      targetId: result.userId,
    });
    return result;
  }

  async confirm(rawEmail: string, code: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    await this.identity.confirmSignUp(email, code);
    const developer = await this.developers.findByEmail(email);
    if (developer) await this.developers.markConfirmed(developer.id, this.clock.now());
  }

  /** Counted per account before the password is checked: past the limit, 429 whatever the password. */
  async login(rawEmail: string, password: string): Promise<SignInOutcome> {
    const email = normalizeEmail(rawEmail);
    const attempt = await this.attempts.attempt(email);
    if (!attempt.allowed) {
      // The same answer for an account that does not exist: a lockout tells nothing about who has signed up.
      throw new DomainError(ErrorKind.RateLimited, `Too many sign-in attempts for this account; retry in ${attempt.retryAfterSeconds} s`, {
        code: ACCOUNT_LOCKED,
        retryAfterSeconds: attempt.retryAfterSeconds,
      });
    }
    try {
      const tokens = await this.identity.login(email, password);
      await this.attempts.succeeded(email);
      return tokens;
    } catch (error) {
      if (error instanceof DomainError && error.kind === ErrorKind.Unauthenticated) {
        // Security-relevant: repeated failures for one account are what an admin looks for.
        await this.audit.record({
          action: 'auth.sign_in_failed',
          actor: { type: 'anonymous' },
          targetType: 'email',
          targetId: email,
        });
      }
      throw error;
    }
  }

  /** Answers the NEW_PASSWORD_REQUIRED challenge of an invitation's temporary password; the invitation is then accepted. */
  async completeNewPassword(rawEmail: string, session: string, newPassword: string): Promise<AuthTokens> {
    const email = normalizeEmail(rawEmail);
    const tokens = await this.identity.completeNewPassword(email, session, newPassword);
    await this.invitations.accepted(email);
    return tokens;
  }

  refresh(refreshToken: string): Promise<AuthTokens> {
    return this.identity.refresh(refreshToken);
  }

  /** Ends one refresh token (sign-out on this device). */
  logout(refreshToken: string): Promise<void> {
    return this.identity.revokeRefreshToken(refreshToken);
  }

  /** Sends a reset code when the account exists and is confirmed; says nothing either way (no enumeration). */
  async forgotPassword(rawEmail: string): Promise<void> {
    await ignoringAbsence(this.identity.forgotPassword(normalizeEmail(rawEmail)));
  }

  async resetPassword(rawEmail: string, code: string, newPassword: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    await this.identity.confirmForgotPassword(email, code, newPassword);
    const developer = await this.developers.findByEmail(email);
    await this.audit.record({
      action: 'auth.password_reset',
      actor: { type: 'anonymous' },
      targetType: developer ? 'developer' : 'email',
      targetId: developer?.id ?? email,
    });
  }

  /** A new sign-up code when the account exists and is unconfirmed; says nothing either way (no enumeration). */
  async resendCode(rawEmail: string): Promise<void> {
    await ignoringAbsence(this.identity.resendConfirmationCode(normalizeEmail(rawEmail)));
  }

  async changePassword(developerId: string, accessToken: string, currentPassword: string, newPassword: string): Promise<void> {
    await this.identity.changePassword(accessToken, currentPassword, newPassword);
    await this.audit.record({ action: 'auth.password_changed', targetType: 'developer', targetId: developerId });
  }

  /** Every refresh token of the account stops working; access tokens already issued run out by themselves. */
  async signOutEverywhere(developerId: string, accessToken: string): Promise<void> {
    await this.identity.globalSignOut(accessToken);
    await this.audit.record({ action: 'auth.signed_out_everywhere', targetType: 'developer', targetId: developerId });
  }
}

/** Unknown account (NotFound) or already confirmed (Conflict): the caller answers the same as on success. */
async function ignoringAbsence(call: Promise<void>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DomainError && (error.kind === ErrorKind.NotFound || error.kind === ErrorKind.Conflict)) return;
    throw error;
  }
}
