import { randomUUID } from 'node:crypto';
import type { AppClient } from 'cognito-local/lib/services/appClient';
import type { Clock } from 'cognito-local/lib/services/clock';
import type { TokenConfig, TokenGenerator, Tokens } from 'cognito-local/lib/services/tokenGenerator';
import { type User, attributeValue, attributesToRecord, customAttributes } from 'cognito-local/lib/services/userPoolService';
import { signRs256 } from '../rs256-jwt';
import { type InstallationKey } from './installation-key';

const UNIT_SECONDS: Partial<Record<string, number>> = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 };

/**
 * cognito-local's tokens, claim for claim (its JwtTokenGenerator), signed with this installation's
 * key rather than the one in its package. No trigger is ever enabled on the embedded Cognito, so
 * none is run here.
 */
export class InstallationTokenGenerator implements TokenGenerator {
  constructor(
    private readonly clock: Clock,
    private readonly key: InstallationKey,
    private readonly tokenConfig: TokenConfig,
  ) {}

  generate(_ctx: unknown, user: User, userGroups: readonly string[], client: AppClient): Promise<Tokens> {
    const now = Math.floor(this.clock.get().getTime() / 1000);
    const iss = `${this.tokenConfig.IssuerDomain}/${client.UserPoolId}`;
    const sub = attributeValue('sub', user.Attributes);
    const email = attributeValue('email', user.Attributes);
    const eventId = randomUUID();
    const groups = userGroups.length > 0 ? { 'cognito:groups': [...userGroups] } : {};
    const lifetime = (validity: number | undefined, unit: string, fallbackSeconds: number): number => {
      if (validity === undefined) return fallbackSeconds;
      const seconds = UNIT_SECONDS[unit];
      if (seconds === undefined) throw new Error(`Invalid token validity unit: ${unit}`);
      return validity * seconds;
    };
    const units = client.TokenValidityUnits;
    const sign = (claims: Record<string, unknown>, seconds: number) =>
      signRs256({ ...claims, iss, iat: now, exp: now + seconds }, this.key.privateKey, this.key.kid);

    return Promise.resolve({
      AccessToken: sign(
        {
          auth_time: now,
          client_id: client.ClientId,
          event_id: eventId,
          jti: randomUUID(),
          scope: 'aws.cognito.signin.user.admin',
          sub,
          token_use: 'access',
          username: user.Username,
          ...groups,
        },
        lifetime(client.AccessTokenValidity, units?.AccessToken ?? 'hours', 86_400),
      ),
      IdToken: sign(
        {
          'cognito:username': user.Username,
          auth_time: now,
          aud: client.ClientId,
          email,
          email_verified: attributeValue('email_verified', user.Attributes) === 'true',
          event_id: eventId,
          jti: randomUUID(),
          sub,
          token_use: 'id',
          ...attributesToRecord(customAttributes(user.Attributes)),
          ...groups,
        },
        lifetime(client.IdTokenValidity, units?.IdToken ?? 'hours', 86_400),
      ),
      RefreshToken: sign(
        { 'cognito:username': user.Username, email, jti: randomUUID() },
        lifetime(client.RefreshTokenValidity, units?.RefreshToken ?? 'days', 7 * 86_400),
      ),
    });
  }
}
