import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  type AdminGetUserCommandOutput,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  type AttributeType,
  type AuthenticationResultType,
  type CognitoIdentityProviderClient,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  RespondToAuthChallengeCommand,
  ResendConfirmationCodeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DomainError, ErrorKind, conflict, invalid, notFound, unauthenticated, unavailable } from '@keyport/common';
import type { CognitoConnection } from './cognito-connection';
import { UNAVAILABLE_MESSAGE, sdkErrorName, toDomainError } from './cognito-errors';
import { type AuthTokens, IdentityProvider, type IdentityUser, type SignInOutcome, type SignUpResult } from './identity-provider.port';
import { ADMIN_GROUP } from './local/local-pool.provisioner';
import { passwordPolicyViolations } from './password-policy';

/** One message for every bad-credentials case, so sign-in cannot tell which e-mails exist. */
export const BAD_CREDENTIALS = 'Incorrect email or password';
export const NOT_CONFIRMED = 'This account is not confirmed yet';
const BAD_REFRESH = 'Invalid or expired refresh token';
const BAD_CODE = 'Invalid or expired confirmation code';
const BAD_SESSION = 'The sign-in session is invalid or expired: sign in with the temporary password again';
const BAD_RESET_CODE = 'Invalid or expired code';

/**
 * IdentityProvider over the AWS SDK, for Amazon Cognito and cognito-local alike.
 * The pool uses the e-mail as user name (Cognito then generates the user name, which is the `sub`);
 * e-mails are trimmed and lower-cased here, since cognito-local compares them exactly.
 */
export class CognitoIdentityProvider extends IdentityProvider {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly connection: CognitoConnection,
  ) {
    super();
  }

  async signUp(email: string, password: string): Promise<SignUpResult> {
    const username = normalizeEmail(email);
    this.checkPassword(password);
    try {
      const out = await this.client.send(
        new SignUpCommand({
          ClientId: this.connection.clientId,
          Username: username,
          Password: password,
          UserAttributes: [{ Name: 'email', Value: username }],
        }),
      );
      if (!out.UserSub) throw unavailable(UNAVAILABLE_MESSAGE);
      return { userId: out.UserSub, confirmed: out.UserConfirmed ?? false };
    } catch (error) {
      throw toDomainError(error, {
        UsernameExistsException: () => conflict('An account with this email already exists', 'EMAIL_TAKEN'),
        AliasExistsException: () => conflict('An account with this email already exists', 'EMAIL_TAKEN'),
        InvalidPasswordException: () =>
          invalid('The password does not meet the password policy', [{ field: 'password', message: 'does not meet the password policy' }]),
        InvalidParameterException: () => invalid('Invalid email or password'),
      });
    }
  }

  async confirmSignUp(email: string, code: string): Promise<void> {
    const username = normalizeEmail(email);
    try {
      await this.client.send(new ConfirmSignUpCommand({ ClientId: this.connection.clientId, Username: username, ConfirmationCode: code.trim() }));
    } catch (error) {
      // Cognito answers NotAuthorized for an account already confirmed (cognito-local also for an
      // unknown one): look the account up to say which.
      const name = sdkErrorName(error);
      if (name === 'NotAuthorizedException') throw await this.whyNotConfirmable(username);
      // cognito-local forgets the code once used: an account already confirmed answers ExpiredCode there.
      if (name === 'ExpiredCodeException' && (await this.findUser(username))?.UserStatus === 'CONFIRMED') {
        throw conflict('This account is already confirmed', 'ALREADY_CONFIRMED');
      }
      throw toDomainError(error, {
        CodeMismatchException: () => invalid(BAD_CODE, [{ field: 'code', message: 'is invalid or expired' }]),
        ExpiredCodeException: () => invalid(BAD_CODE, [{ field: 'code', message: 'is invalid or expired' }]),
        UserNotFoundException: () => notFound('Account'),
        InvalidParameterException: () => invalid(BAD_CODE),
      });
    }
  }

  async adminConfirm(email: string): Promise<void> {
    const username = normalizeEmail(email);
    const user = await this.adminGetUser(username);
    if (user.UserStatus === 'CONFIRMED') return;
    try {
      await this.client.send(new AdminConfirmSignUpCommand({ UserPoolId: this.connection.userPoolId, Username: username }));
    } catch (error) {
      if (sdkErrorName(error) === 'NotAuthorizedException') throw await this.whyNotConfirmable(username);
      throw toDomainError(error, { UserNotFoundException: () => notFound('Account') });
    }
  }

  async login(email: string, password: string): Promise<SignInOutcome> {
    let result: AuthenticationResultType | undefined;
    try {
      const out = await this.client.send(
        new InitiateAuthCommand({
          ClientId: this.connection.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: normalizeEmail(email), PASSWORD: password },
        }),
      );
      if (out.ChallengeName === 'NEW_PASSWORD_REQUIRED' && out.Session) return { challenge: 'NEW_PASSWORD_REQUIRED', session: out.Session };
      if (out.ChallengeName) throw unauthenticated('This account must set a new password before signing in', 'NEW_PASSWORD_REQUIRED');
      result = out.AuthenticationResult;
    } catch (error) {
      // An app client without USER_PASSWORD_AUTH is the operator's problem, not a wrong password.
      if (sdkErrorName(error) === 'InvalidParameterException' && /flow not enabled/i.test((error as Error).message)) {
        throw unavailable(UNAVAILABLE_MESSAGE);
      }
      const bad = (): DomainError => unauthenticated(BAD_CREDENTIALS, 'BAD_CREDENTIALS');
      throw toDomainError(error, {
        NotAuthorizedException: bad,
        InvalidPasswordException: bad, // what cognito-local says for a wrong password
        UserNotFoundException: bad,
        PasswordResetRequiredException: bad,
        InvalidParameterException: bad,
        UserNotConfirmedException: () => unauthenticated(NOT_CONFIRMED, 'ACCOUNT_NOT_CONFIRMED'),
      });
    }
    return toTokens(result, true);
  }

  async completeNewPassword(email: string, session: string, newPassword: string): Promise<AuthTokens> {
    this.checkPassword(newPassword, 'newPassword');
    let result: AuthenticationResultType | undefined;
    try {
      const out = await this.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: this.connection.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: session,
          ChallengeResponses: { USERNAME: normalizeEmail(email), NEW_PASSWORD: newPassword },
        }),
      );
      result = out.AuthenticationResult;
    } catch (error) {
      const bad = (): DomainError => invalid(BAD_SESSION, [{ field: 'session', message: 'is invalid or expired' }], 'SESSION_INVALID');
      throw toDomainError(error, {
        NotAuthorizedException: bad,
        CodeMismatchException: bad,
        ExpiredCodeException: bad,
        UserNotFoundException: bad,
        InvalidPasswordException: () =>
          invalid('The password does not meet the password policy', [{ field: 'newPassword', message: 'does not meet the password policy' }]),
        InvalidParameterException: bad,
      });
    }
    return toTokens(result, true);
  }

  async invite(email: string): Promise<{ userId: string }> {
    const username = normalizeEmail(email);
    try {
      const out = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.connection.userPoolId,
          Username: username,
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: username },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
      const userId = attribute(out.User?.Attributes, 'sub') ?? out.User?.Username;
      if (!userId) throw unavailable(UNAVAILABLE_MESSAGE);
      return { userId };
    } catch (error) {
      throw toDomainError(error, {
        UsernameExistsException: () => conflict('An account with this email already exists', 'EMAIL_TAKEN'),
        AliasExistsException: () => conflict('An account with this email already exists', 'EMAIL_TAKEN'),
        InvalidParameterException: () => invalid('Invalid email', [{ field: 'email', message: 'is not an address Cognito accepts' }]),
      });
    }
  }

  async resendInvitation(email: string): Promise<void> {
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.connection.userPoolId,
          Username: normalizeEmail(email),
          MessageAction: 'RESEND',
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    } catch (error) {
      throw toDomainError(error, {
        UserNotFoundException: () => notFound('User'),
        UnsupportedUserStateException: () => conflict('The invitation was accepted already', 'INVITATION_ACCEPTED'),
      });
    }
  }

  async deleteUser(username: string): Promise<void> {
    const key = username.includes('@') ? normalizeEmail(username) : username.trim();
    try {
      await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.connection.userPoolId, Username: key }));
    } catch (error) {
      if (sdkErrorName(error) === 'UserNotFoundException') return;
      throw toDomainError(error);
    }
  }

  async refresh(refreshToken: string): Promise<AuthTokens> {
    let result: AuthenticationResultType | undefined;
    try {
      const out = await this.client.send(
        new InitiateAuthCommand({
          ClientId: this.connection.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      );
      result = out.AuthenticationResult;
    } catch (error) {
      const bad = (): DomainError => unauthenticated(BAD_REFRESH, 'REFRESH_TOKEN_INVALID');
      throw toDomainError(error, {
        NotAuthorizedException: bad,
        InvalidParameterException: bad,
        UserNotFoundException: bad,
        UserNotConfirmedException: bad,
      });
    }
    return toTokens(result, false);
  }

  /**
   * By e-mail, or by `sub`: with e-mail as user name the pool's user name is the `sub`, so
   * AdminGetUser finds it directly; otherwise a `sub = "..."` ListUsers filter is tried.
   */
  async getUser(userIdOrEmail: string): Promise<IdentityUser> {
    const key = userIdOrEmail.includes('@') ? normalizeEmail(userIdOrEmail) : userIdOrEmail.trim();
    let user: AdminGetUserCommandOutput;
    try {
      user = await this.adminGetUser(key);
    } catch (error) {
      if (key.includes('@') || !/^[\w-]{1,128}$/.test(key)) throw error;
      const username = await this.usernameBySub(key);
      if (!username) throw error;
      user = await this.adminGetUser(username);
    }
    return {
      userId: attribute(user.UserAttributes, 'sub') ?? user.Username ?? key,
      email: attribute(user.UserAttributes, 'email') ?? '',
      confirmed: user.UserStatus === 'CONFIRMED',
      groups: await this.groupsOf(user.Username ?? key),
    };
  }

  async ensureAdmin(email: string, password: string): Promise<{ created: boolean; userId: string }> {
    const username = normalizeEmail(email);
    this.checkPassword(password);
    let created = false;
    let user = await this.findUser(username);
    try {
      if (!user) {
        await this.client.send(
          new AdminCreateUserCommand({
            UserPoolId: this.connection.userPoolId,
            Username: username,
            MessageAction: 'SUPPRESS',
            UserAttributes: [
              { Name: 'email', Value: username },
              { Name: 'email_verified', Value: 'true' },
            ],
          }),
        );
        created = true;
      } else if (user.UserStatus === 'UNCONFIRMED') {
        await this.client.send(new AdminConfirmSignUpCommand({ UserPoolId: this.connection.userPoolId, Username: username }));
      }
      // Always: the configured password stays authoritative, and a permanent password confirms
      // an account created above (FORCE_CHANGE_PASSWORD -> CONFIRMED).
      await this.client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: this.connection.userPoolId,
          Username: username,
          Password: password,
          Permanent: true,
        }),
      );
    } catch (error) {
      throw toDomainError(error, {
        InvalidPasswordException: () => invalid('The admin password does not meet the password policy'),
        UsernameExistsException: () => conflict('The admin account was created concurrently; retry'),
        InvalidParameterException: () => invalid('Invalid admin email or password'),
      });
    }
    user = await this.adminGetUser(username);
    if (!(await this.groupsOf(user.Username ?? username)).includes(ADMIN_GROUP)) {
      try {
        await this.client.send(
          new AdminAddUserToGroupCommand({
            UserPoolId: this.connection.userPoolId,
            Username: user.Username ?? username,
            GroupName: ADMIN_GROUP,
          }),
        );
      } catch (error) {
        throw toDomainError(error);
      }
    }
    const userId = attribute(user.UserAttributes, 'sub') ?? user.Username;
    if (!userId) throw unavailable(UNAVAILABLE_MESSAGE);
    return { created, userId };
  }

  async setGroupMembership(userIdOrEmail: string, group: string, member: boolean): Promise<void> {
    const user = await this.getUser(userIdOrEmail);
    if (user.groups.includes(group) === member) return;
    const input = { UserPoolId: this.connection.userPoolId, Username: normalizeEmail(user.email), GroupName: group };
    try {
      await this.client.send(member ? new AdminAddUserToGroupCommand(input) : new AdminRemoveUserFromGroupCommand(input));
    } catch (error) {
      throw toDomainError(error, { UserNotFoundException: () => notFound('User') });
    }
  }

  async groupMemberIds(group: string): Promise<string[]> {
    const ids: string[] = [];
    let nextToken: string | undefined;
    try {
      do {
        const page = await this.client.send(
          new ListUsersInGroupCommand({ UserPoolId: this.connection.userPoolId, GroupName: group, Limit: 60, NextToken: nextToken }),
        );
        for (const user of page.Users ?? []) ids.push(attribute(user.Attributes, 'sub') ?? user.Username ?? '');
        nextToken = page.NextToken;
      } while (nextToken);
    } catch (error) {
      throw toDomainError(error, { ResourceNotFoundException: () => notFound('Group') });
    }
    return ids.filter(Boolean);
  }

  async forgotPassword(email: string): Promise<void> {
    try {
      await this.client.send(new ForgotPasswordCommand({ ClientId: this.connection.clientId, Username: normalizeEmail(email) }));
    } catch (error) {
      throw toDomainError(error, {
        UserNotFoundException: () => notFound('Account'),
        InvalidParameterException: () => notFound('Account'), // unconfirmed: no verified e-mail to send to
        NotAuthorizedException: () => notFound('Account'),
      });
    }
  }

  async confirmForgotPassword(email: string, code: string, newPassword: string): Promise<void> {
    this.checkPassword(newPassword, 'newPassword');
    const badCode = (): DomainError => invalid(BAD_RESET_CODE, [{ field: 'code', message: 'is invalid or expired' }], 'CODE_INVALID');
    try {
      await this.client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: this.connection.clientId,
          Username: normalizeEmail(email),
          ConfirmationCode: code.trim(),
          Password: newPassword,
        }),
      );
    } catch (error) {
      throw toDomainError(error, {
        CodeMismatchException: badCode,
        ExpiredCodeException: badCode,
        // Not told apart from a wrong code: a reset must not reveal which e-mails have accounts.
        UserNotFoundException: badCode,
        NotAuthorizedException: badCode,
        InvalidPasswordException: () =>
          invalid('The password does not meet the password policy', [{ field: 'newPassword', message: 'does not meet the password policy' }]),
        InvalidParameterException: badCode,
      });
    }
  }

  async resendConfirmationCode(email: string): Promise<void> {
    try {
      await this.client.send(new ResendConfirmationCodeCommand({ ClientId: this.connection.clientId, Username: normalizeEmail(email) }));
    } catch (error) {
      throw toDomainError(error, {
        UserNotFoundException: () => notFound('Account'),
        InvalidParameterException: () => conflict('This account is already confirmed', 'ALREADY_CONFIRMED'),
        NotAuthorizedException: () => conflict('This account is already confirmed', 'ALREADY_CONFIRMED'),
      });
    }
  }

  async revokeRefreshToken(refreshToken: string): Promise<void> {
    try {
      await this.client.send(new RevokeTokenCommand({ ClientId: this.connection.clientId, Token: refreshToken }));
    } catch (error) {
      // An invalid or already revoked token: what the caller wanted is already true.
      const name = sdkErrorName(error);
      if (name === 'NotAuthorizedException' || name === 'InvalidParameterException' || name === 'UnsupportedTokenTypeException') return;
      throw toDomainError(error);
    }
  }

  async globalSignOut(accessToken: string): Promise<void> {
    try {
      await this.client.send(new GlobalSignOutCommand({ AccessToken: accessToken }));
    } catch (error) {
      throw toDomainError(error, { NotAuthorizedException: () => unauthenticated('The access token is no longer valid: sign in again', 'TOKEN_INVALID') });
    }
  }

  async changePassword(accessToken: string, currentPassword: string, newPassword: string): Promise<void> {
    this.checkPassword(newPassword, 'newPassword');
    try {
      await this.client.send(new ChangePasswordCommand({ AccessToken: accessToken, PreviousPassword: currentPassword, ProposedPassword: newPassword }));
    } catch (error) {
      throw toDomainError(error, {
        NotAuthorizedException: () =>
          invalid('The current password is incorrect', [{ field: 'currentPassword', message: 'is incorrect' }], 'PASSWORD_INCORRECT'),
        InvalidPasswordException: () =>
          invalid('The password does not meet the password policy', [{ field: 'newPassword', message: 'does not meet the password policy' }]),
        InvalidParameterException: () => invalid('Invalid password'),
      });
    }
  }

  async ping(): Promise<void> {
    try {
      await this.client.send(new DescribeUserPoolCommand({ UserPoolId: this.connection.userPoolId }));
    } catch (error) {
      const failure = toDomainError(error);
      throw failure instanceof DomainError ? failure : unavailable(UNAVAILABLE_MESSAGE);
    }
  }

  private async adminGetUser(username: string): Promise<AdminGetUserCommandOutput> {
    try {
      return await this.client.send(new AdminGetUserCommand({ UserPoolId: this.connection.userPoolId, Username: username }));
    } catch (error) {
      throw toDomainError(error, {
        UserNotFoundException: () => notFound('User'),
        InvalidParameterException: () => notFound('User'),
      });
    }
  }

  private async findUser(username: string): Promise<AdminGetUserCommandOutput | undefined> {
    try {
      return await this.adminGetUser(username);
    } catch (error) {
      if (error instanceof DomainError && error.kind === ErrorKind.NotFound) return undefined;
      throw error;
    }
  }

  private async usernameBySub(sub: string): Promise<string | undefined> {
    try {
      const out = await this.client.send(new ListUsersCommand({ UserPoolId: this.connection.userPoolId, Filter: `sub = "${sub}"`, Limit: 1 }));
      return out.Users?.[0]?.Username;
    } catch (error) {
      throw toDomainError(error, { InvalidParameterException: () => notFound('User') });
    }
  }

  private async groupsOf(username: string): Promise<string[]> {
    const groups: string[] = [];
    let nextToken: string | undefined;
    try {
      do {
        const page = await this.client.send(
          new AdminListGroupsForUserCommand({
            UserPoolId: this.connection.userPoolId,
            Username: username,
            Limit: 60,
            NextToken: nextToken,
          }),
        );
        for (const g of page.Groups ?? []) if (g.GroupName) groups.push(g.GroupName);
        nextToken = page.NextToken;
      } while (nextToken);
    } catch (error) {
      throw toDomainError(error, { UserNotFoundException: () => notFound('User') });
    }
    return groups.sort();
  }

  /** After a NotAuthorized on confirmation: unknown account, already confirmed, or not confirmable. */
  private async whyNotConfirmable(username: string): Promise<DomainError> {
    const user = await this.findUser(username);
    if (!user) return notFound('Account');
    if (user.UserStatus === 'CONFIRMED') return conflict('This account is already confirmed', 'ALREADY_CONFIRMED');
    return invalid('This account cannot be confirmed in its current state');
  }

  /** cognito-local enforces no password policy: apply Cognito's default one against it. */
  private checkPassword(password: string, field = 'password'): void {
    if (!this.connection.local) return;
    const details = passwordPolicyViolations(password).map((detail) => ({ ...detail, field }));
    if (details.length > 0) throw invalid('The password does not meet the password policy', details);
  }
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function attribute(attributes: AttributeType[] | undefined, name: string): string | undefined {
  return attributes?.find((a) => a.Name === name)?.Value;
}

function toTokens(result: AuthenticationResultType | undefined, withRefreshToken: boolean): AuthTokens {
  if (!result?.AccessToken || !result.IdToken) throw unavailable(UNAVAILABLE_MESSAGE);
  return {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    ...(withRefreshToken && result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
    // cognito-local leaves ExpiresIn out: derive it from the access token's `exp`.
    expiresIn: result.ExpiresIn ?? secondsUntilExpiry(result.AccessToken),
  };
}

function secondsUntilExpiry(jwt: string): number {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    if (typeof payload.exp === 'number') return Math.max(0, payload.exp - Math.floor(Date.now() / 1000));
  } catch {
    // fall through to Cognito's default lifetime
  }
  return 3600;
}
