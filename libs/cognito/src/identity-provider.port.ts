/** Tokens Cognito issues on sign-in. */
export interface AuthTokens {
  accessToken: string;
  idToken: string;
  /** Absent on a refresh: Cognito does not rotate refresh tokens by default. */
  refreshToken?: string;
  expiresIn: number;
}

/** Sign-in with a temporary password (an invitation): the user must choose their own first. */
export interface NewPasswordChallenge {
  challenge: 'NEW_PASSWORD_REQUIRED';
  /** Cognito's session for the answer (POST /v1/auth/new-password), valid 3 minutes, once. */
  session: string;
}

export type SignInOutcome = AuthTokens | NewPasswordChallenge;

export interface SignUpResult {
  /** Cognito's `sub` for the new user; Keyport uses it as the developer id. */
  userId: string;
  confirmed: boolean;
}

export interface IdentityUser {
  userId: string;
  email: string;
  confirmed: boolean;
  groups: string[];
}

/**
 * Everything Keyport asks of the user pool, in the portal's words. One adapter talks to
 * Amazon Cognito through the SDK; pointed at cognito-local it serves the embedded default too.
 * Failures are thrown as DomainError (from @keyport/common): taken email -> Conflict,
 * bad credentials / unconfirmed -> Unauthenticated, bad code -> ValidationFailed,
 * unknown user -> NotFound, pool unreachable -> Unavailable.
 */
export abstract class IdentityProvider {
  abstract signUp(email: string, password: string): Promise<SignUpResult>;
  abstract confirmSignUp(email: string, code: string): Promise<void>;
  /** Confirms without a code (admin action). */
  abstract adminConfirm(email: string): Promise<void>;
  /** Tokens, or the NEW_PASSWORD_REQUIRED challenge for a temporary password. */
  abstract login(email: string, password: string): Promise<SignInOutcome>;
  /** Answers NEW_PASSWORD_REQUIRED: sets the user's own password and signs them in. */
  abstract completeNewPassword(email: string, session: string, newPassword: string): Promise<AuthTokens>;
  /** Creates the user with a temporary password Cognito sends them (AdminCreateUser); returns their `sub`. */
  abstract invite(email: string): Promise<{ userId: string }>;
  /** Sends a new temporary password to an invited user who has not set their own (MessageAction RESEND). */
  abstract resendInvitation(email: string): Promise<void>;
  abstract refresh(refreshToken: string): Promise<AuthTokens>;
  abstract getUser(userIdOrEmail: string): Promise<IdentityUser>;
  /** Creates (if missing), confirms and adds to `admin` the given user; idempotent. */
  abstract ensureAdmin(email: string, password: string): Promise<{ created: boolean; userId: string }>;
  /** Adds the user to a group or removes them from it; idempotent. */
  abstract setGroupMembership(userIdOrEmail: string, group: string, member: boolean): Promise<void>;
  /** The ids (`sub`) of a group's members. */
  abstract groupMemberIds(group: string): Promise<string[]>;
  /** Sends a reset code to a confirmed account; an unknown or unconfirmed one is NotFound. */
  abstract forgotPassword(email: string): Promise<void>;
  /** Sets a new password with the code forgotPassword sent; a wrong or expired code is ValidationFailed (CODE_INVALID). */
  abstract confirmForgotPassword(email: string, code: string, newPassword: string): Promise<void>;
  /** Sends a new sign-up code; an unknown account is NotFound, a confirmed one Conflict (ALREADY_CONFIRMED). */
  abstract resendConfirmationCode(email: string): Promise<void>;
  /** Ends one refresh token; one that no longer works is success. */
  abstract revokeRefreshToken(refreshToken: string): Promise<void>;
  /** Ends every refresh token of the signed-in user. */
  abstract globalSignOut(accessToken: string): Promise<void>;
  /** A wrong current password is ValidationFailed (PASSWORD_INCORRECT, on `currentPassword`). */
  abstract changePassword(accessToken: string, currentPassword: string, newPassword: string): Promise<void>;
  /** Removes the user from the pool; one already gone is success. */
  abstract deleteUser(username: string): Promise<void>;
  /** Cheap call proving the pool answers, for /health/ready. */
  abstract ping(): Promise<void>;
}

/** Claims Keyport uses from a verified Cognito access token. */
export interface VerifiedPrincipal {
  userId: string;
  username: string;
  groups: string[];
  /** Seconds since epoch. */
  expiresAt: number;
  /**
   * Set for a client_credentials token (an application or service account): no user signed in,
   * `userId` is the client id, and these are the scopes granted. Absent for a person's token.
   */
  client?: { clientId: string; scopes: string[] };
}

/** Verifies Cognito access tokens: signature (JWKS, cached), issuer, token_use=access, client id, expiry. */
export abstract class AccessTokenVerifier {
  /** Throws DomainError(Unauthenticated) for anything but a valid access token of this pool and client. */
  abstract verify(token: string): Promise<VerifiedPrincipal>;
}
