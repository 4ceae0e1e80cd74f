import { AppConfig } from './app-config';
import { ConfigError } from './config-error';
import { EnvReader } from './env-reader';
import { loadBillingSettings } from './load-billing-settings';
import { readAwsSettings, readGatewayJobSettings } from './load-aws-settings';
import { readGatewayIpRule, readSecurityAuditSettings } from './load-security-settings';
import { readApplicationSettings } from './load-application-settings';

/** Builds the validated configuration from an environment map, or throws ConfigError naming every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const read = new EnvReader(env);
  const dataDir = read.string('DATA_DIR') ?? './.data';
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const userPoolId = read.string('COGNITO_USER_POOL_ID');
  const cognitoMode = userPoolId === undefined ? 'local' : 'aws';
  const region = read.string('COGNITO_REGION') ?? read.string('AWS_REGION') ?? 'us-east-1';
  const clientId = cognitoMode === 'aws' ? read.required('COGNITO_CLIENT_ID', 'when COGNITO_USER_POOL_ID is set') : undefined;
  const adminEmail = read.string('ADMIN_EMAIL');
  const adminPassword = read.string('ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    read.problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  const port = read.int('PORT', 3000, 0, 65535);
  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const gatewayDriver = read.oneOf('GATEWAY_DRIVER', ['local', 'aws'] as const, 'local');
  if (gatewayDriver === 'aws' && read.string('KEY_ENCRYPTION_SECRET') === undefined) {
    read.problems.push('KEY_ENCRYPTION_SECRET is required when GATEWAY_DRIVER=aws (every API and worker replica must seal key values alike)');
  }

  const config = new AppConfig({
    env: nodeEnv,
    port,
    host: read.string('HOST') ?? '0.0.0.0',
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    database: {
      url: databaseUrl,
      dataDir,
      migrateOnStart: read.bool('MIGRATE_ON_START', false),
      rowCacheTtlMs: read.int('ROW_CACHE_TTL_MS', 1000, 0, 1000),
    },
    cognito: {
      mode: cognitoMode,
      region,
      userPoolId,
      clientId,
      endpoint: read.url('COGNITO_ENDPOINT', ['http:', 'https:']),
      localPort: read.int('COGNITO_LOCAL_PORT', 9229, 0, 65535),
      localDataDir: AppConfig.dataPath(dataDir, 'cognito'),
      allowLocalInProduction: read.bool('ALLOW_EMBEDDED_COGNITO_IN_PRODUCTION', false),
    },
    admin: { email: adminEmail, password: adminPassword },
    gatewayDriver,
    maxKeysPerDeveloper: read.int('MAX_KEYS_PER_DEVELOPER', 5, 1, 100),
    signupApproval: read.oneOf('SIGNUP_APPROVAL', ['auto', 'manual'] as const, 'auto'),
    runWorkerInProcess: read.bool('RUN_WORKER_IN_PROCESS', true),
    keyEncryptionSecret: minLength(read, 'KEY_ENCRYPTION_SECRET', 32),
    billing: loadBillingSettings(read, env, port),
    embeddedGateway: {
      port: read.int('GATEWAY_PORT', 3001, 0, 65535),
      upstreamUrl: read.url('UPSTREAM_URL', ['http:', 'https:']),
      forwardHeaders: read.someOf('UPSTREAM_FORWARD_HEADERS', ['authorization', 'cookie'] as const),
      publicUrl: read.url('GATEWAY_PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, ''),
    },
    maxUsagePlans: read.int('MAX_USAGE_PLANS', 300, 1, 10_000),
    redisUrl: read.url('REDIS_URL', ['redis:', 'rediss:']),
    redisKeyPrefix: read.string('REDIS_KEY_PREFIX') ?? 'keyport:',
    rateLimits: {
      windowSeconds: read.int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      authMax: read.int('RATE_LIMIT_AUTH_MAX', 20, 1, 1_000_000),
      userMax: read.int('RATE_LIMIT_USER_MAX', 600, 1, 1_000_000),
    },
    authLockout: {
      attempts: read.int('AUTH_LOCKOUT_ATTEMPTS', 10, 1, 1_000),
      windowMs: read.duration('AUTH_LOCKOUT_WINDOW', 15 * 60_000),
    },
    http: {
      corsOrigins: read.origins('CORS_ORIGINS'),
      trustProxy: read.trustProxy('TRUST_PROXY'),
      requestTimeoutMs: read.int('HTTP_REQUEST_TIMEOUT_MS', 30_000, 1_000, 600_000),
      keepAliveTimeoutMs: read.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 72_000, 1_000, 600_000),
      shutdownTimeoutMs: read.int('SHUTDOWN_TIMEOUT_MS', 25_000, 1_000, 600_000),
    },
    observability: {
      logFile: read.string('LOG_FILE'),
      metricsToken: minLength(read, 'METRICS_TOKEN', 16),
      metricsPort: read.int('METRICS_PORT', 0, 0, 65535),
    },
    aws: readAwsSettings(read, gatewayDriver === 'aws'),
    gatewayJobs: readGatewayJobSettings(read),
    securityAudit: readSecurityAuditSettings(read),
    gatewayIpRule: readGatewayIpRule(read),
    applications: readApplicationSettings(read),
  });
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

function minLength(read: EnvReader, name: string, min: number): string | undefined {
  const value = read.string(name);
  if (value !== undefined && value.length < min) read.problems.push(`${name} must be at least ${min} characters`);
  return value;
}
