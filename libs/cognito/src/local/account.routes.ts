import { createHash, createPublicKey, createVerify, timingSafeEqual } from 'node:crypto';
import { CodeMismatchError, CognitoError, ExpiredCodeError, InvalidParameterError, NotAuthorizedError, UserNotFoundError } from 'cognito-local/lib/errors';
import type { Route } from 'cognito-local/lib/server/Router';
import type { Services } from 'cognito-local/lib/services';
import type { Context } from 'cognito-local/lib/services/context';
import { type User, type UserPoolService, attributeValue } from 'cognito-local/lib/services/userPoolService';
import { type InstallationKey } from './installation-key';
import { type PasswordHasher, hashRefreshToken } from './password-hasher';

/** Cognito's codes for a forgotten password are valid for one hour. */
const RESET_CODE_SECONDS = 3600;

/** A reset code as the embedded Cognito keeps it: hashed, with when it stops working. */
type AccountUser = User & { KeyportResetCode?: { Hash: string; ExpiresAt: number } };

interface ClientRequest {
  ClientId?: unknown;
  Username?: unknown;
}

/**
 * The account operations cognito-local lacks or implements without checking what it is given
 * (its ChangePassword and GlobalSignOut trust an unverified token; its reset codes are kept in
 * clear and never expire), on its stores and with Cognito's wire names and errors:
 * ForgotPassword / ConfirmForgotPassword (a hashed code valid one hour, delivered like sign-up
 * codes), ResendConfirmationCode, ChangePassword, GlobalSignOut (every refresh token of the user
 * stops working) and RevokeToken (one refresh token). Access tokens are verified against this
 * installation's key; passwords go through the credential store, which hashes them.
 */
export function accountRoutes(services: Services, key: InstallationKey, hasher: PasswordHasher): Record<string, Route> {
  const { cognito, clock, messages, otp } = services;
  const publicKey = createPublicKey(key.privateKey);

  const poolAndUser = async (ctx: Context, req: ClientRequest): Promise<{ pool: UserPoolService; user: AccountUser; clientId: string }> => {
    if (typeof req.ClientId !== 'string' || typeof req.Username !== 'string') throw new InvalidParameterError('ClientId and Username are required');
    const pool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
    const user: AccountUser | null = await pool.getUserByUsername(ctx, req.Username);
    if (!user) throw new UserNotFoundError('User does not exist.');
    return { pool, user, clientId: req.ClientId };
  };
  const deliverCode = async (ctx: Context, source: 'ForgotPassword' | 'ResendCode', pool: UserPoolService, clientId: string, user: User, code: string) => {
    const email = attributeValue('email', user.Attributes);
    if (!email) throw new InvalidParameterError('Cannot send a code: the user has no e-mail address.');
    const details = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email } as const;
    await messages.deliver(ctx, source, clientId, pool.options.Id, user, code, undefined, details);
    return details;
  };
  const signedInUser = async (ctx: Context, accessToken: unknown): Promise<{ pool: UserPoolService; user: AccountUser }> => {
    const claims = verifiedAccessClaims(accessToken, publicKey, clock.get());
    const pool = await cognito.getUserPoolForClientId(ctx, claims.client_id);
    const user: AccountUser | null = await pool.getUserByUsername(ctx, claims.username);
    if (!user) throw new NotAuthorizedError();
    return { pool, user };
  };

  return {
    ForgotPassword: async (ctx, req: ClientRequest) => {
      const { pool, user, clientId } = await poolAndUser(ctx, req);
      if (user.UserStatus !== 'CONFIRMED') throw new InvalidParameterError('Cannot reset password for the user as there is no registered/verified email');
      const code = otp();
      const details = await deliverCode(ctx, 'ForgotPassword', pool, clientId, user, code);
      const expiresAt = Math.floor(clock.get().getTime() / 1000) + RESET_CODE_SECONDS;
      await pool.saveUser(ctx, { ...user, UserLastModifiedDate: clock.get(), KeyportResetCode: { Hash: digest(code), ExpiresAt: expiresAt } } as User);
      return { CodeDeliveryDetails: details };
    },
    ConfirmForgotPassword: async (ctx, req: ClientRequest & { ConfirmationCode?: unknown; Password?: unknown }) => {
      if (typeof req.ConfirmationCode !== 'string' || typeof req.Password !== 'string')
        throw new InvalidParameterError('ConfirmationCode and Password are required');
      const { pool, user } = await poolAndUser(ctx, req);
      const stored = user.KeyportResetCode;
      if (!stored || !sameDigest(stored.Hash, digest(req.ConfirmationCode.trim()))) throw new CodeMismatchError();
      if (stored.ExpiresAt * 1000 < clock.get().getTime()) throw new ExpiredCodeError();
      const { KeyportResetCode: _used, ...rest } = user;
      await pool.saveUser(ctx, { ...rest, Password: req.Password, UserLastModifiedDate: clock.get() });
      return {};
    },
    ResendConfirmationCode: async (ctx, req: ClientRequest) => {
      const { pool, user, clientId } = await poolAndUser(ctx, req);
      if (user.UserStatus !== 'UNCONFIRMED') throw new InvalidParameterError('User is already confirmed.');
      const code = otp();
      const details = await deliverCode(ctx, 'ResendCode', pool, clientId, user, code);
      // cognito-local's ConfirmSignUp compares this field.
      await pool.saveUser(ctx, { ...user, ConfirmationCode: code, UserLastModifiedDate: clock.get() });
      return { CodeDeliveryDetails: details };
    },
    ChangePassword: async (ctx, req: { AccessToken?: unknown; PreviousPassword?: unknown; ProposedPassword?: unknown }) => {
      if (typeof req.PreviousPassword !== 'string' || typeof req.ProposedPassword !== 'string') {
        throw new InvalidParameterError('PreviousPassword and ProposedPassword are required');
      }
      const { pool, user } = await signedInUser(ctx, req.AccessToken);
      if (!(await hasher.verify(req.PreviousPassword, typeof user.Password === 'string' ? user.Password : ''))) {
        throw new NotAuthorizedError('Incorrect username or password.');
      }
      await pool.saveUser(ctx, { ...user, Password: req.ProposedPassword, UserLastModifiedDate: clock.get() });
      return {};
    },
    GlobalSignOut: async (ctx, req: { AccessToken?: unknown }) => {
      const { pool, user } = await signedInUser(ctx, req.AccessToken);
      await pool.saveUser(ctx, { ...user, RefreshTokens: [], UserLastModifiedDate: clock.get() });
      return {};
    },
    RevokeToken: async (ctx, req: { Token?: unknown; ClientId?: unknown }) => {
      if (typeof req.Token !== 'string' || typeof req.ClientId !== 'string') throw new InvalidParameterError('Token and ClientId are required');
      const pool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
      const hashed = hashRefreshToken(req.Token);
      const user = (await pool.listUsers(ctx)).find((u) => Array.isArray(u.RefreshTokens) && u.RefreshTokens.includes(hashed));
      // As on Cognito (RFC 7009): revoking a token that no longer works is success.
      if (!user) return {};
      await pool.saveUser(ctx, { ...user, RefreshTokens: user.RefreshTokens.filter((t) => t !== hashed) });
      return {};
    },
  };
}

interface AccessClaims {
  client_id: string;
  username: string;
}

/** An access token this installation signed, not expired; anything else is NotAuthorized, as on Cognito. */
function verifiedAccessClaims(token: unknown, publicKey: ReturnType<typeof createPublicKey>, now: Date): AccessClaims {
  const invalid = () => new NotAuthorizedError('Invalid Access Token');
  if (typeof token !== 'string') throw invalid();
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) throw invalid();
  const valid = createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(publicKey, Buffer.from(signature, 'base64url'));
  if (!valid) throw invalid();
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw invalid();
  }
  if (claims.token_use !== 'access' || typeof claims.client_id !== 'string' || typeof claims.username !== 'string') throw invalid();
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) throw new CognitoError('NotAuthorizedException', 'Access Token has expired');
  return { client_id: claims.client_id, username: claims.username };
}

function digest(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
