import { finding } from '../check-catalogue';
import { type Finding } from '../finding';
import { type MethodPosture } from '../aws/stage-posture';
import { passUnless } from './check-helpers';

/** method-authorization, method-api-key and cognito-scopes over every method of the API but OPTIONS (CORS preflight). */
export function methodChecks(restApiId: string, stageResource: string, methods: MethodPosture[]): Finding[] {
  const guarded = methods.filter((method) => method.httpMethod !== 'OPTIONS');
  const where = (method: MethodPosture) => `${restApiId} ${method.httpMethod} ${method.path}`;
  const unauthenticated = guarded
    .filter((method) => method.authorizationType === 'NONE')
    .map((method) =>
      finding(
        'method-authorization',
        'fail',
        where(method),
        method.apiKeyRequired
          ? 'authorizationType is NONE: the method takes an API key but authenticates nobody (keys are not authentication)'
          : 'authorizationType is NONE: anyone can call the method',
      ),
    );
  const unmetered = guarded
    .filter((method) => !method.apiKeyRequired)
    .map((method) => finding('method-api-key', 'warn', where(method), 'The method does not require an API key, so no usage plan meters or throttles it'));
  const scopeless = guarded
    .filter((method) => method.authorizationType === 'COGNITO_USER_POOLS' && method.authorizationScopes.length === 0)
    .map((method) => finding('cognito-scopes', 'warn', where(method), 'A Cognito-authorized method without authorizationScopes: ID tokens pass too'));
  const count = `${guarded.length} method(s)`;
  return [
    ...passUnless('method-authorization', stageResource, unauthenticated, `All ${count} have an authorizer`),
    ...passUnless('method-api-key', stageResource, unmetered, `All ${count} require an API key`),
    ...passUnless('cognito-scopes', stageResource, scopeless, 'Every Cognito-authorized method names its scopes'),
  ];
}

/** backend-tls-verification: integrations that accept any certificate from the backend. */
export function integrationChecks(restApiId: string, stageResource: string, methods: MethodPosture[]): Finding[] {
  const insecure = methods
    .filter((method) => method.insecureSkipVerification)
    .map((method) =>
      finding(
        'backend-tls-verification',
        'fail',
        `${restApiId} ${method.httpMethod} ${method.path}`,
        'The integration skips TLS verification (insecureSkipVerification)',
      ),
    );
  return passUnless('backend-tls-verification', stageResource, insecure, "Every integration verifies its backend's certificate");
}
