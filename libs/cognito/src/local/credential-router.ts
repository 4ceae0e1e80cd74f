import { randomBytes } from 'node:crypto';
import { InvalidParameterError, NotAuthorizedError } from 'cognito-local/lib/errors';
import type { Route, Router } from 'cognito-local/lib/server/Router';
import type { Services } from 'cognito-local/lib/services';
import type { Context } from 'cognito-local/lib/services/context';
import { type PasswordHasher, hashRefreshToken } from './password-hasher';
import { type ChallengeSessions, challengedUsername } from './temporary-password.routes';

/**
 * The operations Keyport's identity provider and pool provisioner call. Each was read for how it
 * handles passwords and refresh tokens; every other one (RespondToAuthChallenge, ...) compares or
 * stores them in ways this layer does not cover, so the embedded Cognito refuses it rather than
 * half-protect it. Add one only after that check. The account operations (ChangePassword,
 * ForgotPassword, RevokeToken, ...) are the embedded Cognito's own: see account.routes.ts.
 */
const SUPPORTED = new Set([
  'AdminAddUserToGroup',
  'AdminConfirmSignUp',
  'AdminCreateUser',
  'AdminDeleteUser',
  'AdminGetUser',
  'AdminListGroupsForUser',
  'AdminRemoveUserFromGroup',
  'AdminSetUserPassword',
  'ConfirmSignUp',
  'CreateGroup',
  'CreateUserPool',
  'CreateUserPoolClient',
  'DescribeUserPool',
  'DescribeUserPoolClient',
  'InitiateAuth',
  'ListGroups',
  'ListUserPoolClients',
  'ListUserPools',
  'ListUsers',
  'ListUsersInGroup',
  'SignUp',
]);

type AuthRequest = { ClientId?: unknown; AuthFlow?: unknown; AuthParameters?: Record<string, unknown> };

/**
 * cognito-local's router with credentials checked against hashes (see credential-store.ts):
 * InitiateAuth's password is verified here against the stored scrypt hash and, when it matches,
 * handed on as that hash (which the target compares with the stored value); otherwise as a value
 * nothing matches. A refresh token is handed on as its digest, which is what the store keeps.
 */
export function credentialRouter(
  inner: Router,
  services: Services,
  hasher: PasswordHasher,
  added: Record<string, Route> = {},
  sessions?: ChallengeSessions,
): Router {
  return (target: string): Route => {
    // Operations the embedded Cognito implements itself (see app-client.routes.ts).
    const own = Object.hasOwn(added, target) ? added[target] : undefined;
    if (own) return own;
    if (!SUPPORTED.has(target)) {
      return () => Promise.reject(new InvalidParameterError(`${target} is not available on the embedded Cognito`));
    }
    const route = inner(target);
    if (target !== 'InitiateAuth') return route;
    return async (ctx: Context, req: AuthRequest) => {
      const out: unknown = await route(ctx, await checkedAuth(ctx, req, services, hasher));
      // cognito-local's Session is a random value nothing checks: bind one to the user and client.
      const username = challengedUsername(out);
      if (username && sessions && typeof req.ClientId === 'string') return { ...(out as object), Session: sessions.open(username, req.ClientId) };
      return out;
    };
  };
}

async function checkedAuth(ctx: Context, req: AuthRequest, services: Services, hasher: PasswordHasher): Promise<AuthRequest> {
  const parameters = req.AuthParameters;
  if (!parameters) return req;
  if (req.AuthFlow === 'REFRESH_TOKEN_AUTH' || req.AuthFlow === 'REFRESH_TOKEN') {
    const token = parameters.REFRESH_TOKEN;
    return typeof token === 'string' ? { ...req, AuthParameters: { ...parameters, REFRESH_TOKEN: hashRefreshToken(token) } } : req;
  }
  if (req.AuthFlow !== 'USER_PASSWORD_AUTH' || typeof parameters.PASSWORD !== 'string' || typeof req.ClientId !== 'string') return req;
  const pool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
  const user = typeof parameters.USERNAME === 'string' ? await pool.getUserByUsername(ctx, parameters.USERNAME) : null;
  const stored = typeof user?.Password === 'string' ? user.Password : '';
  const matches = await hasher.verify(parameters.PASSWORD, stored);
  // cognito-local answers NEW_PASSWORD_REQUIRED before comparing the temporary password.
  if (!matches && user?.UserStatus === 'FORCE_CHANGE_PASSWORD') throw new NotAuthorizedError('Incorrect username or password.');
  return { ...req, AuthParameters: { ...parameters, PASSWORD: matches ? stored : `no match ${randomBytes(16).toString('hex')}` } };
}
