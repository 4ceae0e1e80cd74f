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
