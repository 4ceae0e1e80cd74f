import path from 'node:path';
import { type AwsGatewaySettings, type GatewayJobSettings } from './aws-gateway-settings';
import { type GatewayIpRuleSettings, type SecurityAuditSettings } from './security-settings';
import { type ApplicationSettings } from './load-application-settings';

export type GatewayDriverName = 'local' | 'aws';

export interface DatabaseSettings {
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  url?: string;
  /** Folder of the embedded database (and of other embedded state). */
  dataDir: string;
  migrateOnStart: boolean;
  /**
   * How long a replica may reuse a row read on every request (a developer's status, tier, quota)
   * from memory; 0 turns it off. A write in this replica forgets the row at once; other replicas
   * see the change within this time.
   */
  rowCacheTtlMs: number;
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
  /** ALLOW_EMBEDDED_COGNITO_IN_PRODUCTION: without it cognito-local refuses to start when NODE_ENV=production. */
  allowLocalInProduction?: boolean;
}

export interface AdminBootstrapSettings {
  email?: string;
  password?: string;
}

export interface BillingSettings {
  secretKey: string;
  webhookSecret: string;
  /** Another Stripe API host (tests, stripe-mock); absent: api.stripe.com. */
  apiUrl?: string;
  /** Stripe price per paid tier slug, from `STRIPE_PRICE_<TIER>`; a tier's own `stripePriceId` wins. */
  prices: Record<string, string>;
  successUrl: string;
  cancelUrl: string;
  portalReturnUrl: string;
  /** Days a `past_due` subscription keeps its tier. */
  graceDays: number;
  /** Stripe Billing Meter event name for usage-based billing; absent: usage is not reported. */
  meterEventName?: string;
}

export interface EmbeddedGatewaySettings {
  /** Port of the embedded gateway's listener (0 picks a free one). */
  port: number;
  /** Where admitted requests go; absent: the built-in echo upstream. */
  upstreamUrl?: string;
  /** Caller credentials the upstream receives (`authorization`, `cookie`); by default neither. */
  forwardHeaders: Array<'authorization' | 'cookie'>;
  /**
   * GATEWAY_PUBLIC_URL: where browsers reach the gateway (the API catalogue's `servers`, "Try it", the
   * portal's connect-src); absent: the embedded gateway's URL, or each API stage's invoke URL on AWS.
   */
  publicUrl?: string;
}

export interface RateLimitSettings {
  /** Length of one counting window. */
  windowSeconds: number;
  /** Requests per window per client IP on the auth routes (`/v1/auth/*`) and other public routes. */
  authMax: number;
  /** Requests per window per signed-in user on every other route. */
  userMax: number;
}

/** Per-account sign-in protection: after `attempts` sign-ins for one e-mail within `windowMs`, 429 until the window ends. */
export interface AuthLockoutSettings {
  attempts: number;
  windowMs: number;
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
  /** Stripe billing; null (the embedded default) keeps tier changes immediate and free. */
  billing: BillingSettings | null;
  /** The embedded gateway's data plane, started with the `local` driver. */
  embeddedGateway: EmbeddedGatewaySettings;
  /** Usage plans Keyport may hold at the gateway (tier plans + developer-specific quotas); AWS allows 300 per region. */
  maxUsagePlans: number;
  /** Redis for state shared by replicas (rate limits); absent: in memory, per process. */
  redisUrl?: string;
  redisKeyPrefix: string;
  rateLimits: RateLimitSettings;
  authLockout: AuthLockoutSettings;
  http: HttpSettings;
  observability: ObservabilitySettings;
  /** The AWS API Gateway driver's account settings (used when gatewayDriver is `aws`). */
  aws: AwsGatewaySettings;
  /** Schedules of the worker's gateway jobs (usage ingestion, reconciliation) on the aws driver. */
  gatewayJobs: GatewayJobSettings;
  /** The security posture audit (`GET /v1/admin/security`, `npm run gateway:audit`). */
  securityAudit: SecurityAuditSettings;
  /** The embedded gateway's per-IP rate rule; null when GATEWAY_IP_RATE_LIMIT is unset. */
  gatewayIpRule: GatewayIpRuleSettings | null;
  /** Applications (client credentials) and the gateway's caller authentication. */
  applications: ApplicationSettings;
  /** SIGNUP_APPROVAL: `auto` (a sign-up is active at once) or `manual` (pending until an admin approves it). */
  signupApproval: 'auto' | 'manual';
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
  readonly billing!: BillingSettings | null;
  readonly embeddedGateway!: EmbeddedGatewaySettings;
  readonly maxUsagePlans!: number;
  readonly redisUrl?: string;
  readonly redisKeyPrefix!: string;
  readonly rateLimits!: RateLimitSettings;
  readonly authLockout!: AuthLockoutSettings;
  readonly http!: HttpSettings;
  readonly observability!: ObservabilitySettings;
  readonly aws!: AwsGatewaySettings;
  readonly gatewayJobs!: GatewayJobSettings;
  readonly securityAudit!: SecurityAuditSettings;
  readonly gatewayIpRule!: GatewayIpRuleSettings | null;
  readonly applications!: ApplicationSettings;
  readonly signupApproval!: 'auto' | 'manual';

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
