import path from 'node:path';
import type { CognitoSettings } from '@keyport/config';
import { LocalCognitoServer } from './local/local-cognito.server';
import { LocalPoolProvisioner } from './local/local-pool.provisioner';

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
  /** True for cognito-local (embedded or external): dummy credentials, JwtRsaVerifier, local password policy. */
  readonly local: boolean;

  constructor(fields: {
    region: string;
    endpoint?: string;
    userPoolId: string;
    clientId: string;
    issuer: string;
    jwksUri: string;
    local: boolean;
  }) {
    this.region = fields.region;
    if (fields.endpoint !== undefined) this.endpoint = fields.endpoint;
    this.userPoolId = fields.userPoolId;
    this.clientId = fields.clientId;
    this.issuer = fields.issuer;
    this.jwksUri = fields.jwksUri;
    this.local = fields.local;
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
}

/**
 * Resolves CognitoSettings into a connection.
 * - `aws`: the configured pool and client; issuer `https://cognito-idp.<region>.amazonaws.com/<poolId>`.
 * - `local` without `endpoint`: starts cognito-local in this process (port `localPort`, state in
 *   `localDataDir`) and provisions the `keyport` pool, client and `admin` group.
 * - `local` with `endpoint`: an external cognito-local, provisioned the same way (ids kept in
 *   `localDataDir/pool.json`). Its tokens' issuer must be `<endpoint>/<poolId>`, i.e. that server's
 *   TokenConfig.IssuerDomain must equal the endpoint Keyport is given.
 */
export async function openCognitoConnection(
  settings: CognitoSettings,
  options: OpenCognitoConnectionOptions = {},
): Promise<OpenedCognitoConnection> {
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

  const dataDir = path.resolve(settings.localDataDir);
  const server = settings.endpoint
    ? undefined
    : await LocalCognitoServer.start({ port: settings.localPort, dataDir, onCode: options.onCode });
  try {
    const endpoint = (server?.endpoint ?? settings.endpoint ?? '').replace(/\/+$/, '');
    const pool = await LocalPoolProvisioner.provision({ endpoint, dataDir, region: settings.region });
    const issuer = `${endpoint}/${pool.userPoolId}`;
    const connection = new CognitoConnection({
      region: settings.region,
      endpoint,
      userPoolId: pool.userPoolId,
      clientId: pool.clientId,
      issuer,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      local: true,
    });
    return { connection, ...(server ? { server } : {}), close: () => server?.close() ?? Promise.resolve() };
  } catch (error) {
    await server?.close();
    throw error;
  }
}
