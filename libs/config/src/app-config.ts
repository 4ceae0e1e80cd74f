import path from 'node:path';

export type GatewayDriverName = 'local' | 'aws';

export interface DatabaseSettings {
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  url?: string;
  /** Folder of the embedded database (and of other embedded state). */
  dataDir: string;
  migrateOnStart: boolean;
}

export interface CognitoSettings {
  /** `local`: Keyport runs cognito-local itself; `aws`: a real user pool. */
  mode: 'local' | 'aws';
  region: string;
  userPoolId?: string;
  clientId?: string;
  /** Overrides the Cognito endpoint (an external cognito-local, for example). */
  endpoint?: string;
  /** Port of the embedded cognito-local (0 picks a free one). */
  localPort: number;
  /** Where the embedded cognito-local keeps its state. */
  localDataDir: string;
}

export interface AdminBootstrapSettings {
  email?: string;
  password?: string;
}

export interface RateLimitSettings {
  /** Length of one counting window. */
  windowSeconds: number;
  /** Requests per window per client IP on the auth routes (`/v1/auth/*`) and other public routes. */
  authMax: number;
  /** Requests per window per signed-in user on every other route. */
  userMax: number;
}

export interface HttpSettings {
  /** CORS allow-list of origins; empty: no cross-origin access. `*` allows any origin. */
  corsOrigins: string[];
  /** Fastify `trustProxy`: false, true, a hop count or a list of addresses/CIDRs of the load balancers. */
  trustProxy: boolean | number | string[];
  requestTimeoutMs: number;
  /** Longer than the load balancer's idle timeout, so it never reuses a connection we just closed. */
  keepAliveTimeoutMs: number;
  /** How long a SIGTERM waits for in-flight requests and the current outbox item before exiting anyway. */
  shutdownTimeoutMs: number;
}

export interface ObservabilitySettings {
  /** Append JSON log lines to this file instead of stdout. */
  logFile?: string;
  /** When set, `/metrics` requires `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** A separate worker process serves `/metrics` on this port (0: none). */
  metricsPort: number;
}

export interface AppConfigValues {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  logLevel: string;
  database: DatabaseSettings;
  cognito: CognitoSettings;
  admin: AdminBootstrapSettings;
  gatewayDriver: GatewayDriverName;
  maxKeysPerDeveloper: number;
  /** Whether the outbox worker runs inside the API process. */
  runWorkerInProcess: boolean;
  /** Seals key values while they wait in the outbox for the gateway; absent: a file in DATA_DIR. */
  keyEncryptionSecret: string | undefined;
  /** Redis for state shared by replicas (rate limits); absent: in memory, per process. */
  redisUrl?: string;
  redisKeyPrefix: string;
  rateLimits: RateLimitSettings;
  http: HttpSettings;
  observability: ObservabilitySettings;
}

/** Configuration read and validated once at start; everything else receives it injected. */
export class AppConfig implements AppConfigValues {
  readonly env!: AppConfigValues['env'];
  readonly port!: number;
  readonly host!: string;
  readonly logLevel!: string;
  readonly database!: DatabaseSettings;
  readonly cognito!: CognitoSettings;
  readonly admin!: AdminBootstrapSettings;
  readonly gatewayDriver!: GatewayDriverName;
  readonly maxKeysPerDeveloper!: number;
  readonly runWorkerInProcess!: boolean;
  readonly keyEncryptionSecret!: string | undefined;
  readonly redisUrl?: string;
  readonly redisKeyPrefix!: string;
  readonly rateLimits!: RateLimitSettings;
  readonly http!: HttpSettings;
  readonly observability!: ObservabilitySettings;

  constructor(values: AppConfigValues) {
    Object.assign(this, values);
  }

  get embeddedDatabase(): boolean {
    return this.database.url === undefined;
  }

  static dataPath(dataDir: string, ...parts: string[]): string {
    return path.resolve(dataDir, ...parts);
  }
}
