import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './support/http-client';
import { expectErrorShape, PASSWORD, type SignedInDeveloper, signUpDeveloper, startWithAdmin, uniqueEmail } from './support/journey';
import { type KeyportHarness } from './support/keyport-harness';
import { latestTemporaryPassword } from './support/temporary-password';

const OWN_PASSWORD = 'My-0wn-Passw0rd!';

/** Sign-up approval (SIGNUP_APPROVAL=manual) and invitations (temporary password, NEW_PASSWORD_REQUIRED), over HTTP. */
describe('sign-up approval and invitations', () => {
  let harness: KeyportHarness;
  let http: HttpClient;
  let admin: string;

  beforeAll(async () => {
    ({ harness, http, admin } = await startWithAdmin({ env: { SIGNUP_APPROVAL: 'manual' } }));
  });

  afterAll(() => harness?.close());

  const auditOnce = async (target: string, action: string): Promise<any> => {
    const audit = await http.get(`/v1/admin/audit-log?target=${target}&action=${action}`, { token: admin });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    return audit.body.items[0];
  };

  describe('SIGNUP_APPROVAL=manual', () => {
    let pending: SignedInDeveloper;

    beforeAll(async () => {
      pending = await signUpDeveloper(http, admin, uniqueEmail('pending'));
    });

    it('lets a pending developer sign in and read the portal, but create no key and no application', async () => {
      const me = await http.get('/v1/me', { token: pending.token });
      expect(me.status).toBe(200);
      expect(me.body.status).toBe('pending');
      const key = await http.post('/v1/keys', { name: 'first' }, { token: pending.token });
      expect(key.status).toBe(403);
      expectErrorShape(key.body, 403);
      expect(key.body.code).toBe('DEVELOPER_PENDING');
      const application = await http.post('/v1/applications', { name: 'svc' }, { token: pending.token });
      expect(application.status).toBe(403);
      expect(application.body.code).toBe('DEVELOPER_PENDING');
      expect((await http.get('/v1/keys', { token: pending.token })).body.items).toEqual([]);
      expect((await http.get('/v1/applications', { token: pending.token })).body.items).toEqual([]);
      const listed = await http.get(`/v1/admin/developers?status=pending&search=${encodeURIComponent(pending.email)}`, { token: admin });
      expect(listed.body.items.map((d: any) => d.id)).toEqual([pending.id]);
    });

    it('approves: the developer is active and creates keys; approving twice is 409 NOT_PENDING; audited once', async () => {
      const approved = await http.post(`/v1/admin/developers/${pending.id}/approve`, undefined, { token: admin });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ id: pending.id, status: 'active' });
      const again = await http.post(`/v1/admin/developers/${pending.id}/approve`, undefined, { token: admin });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('NOT_PENDING');
      expect((await http.post('/v1/keys', { name: 'first' }, { token: pending.token })).status).toBe(201);
      expect(await auditOnce(pending.id, 'developer.approved')).toMatchObject({ before: { status: 'PENDING' }, after: { status: 'ACTIVE' } });
    });

    it('declines: the sign-up is gone (Cognito identity and developer), the address may sign up again; audited once', async () => {
      const declined = await signUpDeveloper(http, admin, uniqueEmail('declined'));
      const answer = await http.post(`/v1/admin/developers/${declined.id}/decline`, undefined, { token: admin });
      expect(answer.status).toBe(204);
      expect((await http.get(`/v1/admin/developers/${declined.id}`, { token: admin })).status).toBe(404);
      const login = await http.post('/v1/auth/login', { email: declined.email, password: PASSWORD });
      expect(login.status).toBe(401);
      expect(login.body.code).toBe('BAD_CREDENTIALS');
      const twice = await http.post(`/v1/admin/developers/${declined.id}/decline`, undefined, { token: admin });
      expect(twice.status).toBe(404);
      expect((await http.post('/v1/auth/signup', { email: declined.email, password: PASSWORD })).status).toBe(201);
      expect(await auditOnce(declined.id, 'developer.declined')).toMatchObject({ before: { status: 'PENDING' } });
    });

    it('declines a sign-up an admin already gave quota to: no 500, the account ends (status deleted), the address may sign up again', async () => {
      const declined = await signUpDeveloper(http, admin, uniqueEmail('granted'));
      expect((await http.post(`/v1/admin/developers/${declined.id}/quota/grants`, { requests: 100 }, { token: admin })).status).toBe(201);
      const answer = await http.post(`/v1/admin/developers/${declined.id}/decline`, undefined, { token: admin });
      expect(answer.status).toBe(204);
      expect((await http.get(`/v1/admin/developers/${declined.id}`, { token: admin })).body.status).toBe('deleted');
      expect((await http.post('/v1/auth/login', { email: declined.email, password: PASSWORD })).status).toBe(401);
      const twice = await http.post(`/v1/admin/developers/${declined.id}/decline`, undefined, { token: admin });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('NOT_PENDING');
      expect((await http.post('/v1/auth/signup', { email: declined.email, password: PASSWORD })).status).toBe(201);
      expect(await auditOnce(declined.id, 'developer.declined')).toMatchObject({ before: { status: 'PENDING' }, after: { status: 'DELETED' } });
    });

    it('refuses to decline an active developer: 409 NOT_PENDING, nothing removed', async () => {
      const answer = await http.post(`/v1/admin/developers/${pending.id}/decline`, undefined, { token: admin });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('NOT_PENDING');
      expect((await http.get('/v1/me', { token: pending.token })).status).toBe(200);
    });
  });

  describe('invitations', () => {
    it('invites a developer: the temporary password from the log, NEW_PASSWORD_REQUIRED, resend, then their own password', async () => {
      const email = uniqueEmail('invited');
      const invited = await http.post('/v1/admin/invitations', { email }, { token: admin });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ email, admin: false, status: 'pending', acceptedAt: null });
      const taken = await http.post('/v1/admin/invitations', { email }, { token: admin });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('EMAIL_TAKEN');

      const first = await latestTemporaryPassword(harness.logFile, email);
      const wrong = await http.post('/v1/auth/login', { email, password: 'Not-The-0ne!' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('BAD_CREDENTIALS');
      const challenged = await http.post('/v1/auth/login', { email, password: first });
      expect(challenged.status).toBe(200);
      expect(challenged.body).toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: expect.any(String) });

      // Resend: a new temporary password; the first one stops working.
      const resent = await http.post(`/v1/admin/invitations/${invited.body.id}/resend`, undefined, { token: admin });
      expect(resent.status).toBe(200);
      const second = await latestTemporaryPassword(harness.logFile, email, 2);
      expect(second).not.toBe(first);
      expect((await http.post('/v1/auth/login', { email, password: first })).status).toBe(401);

      const { session } = (await http.post('/v1/auth/login', { email, password: second })).body;
      const forged = await http.post('/v1/auth/new-password', { email, session: `${session}x`, newPassword: OWN_PASSWORD });
      expect(forged.status).toBe(400);
      expectErrorShape(forged.body, 400);
      expect(forged.body.code).toBe('SESSION_INVALID');
      // The forged attempt spent nothing: sign in again for a fresh session (sessions are single-use).
      const fresh = (await http.post('/v1/auth/login', { email, password: second })).body.session;
      const weak = await http.post('/v1/auth/new-password', { email, session: fresh, newPassword: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('VALIDATION_FAILED');
      const done = await http.post('/v1/auth/new-password', { email, session: fresh, newPassword: OWN_PASSWORD });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: expect.any(Number) });
      const reused = await http.post('/v1/auth/new-password', { email, session: fresh, newPassword: OWN_PASSWORD });
      expect(reused.body.code).toBe('SESSION_INVALID');

      // An invited developer was chosen by an admin: active at once, even with manual approval.
      const me = await http.get('/v1/me', { token: done.body.accessToken });
      expect(me.body).toMatchObject({ email, status: 'active' });
      expect((await http.post('/v1/keys', { name: 'k' }, { token: done.body.accessToken })).status).toBe(201);
      expect((await http.post('/v1/auth/refresh', { refreshToken: done.body.refreshToken })).status).toBe(200);
      const signedIn = await http.post('/v1/auth/login', { email, password: OWN_PASSWORD });
      expect(signedIn.body.accessToken).toEqual(expect.any(String));
      expect((await http.post('/v1/auth/login', { email, password: second })).status).toBe(401);

      const list = await http.get('/v1/admin/invitations', { token: admin });
      expect(list.body.items.find((i: any) => i.id === invited.body.id)).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String) });
      for (const call of [
        http.post(`/v1/admin/invitations/${invited.body.id}/resend`, undefined, { token: admin }),
        http.delete(`/v1/admin/invitations/${invited.body.id}`, { token: admin }),
      ]) {
        const refused = await call;
        expect(refused.status).toBe(409);
        expect(refused.body.code).toBe('INVITATION_ACCEPTED');
      }
      expect(await auditOnce(invited.body.id, 'invitation.created')).toMatchObject({ after: { email, admin: false } });
      await auditOnce(invited.body.id, 'invitation.resent');
    });

    it('cancels a pending invitation: its temporary password stops working and the address may be invited again', async () => {
      const email = uniqueEmail('cancelled');
      const invited = await http.post('/v1/admin/invitations', { email }, { token: admin });
      const temporary = await latestTemporaryPassword(harness.logFile, email);
      expect((await http.delete(`/v1/admin/invitations/${invited.body.id}`, { token: admin })).status).toBe(204);
      expect((await http.post('/v1/auth/login', { email, password: temporary })).status).toBe(401);
      const list = await http.get('/v1/admin/invitations', { token: admin });
      expect(list.body.items.some((i: any) => i.id === invited.body.id)).toBe(false);
      expect((await http.delete(`/v1/admin/invitations/${invited.body.id}`, { token: admin })).status).toBe(404);
      await auditOnce(invited.body.id, 'invitation.cancelled');
      expect((await http.post('/v1/admin/invitations', { email }, { token: admin })).status).toBe(201);
    });

    it('invites an admin: after their own password they open the admin API, and are no developer', async () => {
      const email = uniqueEmail('new-admin');
      expect((await http.post('/v1/admin/invitations', { email, admin: true }, { token: admin })).status).toBe(201);
      const temporary = await latestTemporaryPassword(harness.logFile, email);
      const { session } = (await http.post('/v1/auth/login', { email, password: temporary })).body;
      const done = await http.post('/v1/auth/new-password', { email, session, newPassword: OWN_PASSWORD });
      expect(done.status).toBe(200);
      expect((await http.get('/v1/admin/invitations', { token: done.body.accessToken })).status).toBe(200);
      expect((await http.get('/v1/me', { token: done.body.accessToken })).body.code).toBe('NOT_A_DEVELOPER');
    });

    it('validates its input: a bad e-mail, an unknown or malformed id', async () => {
      expect((await http.post('/v1/admin/invitations', { email: 'not-an-address' }, { token: admin })).status).toBe(400);
      expect((await http.post('/v1/admin/invitations', { email: uniqueEmail(), admin: 'yes' }, { token: admin })).status).toBe(400);
      expect((await http.post('/v1/admin/invitations/not-a-uuid/resend', undefined, { token: admin })).status).toBe(400);
      const unknown = await http.post('/v1/admin/invitations/00000000-0000-4000-8000-000000000000/resend', undefined, { token: admin });
      expect(unknown.status).toBe(404);
      expect((await http.post('/v1/auth/new-password', { email: uniqueEmail(), session: 'x', newPassword: OWN_PASSWORD })).body.code).toBe('SESSION_INVALID');
    });
  });

  it("refuses a developer's token on every admin route added here: 403", async () => {
    const dev = await signUpDeveloper(http, admin, uniqueEmail('plain'));
    const id = '00000000-0000-4000-8000-000000000000';
    const calls = [
      http.post(`/v1/admin/developers/${dev.id}/approve`, undefined, { token: dev.token }),
      http.post(`/v1/admin/developers/${dev.id}/decline`, undefined, { token: dev.token }),
      http.post('/v1/admin/invitations', { email: uniqueEmail() }, { token: dev.token }),
      http.get('/v1/admin/invitations', { token: dev.token }),
      http.post(`/v1/admin/invitations/${id}/resend`, undefined, { token: dev.token }),
      http.delete(`/v1/admin/invitations/${id}`, { token: dev.token }),
    ];
    for (const answer of await Promise.all(calls)) {
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('NOT_AN_ADMIN');
    }
  });
});
