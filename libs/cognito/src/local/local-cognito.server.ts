import { type RequestListener, type Server, createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Config } from 'cognito-local/lib/server/config';
import { Router } from 'cognito-local/lib/server/Router';
import { createServer } from 'cognito-local/lib/server/server';
import { type CognitoService, type Services, DateClock, MessagesService, TriggersService } from 'cognito-local/lib/services';
import type { Context } from 'cognito-local/lib/services/context';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService';
import type { CryptoService } from 'cognito-local/lib/services/crypto';
import type { Lambda } from 'cognito-local/lib/services/lambda';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import { otp } from 'cognito-local/lib/services/otp';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService';
import pino from 'pino';
import { ensurePrivateDir, restrictTree } from '@keyport/common';
import { accountRoutes } from './account.routes';
import { appClientRoutes } from './app-client.routes';
import { clientCredentialsGrant } from './client-credentials.grant';
import { credentialRouter } from './credential-router';
import { CredentialStoreFactory } from './credential-store';
import { type DeliveredCode, DeliveredCodeSender } from './delivered-code.sender';
import { loadInstallationKey } from './installation-key';
import { InstallationTokenGenerator } from './installation-token.generator';
import { PasswordHasher, type ScryptCost, isRefreshTokenHash } from './password-hasher';
import { embeddedCognitoHandler } from './embedded-cognito.handler';
import { ResourceServerStore } from './resource-server.store';
import { ChallengeSessions, temporaryPasswordRoutes } from './temporary-password.routes';

export interface LocalCognitoServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; default 127.0.0.1 (never expose the emulator by accident). */
  host?: string;
  /** State folder (created with its parents). cognito-local's own files live in `<dataDir>/db`. */
  dataDir: string;
  /** pino level for cognito-local's request log; default `silent`. */
  logLevel?: string;
  /** Called with every code the emulator would have e-mailed (sign-up confirmation, ...). */
  onCode?: (delivered: DeliveredCode) => void;
  /** When set, only calls carrying this secret are served (see embedded-cognito.handler.ts). */
  embeddedSecret?: string;
  /** scrypt's work factor for passwords; default STANDARD_COST. */
  passwordHashCost?: ScryptCost;
}

/** Lambda triggers are not used by Keyport: no trigger is ever enabled, so aws-sdk v2 is never loaded. */
const noLambda: Lambda = {
  enabled: () => false,
  invoke: () => Promise.reject(new Error('Lambda triggers are not supported by the embedded Cognito')),
};

/** Only needed by the CustomEmailSender trigger, which is never enabled. */
const noCrypto = {
  encrypt: () => Promise.reject(new Error('KMS is not supported by the embedded Cognito')),
} as unknown as CryptoService;

/**
 * cognito-local (a Cognito user-pool emulator) running inside this process, assembled from its
 * parts instead of `createDefaultServer`, which would write `.cognito/` under the working folder
 * and read PORT/HOST from the environment. Tokens carry the issuer
 * `http://127.0.0.1:<port>/<poolId>`; the JWKS is served at `/<poolId>/.well-known/jwks.json`.
 *
 * Hardened where cognito-local is not: tokens are signed with this installation's own key (never
 * the one published in its package) and the JWKS lists that key alone; passwords and refresh
 * tokens are stored hashed; only the operations Keyport uses are served; the folder and its files
 * are owner-only. State written by an older version is converted at start.
 */
export class LocalCognitoServer {
  private closed = false;

  private constructor(
    private readonly server: Server,
    /** e.g. http://127.0.0.1:43123 */
    readonly endpoint: string,
    readonly port: number,
    readonly dataDir: string,
    private readonly codes: DeliveredCodeSender,
  ) {}

  static async start(options: LocalCognitoServerOptions): Promise<LocalCognitoServer> {
    const host = options.host ?? '127.0.0.1';
    const dataDir = path.resolve(options.dataDir);
    const dbDir = path.join(dataDir, 'db');
    await ensurePrivateDir(dataDir);
    await ensurePrivateDir(dbDir);
    await restrictTree(dataDir);
    const key = await loadInstallationKey(dataDir);

    const logger = pino({ level: options.logLevel ?? 'silent' });
    const ctx = { logger };
    // The issuer needs the port, known only after listening: the token generator reads this object
    // at every sign-in, so it is filled in below before any request can arrive.
    const tokenConfig: Config['TokenConfig'] = { IssuerDomain: undefined };
    const config: Config = {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- cognito-local types these SDK options as a class and reads them as a plain object
      LambdaClient: {},
      TriggerFunctions: {},
      UserPoolDefaults: { UsernameAttributes: ['email'] },
      TokenConfig: tokenConfig,
      ServerConfig: { port: options.port, hostname: host, development: false, https: false },
    };

    const clock = new DateClock();
    const hasher = new PasswordHasher(options.passwordHashCost);
    const dataStoreFactory = new CredentialStoreFactory(dbDir, hasher);
    const cognito = await new CognitoServiceFactoryImpl(dbDir, dataStoreFactory, new UserPoolServiceFactoryImpl(clock, dataStoreFactory)).create(
      ctx,
      config.UserPoolDefaults,
    );
    await rewriteLegacyCredentials(ctx, cognito);
    const triggers = new TriggersService(clock, cognito, noLambda, noCrypto);
    const codes = new DeliveredCodeSender(options.onCode);
    const services: Services = {
      clock,
      cognito,
      config,
      messages: new MessagesService(triggers, new MessageDeliveryService(codes)),
      otp,
      tokenGenerator: new InstallationTokenGenerator(clock, key, tokenConfig),
      triggers,
    };

    // Only the Express application is used, behind a handler that answers the JWKS itself.
    const router = Router(services);
    const sessions = new ChallengeSessions();
    const added = {
      ...appClientRoutes(services, router, new ResourceServerStore(dataDir)),
      ...temporaryPasswordRoutes(services, router, sessions),
      ...accountRoutes(services, key, hasher),
    };
    // cognito-local types its Express application as `any`; it is Node's request listener.
    const { application } = createServer(credentialRouter(router, services, hasher, added, sessions), logger as never, config.ServerConfig, services) as {
      application: RequestListener;
    };
    const issuerDomain = () => tokenConfig.IssuerDomain;
    const guard = {
      key,
      endpoint: issuerDomain,
      tokenEndpoint: clientCredentialsGrant({ services, ctx, key, endpoint: issuerDomain }),
      ...(options.embeddedSecret ? { embeddedSecret: options.embeddedSecret } : {}),
    };
    const server = createHttpServer(embeddedCognitoHandler(guard, application));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address() as AddressInfo;
    const port = address.port;
    const endpoint = `http://${endpointHost(address.address)}:${port}`;
    tokenConfig.IssuerDomain = endpoint;
    return new LocalCognitoServer(server, endpoint, port, dataDir, codes);
  }

  /** The issuer of tokens for a pool of this server. */
  issuerFor(userPoolId: string): string {
    return `${this.endpoint}/${userPoolId}`;
  }

  /** The latest code "sent" to this e-mail address (sign-up confirmation), if any. */
  lastCodeFor(destination: string): string | undefined {
    return this.codes.lastCodeFor(destination);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      // The SDK keeps connections alive; without this close() waits for them to time out.
      this.server.closeAllConnections();
    });
  }
}

/**
 * Saves every user once more through the credential store, which hashes what a version before it
 * kept in clear (passwords, refresh tokens); users stored hashed already are left as they are.
 */
async function rewriteLegacyCredentials(ctx: Context, cognito: CognitoService): Promise<void> {
  for (const pool of await cognito.listUserPools(ctx)) {
    const users = await cognito.getUserPool(ctx, pool.Id);
    for (const user of await users.listUsers(ctx)) {
      const legacy = typeof (user as { PasswordHash?: unknown }).PasswordHash !== 'string' && typeof user.Password === 'string';
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a user stored by an older version may have none
      if (legacy || (user.RefreshTokens ?? []).some((token) => !isRefreshTokenHash(token))) await users.saveUser(ctx, user);
    }
  }
}

/** Where a client on this machine reaches the listening address (a wildcard means loopback). */
function endpointHost(address: string): string {
  if (address === '0.0.0.0' || address === '::' || address === '') return '127.0.0.1';
  return address.includes(':') ? `[${address}]` : address;
}
