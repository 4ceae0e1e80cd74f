import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminInitiateAuthCommand,
  ChangePasswordCommand,
  GlobalSignOutCommand,
  ListUserPoolsCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCognitoClient } from '../cognito-client';
import { type OpenedCognitoConnection, openCognitoConnection } from '../cognito-connection';
import { CognitoIdentityProvider } from '../cognito.identity-provider';
import type { AuthTokens } from '../identity-provider.port';

const PASSWORD = 'Str0ng!Passw0rd';

/** What cognito-local itself leaves unprotected, closed by Keyport's embedded Cognito. */
describe('embedded Cognito hardening', () => {
  let root: string;
  let opened: OpenedCognitoConnection | undefined;
  const settings = () => ({ mode: 'local' as const, region: 'local', localPort: 0, localDataDir: path.join(root, 'cognito') });
  const providerFor = (connection: OpenedCognitoConnection['connection']) =>
    new CognitoIdentityProvider(
      createCognitoClient({ region: 'local', endpoint: connection.endpoint, local: true, embeddedSecret: connection.embeddedSecret }),
      connection,
    );

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'keyport-embedded-'));
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
    await rm(root, { recursive: true, force: true });
  });

  it('converts a store an older version kept in clear: passwords and refresh tokens hashed, files 0600, sign-in still works', async () => {
    opened = await openCognitoConnection(settings());
    const idp = providerFor(opened.connection);
    const { userId } = await idp.signUp('legacy@example.com', PASSWORD);
    await idp.adminConfirm('legacy@example.com');
    const poolFile = path.join(root, 'cognito', 'db', `${opened.connection.userPoolId}.json`);
    await opened.close();
    opened = undefined;

    // Make it what cognito-local itself writes: the password and a refresh token in clear, mode 0644.
    const store = JSON.parse(await readFile(poolFile, 'utf8')) as { Users: Record<string, Record<string, unknown>> };
    const user = store.Users[userId]!;
    delete user.PasswordHash;
    Object.assign(user, { Password: PASSWORD, RefreshTokens: ['legacy-refresh-token'] });
    await writeFile(poolFile, JSON.stringify(store));
    await chmod(poolFile, 0o644);

    opened = await openCognitoConnection(settings());
    const converted = await readFile(poolFile, 'utf8');
    expect(converted).not.toContain(PASSWORD);
    expect(converted).not.toContain('legacy-refresh-token');
    expect(converted).toMatch(/"PasswordHash": "scrypt\$32768\$8\$1\$/);
    expect((await stat(poolFile)).mode & 0o777).toBe(0o600);
    const restarted = providerFor(opened.connection);
    expect(((await restarted.login('legacy@example.com', PASSWORD)) as AuthTokens).accessToken).toBeTruthy();
    expect((await restarted.refresh('legacy-refresh-token')).accessToken).toBeTruthy();
  });

  it('serves only the operations whose handling of secrets was checked', async () => {
    opened = await openCognitoConnection(settings());
    const client = createCognitoClient({
      region: 'local',
      endpoint: opened.connection.endpoint,
      local: true,
      embeddedSecret: opened.connection.embeddedSecret,
    });
    try {
      const { userPoolId, clientId } = opened.connection;
      for (const command of [
        new AdminInitiateAuthCommand({
          UserPoolId: userPoolId,
          ClientId: clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'a@b.c', PASSWORD },
        }),
        new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SMS_MFA', ChallengeResponses: {} }),
      ]) {
        await expect(client.send(command as never)).rejects.toMatchObject({
          name: 'InvalidParameterException',
          message: expect.stringMatching(/not available on the embedded Cognito/),
        });
      }
      // NEW_PASSWORD_REQUIRED is served, bound to a session this server handed out: a made-up one gets nowhere.
      await expect(
        client.send(
          new RespondToAuthChallengeCommand({
            ClientId: clientId,
            ChallengeName: 'NEW_PASSWORD_REQUIRED',
            Session: 'made-up',
            ChallengeResponses: { USERNAME: 'a@b.c', NEW_PASSWORD: PASSWORD },
          }),
        ),
      ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
      // The account operations are the embedded Cognito's own: an access token it did not sign gets nowhere.
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ token_use: 'access', client_id: clientId, username: 'a@b.c', exp: 4e9 })).toString('base64url')}.x`;
      for (const command of [
        new ChangePasswordCommand({ AccessToken: unsigned, PreviousPassword: PASSWORD, ProposedPassword: PASSWORD }),
        new GlobalSignOutCommand({ AccessToken: unsigned }),
      ]) {
        await expect(client.send(command as never)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
      }
    } finally {
      client.destroy();
    }
  });

  it('refuses callers without this process secret, and any browser', async () => {
    opened = await openCognitoConnection(settings());
    const stranger = createCognitoClient({ region: 'local', endpoint: opened.connection.endpoint, local: true });
    try {
      await expect(stranger.send(new ListUserPoolsCommand({ MaxResults: 10 }))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
      await expect(
        stranger.send(new AdminAddUserToGroupCommand({ UserPoolId: opened.connection.userPoolId, Username: 'me', GroupName: 'admin' })),
      ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    } finally {
      stranger.destroy();
    }
    // A web page's request carries an Origin (and its preflight too): refused before cognito-local's CORS answers it.
    const fromBrowser = await fetch(`${opened.connection.endpoint}/`, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{"MaxResults":10}',
    });
    expect(fromBrowser.status).toBe(403);
    expect(fromBrowser.headers.get('access-control-allow-origin')).toBeNull();
    // The JWKS stays public: verifiers fetch it.
    expect((await fetch(opened.connection.jwksUri)).status).toBe(200);
  });
});
