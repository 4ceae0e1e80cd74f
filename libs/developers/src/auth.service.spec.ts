import { describe, expect, it } from 'vitest';
import { type AuditLog } from '@keyport/audit';
import { type Clock, DomainError, ErrorKind } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { type AuthTokens, type IdentityProvider } from '@keyport/cognito';
import { developerFixture } from '../../../test/support/developer-fixture';
import { recorder, strictFake } from '../../../test/support/strict-fake';
import { type Developer } from './developer';
import { AuthService } from './auth.service';
import { type DevelopersRepository, type NewDeveloper } from './developers.repository';
import { type InvitationsService } from './invitations.service';
import { type SignInAttempt, type SignInAttempts } from './sign-in-attempts.port';

const NOW = new Date('2026-03-18T10:00:00Z');
const TOKENS: AuthTokens = { accessToken: 'access', idToken: 'id', refreshToken: 'refresh', expiresIn: 3600 };
const typed = ' Ada@Example.COM ';

interface Options {
  approval?: 'auto' | 'manual';
  confirmed?: boolean;
  stored?: Developer | null;
  attempt?: SignInAttempt;
  /** What the pool answers to every call that can fail (undefined: success). */
  poolFails?: DomainError;
}

function world(options: Options = {}) {
  const effects: string[] = [];
  const pool = async (effect: string) => {
    effects.push(effect);
    if (options.poolFails) throw options.poolFails;
  };
  const identity = strictFake<IdentityProvider>('IdentityProvider', {
    signUp: recorder(async () => (effects.push('signUp'), { userId: 'sub-1', confirmed: options.confirmed ?? false })),
    confirmSignUp: recorder(async () => pool('confirmSignUp')),
    login: recorder(async () => (await pool('login'), TOKENS)),
    completeNewPassword: recorder(async () => (await pool('completeNewPassword'), TOKENS)),
    refresh: recorder(async () => TOKENS),
    revokeRefreshToken: recorder(async () => undefined),
    forgotPassword: recorder(async () => pool('forgotPassword')),
    confirmForgotPassword: recorder(async () => pool('confirmForgotPassword')),
    resendConfirmationCode: recorder(async () => pool('resendConfirmationCode')),
    changePassword: recorder(async () => pool('changePassword')),
    globalSignOut: recorder(async () => pool('globalSignOut')),
  });
  const developers = strictFake<DevelopersRepository>('DevelopersRepository', {
    createIfMissing: recorder(async (row: NewDeveloper) => (effects.push('createIfMissing'), developerFixture({ ...row, status: row.status ?? 'ACTIVE' }))),
    findByEmail: recorder(async () => options.stored ?? null),
    markConfirmed: recorder(async () => void effects.push('markConfirmed')),
  });
  const audit = strictFake<AuditLog>('AuditLog', { record: recorder(async () => void effects.push('audit')) });
  const attempts = strictFake<SignInAttempts>('SignInAttempts', {
    attempt: recorder(async () => options.attempt ?? { allowed: true, retryAfterSeconds: 0 }),
    succeeded: recorder(async () => void effects.push('succeeded')),
  });
  const invitations = strictFake<InvitationsService>('InvitationsService', { accepted: recorder(async () => void effects.push('accepted')) });
  const clock = strictFake<Clock>('Clock', { now: () => NOW });
  const config = { signupApproval: options.approval ?? 'auto' } as AppConfig;
  const service = new AuthService(identity, developers, audit, clock, attempts, invitations, config);
  return { service, identity, developers, audit, attempts, invitations, effects };
}

const badCredentials = () => new DomainError(ErrorKind.Unauthenticated, 'Wrong e-mail or password', { code: 'BAD_CREDENTIALS' });

describe('AuthService', () => {
  it('signs up with the normalised e-mail, writes an active developer on the default tier and audits the sign-up', async () => {
    const { service, identity, developers, audit, effects } = world({ confirmed: true });
    expect(await service.signUp(typed, 'pw')).toEqual({ userId: 'sub-1', confirmed: true });
    expect(identity.signUp).toHaveProperty('calls', [['ada@example.com', 'pw']]);
    expect(developers.createIfMissing).toHaveProperty('calls', [
      [{ id: 'sub-1', email: 'ada@example.com', tierSlug: 'standard', confirmedAt: NOW, status: 'ACTIVE' }],
    ]);
    expect(audit.record).toHaveProperty('calls', [[{ action: 'auth.signed_up', actor: { type: 'anonymous' }, targetType: 'developer', targetId: 'sub-1' }]]);
    expect(effects).toEqual(['signUp', 'createIfMissing', 'audit']);
  });

  it('writes a pending, unconfirmed developer when sign-ups need approval and the pool has not confirmed yet', async () => {
    const { service, developers } = world({ approval: 'manual', confirmed: false });
    await service.signUp('ada@example.com', 'pw');
    expect(developers.createIfMissing).toHaveProperty('calls.0.0', expect.objectContaining({ confirmedAt: null, status: 'PENDING' }));
  });

  it('confirms the sign-up in the pool, then marks the developer confirmed now; without a row it only confirms', async () => {
    const { service, identity, developers } = world({ stored: developerFixture({ id: 'sub-1', confirmedAt: null }) });
    await service.confirm(typed, '123456');
    expect(identity.confirmSignUp).toHaveProperty('calls', [['ada@example.com', '123456']]);
    expect(developers.markConfirmed).toHaveProperty('calls', [['sub-1', NOW]]);

    const { service: rowless, developers: none } = world({ stored: null });
    await rowless.confirm(typed, '123456');
    expect(none.markConfirmed).toHaveProperty('calls', []);
  });

  it('signs in and clears the attempt count of the normalised e-mail', async () => {
    const { service, identity, attempts, effects } = world();
    expect(await service.login(typed, 'pw')).toBe(TOKENS);
    expect(attempts.attempt).toHaveProperty('calls', [['ada@example.com']]);
    expect(identity.login).toHaveProperty('calls', [['ada@example.com', 'pw']]);
    expect(effects).toEqual(['login', 'succeeded']);
  });

  it('refuses a locked account with 429 ACCOUNT_LOCKED and its Retry-After, before asking the pool', async () => {
    const { service, identity } = world({ attempt: { allowed: false, retryAfterSeconds: 42 } });
    await expect(service.login(typed, 'pw')).rejects.toMatchObject({ kind: ErrorKind.RateLimited, code: 'ACCOUNT_LOCKED', retryAfterSeconds: 42 });
    expect(identity.login).toHaveProperty('calls', []);
  });

  it('audits a failed sign-in against the e-mail and passes the error on, without clearing the attempts', async () => {
    const failure = badCredentials();
    const { service, audit, effects } = world({ poolFails: failure });
    await expect(service.login(typed, 'wrong')).rejects.toBe(failure);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'auth.sign_in_failed', actor: { type: 'anonymous' }, targetType: 'email', targetId: 'ada@example.com' }],
    ]);
    expect(effects).toEqual(['login', 'audit']);
  });

  it('does not audit a sign-in the pool could not answer', async () => {
    const { service, audit } = world({ poolFails: new DomainError(ErrorKind.Unavailable, 'pool down') });
    await expect(service.login(typed, 'pw')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(audit.record).toHaveProperty('calls', []);
  });

  it("answers an invitation's new-password challenge, then accepts the invitation", async () => {
    const { service, identity, invitations, effects } = world();
    expect(await service.completeNewPassword(typed, 'session', 'new-pw')).toBe(TOKENS);
    expect(identity.completeNewPassword).toHaveProperty('calls', [['ada@example.com', 'session', 'new-pw']]);
    expect(invitations.accepted).toHaveProperty('calls', [['ada@example.com']]);
    expect(effects).toEqual(['completeNewPassword', 'accepted']);
  });

  it('passes refresh and sign-out of one token straight to the pool', async () => {
    const { service, identity } = world();
    expect(await service.refresh('r1')).toBe(TOKENS);
    await service.logout('r1');
    expect(identity.refresh).toHaveProperty('calls', [['r1']]);
    expect(identity.revokeRefreshToken).toHaveProperty('calls', [['r1']]);
  });

  it.each(['forgotPassword', 'resendCode'] as const)('%s says nothing about an unknown or already confirmed account', async (method) => {
    for (const kind of [ErrorKind.NotFound, ErrorKind.Conflict]) {
      const { service, identity } = world({ poolFails: new DomainError(kind, 'no') });
      await expect(service[method](typed)).resolves.toBeUndefined();
      const port = method === 'forgotPassword' ? identity.forgotPassword : identity.resendConfirmationCode;
      expect(port).toHaveProperty('calls', [['ada@example.com']]);
    }
  });

  it.each(['forgotPassword', 'resendCode'] as const)('%s passes on a pool that did not answer', async (method) => {
    const { service } = world({ poolFails: new DomainError(ErrorKind.Unavailable, 'pool down') });
    await expect(service[method](typed)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('audits a password reset against the developer, or the e-mail when there is no developer', async () => {
    const { service, identity, audit } = world({ stored: developerFixture({ id: 'sub-1' }) });
    await service.resetPassword(typed, '123456', 'new-pw');
    expect(identity.confirmForgotPassword).toHaveProperty('calls', [['ada@example.com', '123456', 'new-pw']]);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'auth.password_reset', actor: { type: 'anonymous' }, targetType: 'developer', targetId: 'sub-1' }],
    ]);

    const { service: rowless, audit: emailAudit } = world({ stored: null });
    await rowless.resetPassword(typed, '123456', 'new-pw');
    expect(emailAudit.record).toHaveProperty('calls.0.0', expect.objectContaining({ targetType: 'email', targetId: 'ada@example.com' }));
  });

  it('audits nothing when the reset code is wrong', async () => {
    const { service, audit } = world({ poolFails: new DomainError(ErrorKind.ValidationFailed, 'bad code', { code: 'CODE_INVALID' }) });
    await expect(service.resetPassword(typed, '000000', 'new-pw')).rejects.toMatchObject({ code: 'CODE_INVALID' });
    expect(audit.record).toHaveProperty('calls', []);
  });

  it('audits a password change and a sign-out everywhere once the pool did them', async () => {
    const { service, identity, audit } = world();
    await service.changePassword('dev-1', 'access', 'old', 'new');
    await service.signOutEverywhere('dev-1', 'access');
    expect(identity.changePassword).toHaveProperty('calls', [['access', 'old', 'new']]);
    expect(identity.globalSignOut).toHaveProperty('calls', [['access']]);
    expect(audit.record).toHaveProperty('calls', [
      [{ action: 'auth.password_changed', targetType: 'developer', targetId: 'dev-1' }],
      [{ action: 'auth.signed_out_everywhere', targetType: 'developer', targetId: 'dev-1' }],
    ]);
  });

  it('audits no password change the pool refused (PASSWORD_INCORRECT)', async () => {
    const { service, audit } = world({ poolFails: new DomainError(ErrorKind.ValidationFailed, 'wrong', { code: 'PASSWORD_INCORRECT' }) });
    await expect(service.changePassword('dev-1', 'access', 'bad', 'new')).rejects.toMatchObject({ code: 'PASSWORD_INCORRECT' });
    expect(audit.record).toHaveProperty('calls', []);
  });
});
