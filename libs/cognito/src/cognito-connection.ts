import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { CognitoSettings } from '@keyport/config';
import { LocalCognitoServer } from './local/local-cognito.server';
import { LocalPoolProvisioner } from './local/local-pool.provisioner';
import { TEST_COST } from './local/password-hasher';

/** Where the user pool lives and how its tokens look; resolved once at start. */
export class CognitoConnection {
  readonly region: string;
  /** Set for cognito-local (or any endpoint override); absent means the regional AWS endpoint. */
  readonly endpoint?: string;
  readonly userPoolId: string;
  readonly clientId: string;
  /** Expected `iss` of the pool's tokens. */
  readonly issuer: string;
  readonly jwksUri: string;
  /** True for cognito-local (embedded or external): dummy credentials, JwtVerifier, local password policy. */
  readonly local: boolean;
  /** The secret the embedded Cognito of this process requires with every call. */
  readonly embeddedSecret?: string;

  constructor(fields: {
    region: string;
    endpoint?: string;
    userPoolId: string;
    clientId: string;
    issuer: string;
    jwksUri: string;
    local: boolean;
    embeddedSecret?: string;
  }) {
    this.region = fields.region;
    if (fields.endpoint !== undefined) this.endpoint = fields.endpoint;
    this.userPoolId = fields.userPoolId;
    this.clientId = fields.clientId;
    this.issuer = fields.issuer;
    this.jwksUri = fields.jwksUri;
    this.local = fields.local;
    if (fields.embeddedSecret !== undefined) this.embeddedSecret = fields.embeddedSecret;
  }
}

/** A resolved connection and what must be stopped with the application. */
export interface OpenedCognitoConnection {
  connection: CognitoConnection;
  /** The embedded cognito-local, when this process runs it. */
  server?: LocalCognitoServer;
  /** Stops the embedded server, if any; idempotent. */
  close(): Promise<void>;
}

export interface OpenCognitoConnectionOptions {
  /** Passed to the embedded server: every code it would have e-mailed. */
  onCode?: Parameters<typeof LocalCognitoServer.start>[0]['onCode'];
  /** NODE_ENV=production: cognito-local then refuses to run unless `settings.allowLocalInProduction`. */
  production?: boolean;
  /** NODE_ENV=test: the embedded Cognito hashes passwords at TEST_COST (see password-hasher.ts). */
  test?: boolean;
}

/** Why cognito-local refuses a production start; names the variables that change it. */
export const LOCAL_IN_PRODUCTION =
  'NODE_ENV=production with the embedded Cognito (cognito-local): set COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID for a real user pool, ' +
  'or ALLOW_EMBEDDED_COGNITO_IN_PRODUCTION=true to run the emulator deliberately (one replica, local trials only)';

/**
 * Resolves CognitoSettings into a connection.
 * - `aws`: the configured pool and client; issuer `https://cognito-idp.<region>.amazonaws.com/<poolId>`.
 * - `local` without `endpoint`: starts cognito-local in this process (port `localPort`, state in
 *   `localDataDir`) and provisions the `keyport` pool, client and `admin` group.
 * - `local` with `endpoint`: an external cognito-local, provisioned the same way (ids kept in
 *   `localDataDir/pool.json`). Its tokens' issuer must be `<endpoint>/<poolId>`, i.e. that server's
 *   TokenConfig.IssuerDomain must equal the endpoint Keyport is given.
 */
export async function openCognitoConnection(settings: CognitoSettings, options: OpenCognitoConnectionOptions = {}): Promise<OpenedCognitoConnection> {
  if (settings.mode === 'aws') {
    if (!settings.userPoolId || !settings.clientId) {
      throw new Error('Cognito mode "aws" needs a user pool id and an app client id');
    }
    const issuer = `https://cognito-idp.${settings.region}.amazonaws.com/${settings.userPoolId}`;
    return {
      connection: new CognitoConnection({
        region: settings.region,
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        userPoolId: settings.userPoolId,
        clientId: settings.clientId,
        issuer,
        jwksUri: `${issuer}/.well-known/jwks.json`,
        local: false,
      }),
      close: () => Promise.resolve(),
    };
  }

  if (options.production && !settings.allowLocalInProduction) throw new Error(LOCAL_IN_PRODUCTION);
  const dataDir = path.resolve(settings.localDataDir);
  // A fresh secret per start: only this process signs its calls with it (an external one checks none).
  const embeddedSecret = settings.endpoint ? undefined : randomBytes(24).toString('base64url');
  const server = settings.endpoint
    ? undefined
    : await LocalCognitoServer.start({
        port: settings.localPort,
        dataDir,
        onCode: options.onCode,
        embeddedSecret,
        ...(options.test ? { passwordHashCost: TEST_COST } : {}),
      });
  try {
    const endpoint = (server?.endpoint ?? settings.endpoint ?? '').replace(/\/+$/, '');
    const pool = await LocalPoolProvisioner.provision({ endpoint, dataDir, region: settings.region, embeddedSecret });
    const issuer = `${endpoint}/${pool.userPoolId}`;
    const connection = new CognitoConnection({
      region: settings.region,
      endpoint,
      userPoolId: pool.userPoolId,
      clientId: pool.clientId,
      issuer,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      local: true,
      ...(embeddedSecret ? { embeddedSecret } : {}),
    });
    return { connection, ...(server ? { server } : {}), close: () => server?.close() ?? Promise.resolve() };
  } catch (error) {
    await server?.close();
    throw error;
  }
}
