import path from 'node:path';
import { type AwsGatewaySettings, type GatewayJobSettings } from './aws-gateway-settings';

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
  /** The AWS API Gateway driver's account settings (used when gatewayDriver is `aws`). */
  aws: AwsGatewaySettings;
  /** Schedules of the worker's gateway jobs (usage ingestion, reconciliation) on the aws driver. */
  gatewayJobs: GatewayJobSettings;
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
  readonly aws!: AwsGatewaySettings;
  readonly gatewayJobs!: GatewayJobSettings;

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
