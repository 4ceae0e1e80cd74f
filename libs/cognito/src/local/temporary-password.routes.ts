import { randomBytes, randomInt } from 'node:crypto';
import { CognitoError, InvalidParameterError, NotAuthorizedError, UserNotFoundError } from 'cognito-local/lib/errors';
import type { Route } from 'cognito-local/lib/server/Router';
import type { Services } from 'cognito-local/lib/services';
import type { Context } from 'cognito-local/lib/services/context';
import { type User, attributeValue } from 'cognito-local/lib/services/userPoolService';
import { userToResponseObject } from 'cognito-local/lib/targets/responses';

/** Cognito keeps an authentication session for 3 minutes (the app client's default AuthSessionValidity). */
const SESSION_TTL_MS = 3 * 60_000;

interface PendingChallenge {
  username: string;
  clientId: string;
  expiresAt: number;
}

/**
 * The NEW_PASSWORD_REQUIRED sessions InitiateAuth handed out. cognito-local returns a random
 * Session and accepts any string back; Cognito binds it to the user and the app client, for
 * 3 minutes, and a used session is spent. Kept in memory: the embedded Cognito is one process.
 */
export class ChallengeSessions {
  private readonly sessions = new Map<string, PendingChallenge>();

  /** A fresh session for this user (cognito-local's own Session value is replaced). */
  open(username: string, clientId: string): string {
    const now = Date.now();
    for (const [id, pending] of this.sessions) if (pending.expiresAt <= now) this.sessions.delete(id);
    const session = randomBytes(48).toString('base64url');
    this.sessions.set(session, { username, clientId, expiresAt: now + SESSION_TTL_MS });
    return session;
  }

  /** Spends the session; false when it is unknown, expired, or another user's or client's. */
  take(session: string, username: string, clientId: string): boolean {
    const pending = this.sessions.get(session);
    if (!pending) return false;
    this.sessions.delete(session);
    return pending.expiresAt > Date.now() && pending.username === username && pending.clientId === clientId;
  }
}

type CreateUserRequest = { UserPoolId?: unknown; Username?: unknown; MessageAction?: unknown; TemporaryPassword?: unknown };
type ChallengeRequest = { ClientId?: unknown; ChallengeName?: unknown; Session?: unknown; ChallengeResponses?: Record<string, unknown> };

/**
 * What cognito-local lacks for invitations, following Cognito's wire protocol:
 * - AdminCreateUser generates a temporary password that meets the default policy (cognito-local
 *   takes 6 characters, or $CODE), and MessageAction=RESEND sends a new one to a user still in
 *   FORCE_CHANGE_PASSWORD (UserNotFoundException / UnsupportedUserStateException otherwise);
 * - RespondToAuthChallenge answers NEW_PASSWORD_REQUIRED only, with a session InitiateAuth opened
 *   for that user and client (NotAuthorizedException "Invalid session for the user." otherwise),
 *   and keeps the refresh token it issues so that REFRESH_TOKEN_AUTH works with it.
 */
export function temporaryPasswordRoutes(services: Services, inner: (target: string) => Route, sessions: ChallengeSessions): Record<string, Route> {
  const { cognito, clock, messages } = services;
  const createUser = inner('AdminCreateUser');
  const respond = inner('RespondToAuthChallenge');

  const resend = async (ctx: Context, req: CreateUserRequest): Promise<unknown> => {
    const pool = await cognito.getUserPool(ctx, String(req.UserPoolId));
    const user = await pool.getUserByUsername(ctx, String(req.Username));
    if (!user) throw new UserNotFoundError('User does not exist.');
    if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD') throw new CognitoError('UnsupportedUserStateException', 'User is not in FORCE_CHANGE_PASSWORD state');
    const temporaryPassword = typeof req.TemporaryPassword === 'string' ? req.TemporaryPassword : generateTemporaryPassword();
    const updated: User = { ...user, Password: temporaryPassword, UserLastModifiedDate: clock.get() };
    await pool.saveUser(ctx, updated);
    const email = attributeValue('email', user.Attributes);
    if (email) {
      await messages.deliver(ctx, 'AdminCreateUser', null, pool.options.Id, updated, temporaryPassword, undefined, {
        AttributeName: 'email',
        DeliveryMedium: 'EMAIL',
        Destination: email,
      });
    }
    return { User: userToResponseObject(updated) };
  };

  return {
    AdminCreateUser: (ctx: Context, req: CreateUserRequest) => {
      if (req.MessageAction === 'RESEND') return resend(ctx, req);
      const temporaryPassword = typeof req.TemporaryPassword === 'string' ? req.TemporaryPassword : generateTemporaryPassword();
      return createUser(ctx, { ...req, TemporaryPassword: temporaryPassword });
    },
    RespondToAuthChallenge: async (ctx: Context, req: ChallengeRequest) => {
      if (req.ChallengeName !== 'NEW_PASSWORD_REQUIRED')
        throw new InvalidParameterError(`${String(req.ChallengeName)} is not available on the embedded Cognito`);
      const responses = req.ChallengeResponses ?? {};
      if (typeof req.ClientId !== 'string' || typeof responses.USERNAME !== 'string' || typeof req.Session !== 'string') {
        throw new InvalidParameterError('ClientId, Session and ChallengeResponses.USERNAME are required');
      }
      const pool = await cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await pool.getUserByUsername(ctx, responses.USERNAME);
      if (!user || !sessions.take(req.Session, user.Username, req.ClientId) || user.UserStatus !== 'FORCE_CHANGE_PASSWORD') {
        throw new NotAuthorizedError('Invalid session for the user.');
      }
      const out = (await respond(ctx, req)) as { AuthenticationResult?: { RefreshToken?: string } };
      const refreshToken = out.AuthenticationResult?.RefreshToken;
      const saved = await pool.getUserByUsername(ctx, user.Username);
      if (refreshToken && saved) await pool.storeRefreshToken(ctx, refreshToken, saved);
      return out;
    },
  };
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!#%+-=?@^_';

/** 16 characters with each class Cognito's default policy asks for, as Cognito's own are. */
export function generateTemporaryPassword(): string {
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const pick = (set: string): string => set[randomInt(set.length)] ?? 'x';
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS), ...Array.from({ length: 12 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}

/** The user name InitiateAuth's challenge is for, to open its session. */
export function challengedUsername(out: unknown): string | undefined {
  const result = out as { ChallengeName?: unknown; ChallengeParameters?: { USER_ID_FOR_SRP?: unknown } };
  return result.ChallengeName === 'NEW_PASSWORD_REQUIRED' && typeof result.ChallengeParameters?.USER_ID_FOR_SRP === 'string'
    ? result.ChallengeParameters.USER_ID_FOR_SRP
    : undefined;
}
