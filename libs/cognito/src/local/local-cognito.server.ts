import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Config } from 'cognito-local/lib/server/config';
import { Router } from 'cognito-local/lib/server/Router';
import { createServer } from 'cognito-local/lib/server/server';
import { type Services, DateClock, MessagesService, TriggersService } from 'cognito-local/lib/services';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService';
import type { CryptoService } from 'cognito-local/lib/services/crypto';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb';
import type { Lambda } from 'cognito-local/lib/services/lambda';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import { otp } from 'cognito-local/lib/services/otp';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService';
import pino from 'pino';
import { type DeliveredCode, DeliveredCodeSender } from './delivered-code.sender';

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
    await mkdir(dbDir, { recursive: true });

    const logger = pino({ level: options.logLevel ?? 'silent' });
    const ctx = { logger };
    // The issuer needs the port, known only after listening: the token generator reads this object
    // at every sign-in, so it is filled in below before any request can arrive.
    const tokenConfig: Config['TokenConfig'] = { IssuerDomain: undefined };
    const config: Config = {
      LambdaClient: {},
      TriggerFunctions: {},
      UserPoolDefaults: { UsernameAttributes: ['email'] },
      TokenConfig: tokenConfig,
      ServerConfig: { port: options.port, hostname: host, development: false, https: false },
    };

    const clock = new DateClock();
    const dataStoreFactory = new StormDBDataStoreFactory(dbDir);
    const cognito = await new CognitoServiceFactoryImpl(
      dbDir,
      dataStoreFactory,
      new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
    ).create(ctx, config.UserPoolDefaults);
    const triggers = new TriggersService(clock, cognito, noLambda, noCrypto);
    const codes = new DeliveredCodeSender(options.onCode);
    const services: Services = {
      clock,
      cognito,
      config,
      messages: new MessagesService(triggers, new MessageDeliveryService(codes)),
      otp,
      tokenGenerator: new JwtTokenGenerator(clock, triggers, tokenConfig),
      triggers,
    };

    const server = (await createServer(
      Router(services),
      logger as never,
      config.ServerConfig,
      services,
    ).start()) as Server;
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

/** Where a client on this machine reaches the listening address (a wildcard means loopback). */
function endpointHost(address: string): string {
  if (address === '0.0.0.0' || address === '::' || address === '') return '127.0.0.1';
  return address.includes(':') ? `[${address}]` : address;
}
