import { api } from '../api/client';
import type { NewPasswordChallenge } from '../api/schemas';
import { readClaims } from './token-claims';
import { cookieTokenTransport, type TokenTransport } from './token-transport';

export interface SessionSnapshot {
  signedIn: boolean;
  groups: readonly string[];
  /** Why the last session ended without the user signing out (an expired or refused token). */
  endedBy: 'expiry' | null;
}

const SIGNED_OUT: SessionSnapshot = { signedIn: false, groups: [], endedBy: null };
/** Refresh this long before the access token expires, so no call goes out with a dying token. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * The one place that holds tokens: the access token in memory only (never in storage a script could
 * read later), refreshed shortly before it expires. React reads it through useSession().
 */
export class Session {
  private accessToken: string | null = null;
  private refreshToken: string | undefined;
  private expiresAtMs = 0;
  private refreshing: Promise<string | null> | null = null;
  private snapshot: SessionSnapshot = SIGNED_OUT;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly transport: TokenTransport,
    private readonly now: () => number = Date.now,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Signs in; a temporary password (an invitation) answers its challenge instead, for completeNewPassword. */
  async signIn(email: string, password: string): Promise<NewPasswordChallenge | null> {
    const outcome = await this.transport.signIn(email, password);
    if ('challenge' in outcome) return outcome;
    this.adopt(outcome);
    return null;
  }

  async completeNewPassword(email: string, challengeSession: string, newPassword: string): Promise<void> {
    this.adopt(await this.transport.completeNewPassword(email, challengeSession, newPassword));
  }

  /** Ends the session here and revokes its refresh token (the cookie goes too); a failure to reach the API still signs out here. */
  async signOut(): Promise<void> {
    this.end(null);
    await this.transport.signOut().catch(() => undefined);
  }

  /** After a reload: signs back in with the session cookie when there is one still working; stays signed out otherwise. */
  async restore(): Promise<void> {
    if (this.accessToken !== null) return;
    try {
      this.adopt(await this.transport.refresh(undefined));
    } catch {
      // No cookie, or one that no longer works: the sign-in page it is.
    }
  }

  /** The account's sessions ended elsewhere (sign out everywhere, account deleted): forget this one without calling the API. */
  forget(): void {
    this.end(null);
  }

  /** The token the API stands behind, refreshed when it is about to expire; null when signed out. */
  async currentToken(): Promise<string | null> {
    if (this.accessToken === null) return null;
    if (this.now() < this.expiresAtMs - REFRESH_MARGIN_MS) return this.accessToken;
    this.refreshing ??= this.transport
      .refresh(this.refreshToken)
      .then((tokens) => {
        this.adopt(tokens);
        return this.accessToken;
      })
      .catch(() => {
        this.end('expiry');
        return null;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** The API refused the token (expired, revoked, account gone): the session is over. */
  refused(): void {
    if (this.accessToken !== null) this.end('expiry');
  }

  private adopt(tokens: { accessToken: string; refreshToken?: string; expiresIn: number }): void {
    this.accessToken = tokens.accessToken;
    // A refresh answers without a refresh token: keep the one from sign-in.
    this.refreshToken = tokens.refreshToken ?? this.refreshToken;
    this.expiresAtMs = this.now() + tokens.expiresIn * 1000;
    this.publish({ signedIn: true, groups: readClaims(tokens.accessToken).groups, endedBy: null });
  }

  private end(endedBy: SessionSnapshot['endedBy']): void {
    this.accessToken = null;
    this.refreshToken = undefined;
    this.expiresAtMs = 0;
    this.publish({ ...SIGNED_OUT, endedBy });
  }

  private publish(snapshot: SessionSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}

export const session = new Session(cookieTokenTransport);

// Every call of the signed-in client carries the current access token; a 401 ends the session.
api.use({
  async onRequest({ request }) {
    const token = await session.currentToken();
    if (token !== null) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) session.refused();
    return response;
  },
});
