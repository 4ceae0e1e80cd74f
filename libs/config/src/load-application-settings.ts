import { type EnvReader } from './env-reader';

/** Applications (client credentials) and how the embedded gateway authenticates callers. */
export interface ApplicationSettings {
  /** MAX_APPLICATIONS_PER_DEVELOPER: live applications one developer may hold. */
  maxPerDeveloper: number;
  /** API_RESOURCE_SERVER: identifier of the resource server whose scopes applications get. */
  resourceServer: string;
  /** API_SCOPES: the resource server's scope names (without the identifier). */
  scopes: string[];
  /** COGNITO_DOMAIN: the pool's domain (https://<prefix>.auth.<region>.amazoncognito.com or a custom one); the token endpoint is its /oauth2/token. */
  cognitoDomain?: string;
  /** COGNITO_APP_CLIENT_QUOTA: Cognito's app-client quota per pool; Keyport refuses before Cognito would. */
  appClientQuota: number;
  /** GATEWAY_AUTH: `cognito` (an access token and a key of its owner) or `none` (key only). */
  gatewayAuth: 'cognito' | 'none';
  /** GATEWAY_API_KEY_SOURCE: `HEADER` (callers send x-api-key) or `AUTHORIZER` (the key comes from the caller's identity), as API Gateway's apiKeySource. */
  apiKeySource: 'HEADER' | 'AUTHORIZER';
  /** AUTHORIZER_SECRET: the Lambda authorizer's shared secret; without it the internal route does not exist. */
  authorizerSecret?: string;
}

const SCOPE_NAME = /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]{1,256}$/;
const RESOURCE_SERVER_ID = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;

export function readApplicationSettings(read: EnvReader): ApplicationSettings {
  const resourceServer = read.string('API_RESOURCE_SERVER') ?? 'keyport-api';
  if (!RESOURCE_SERVER_ID.test(resourceServer))
    read.problems.push('API_RESOURCE_SERVER must be 1-256 printable characters without spaces, quotes or backslashes');
  const scopes = (read.string('API_SCOPES') ?? 'read,write')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (scopes.length === 0 || scopes.some((s) => !SCOPE_NAME.test(s))) {
    read.problems.push('API_SCOPES must list scope names separated by commas (printable characters, no spaces, slashes or quotes)');
  }
  const authorizerSecret = read.string('AUTHORIZER_SECRET');
  if (authorizerSecret !== undefined && authorizerSecret.length < 32) read.problems.push('AUTHORIZER_SECRET must be at least 32 characters');
  const gatewayAuth = read.oneOf('GATEWAY_AUTH', ['cognito', 'none'] as const, 'cognito');
  const apiKeySource = read.oneOf('GATEWAY_API_KEY_SOURCE', ['HEADER', 'AUTHORIZER'] as const, 'HEADER');
  if (apiKeySource === 'AUTHORIZER' && gatewayAuth === 'none')
    read.problems.push('GATEWAY_API_KEY_SOURCE=AUTHORIZER needs GATEWAY_AUTH=cognito: the key is found from the caller identity');
  return {
    maxPerDeveloper: read.int('MAX_APPLICATIONS_PER_DEVELOPER', 5, 1, 100),
    resourceServer,
    scopes: [...new Set(scopes)],
    cognitoDomain: read.url('COGNITO_DOMAIN', ['https:', 'http:'])?.replace(/\/+$/, ''),
    appClientQuota: read.int('COGNITO_APP_CLIENT_QUOTA', 1000, 2, 1_000_000),
    gatewayAuth,
    apiKeySource,
    authorizerSecret,
  };
}
