import { publicApi, unwrap } from '../api/client';
import type { NewPasswordChallenge, Tokens } from '../api/schemas';

/**
 * How tokens are obtained. The refresh token lives in an HttpOnly cookie the API sets (the header
 * below asks for it), scoped to /v1/auth: no script of the page can read it, and the access token
 * stays in this tab's memory. A reload signs back in through the cookie (`refresh` with no token).
 */
export interface TokenTransport {
  /** Tokens, or the challenge of a temporary password (an invitation) to replace first. */
  signIn(email: string, password: string): Promise<Tokens | NewPasswordChallenge>;
  completeNewPassword(email: string, session: string, newPassword: string): Promise<Tokens>;
  refresh(refreshToken: string | undefined): Promise<Tokens>;
  signOut(): Promise<void>;
}

const COOKIE_SESSION = { 'x-keyport-session': 'cookie' } as const;

export const cookieTokenTransport: TokenTransport = {
  signIn: (email, password) => unwrap(publicApi.POST('/v1/auth/login', { body: { email, password }, headers: COOKIE_SESSION })),
  completeNewPassword: (email, session, newPassword) =>
    unwrap(publicApi.POST('/v1/auth/new-password', { body: { email, session, newPassword }, headers: COOKIE_SESSION })),
  refresh: () => unwrap(publicApi.POST('/v1/auth/refresh', { body: {}, headers: COOKIE_SESSION })),
  signOut: async () => {
    await unwrap(publicApi.POST('/v1/auth/logout', { body: {}, headers: COOKIE_SESSION }));
  },
};
