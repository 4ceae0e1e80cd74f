import { publicApi, unwrap } from '../api/client';
import type { NewPasswordChallenge, Tokens } from '../api/schemas';

/**
 * How tokens are obtained: today the refresh token travels in JSON and stays in this tab's memory.
 * When the API sets it in an HttpOnly cookie instead, only this file changes: `refresh` then sends
 * no token (the cookie goes along by itself) and `refreshToken` is no longer kept.
 */
export interface TokenTransport {
  /** Tokens, or the challenge of a temporary password (an invitation) to replace first. */
  signIn(email: string, password: string): Promise<Tokens | NewPasswordChallenge>;
  completeNewPassword(email: string, session: string, newPassword: string): Promise<Tokens>;
  refresh(refreshToken: string | undefined): Promise<Tokens>;
}

export const jsonTokenTransport: TokenTransport = {
  signIn: (email, password) => unwrap(publicApi.POST('/v1/auth/login', { body: { email, password } })),
  completeNewPassword: (email, session, newPassword) => unwrap(publicApi.POST('/v1/auth/new-password', { body: { email, session, newPassword } })),
  refresh: (refreshToken) => {
    if (!refreshToken) return Promise.reject(new Error('No refresh token'));
    return unwrap(publicApi.POST('/v1/auth/refresh', { body: { refreshToken } }));
  },
};
