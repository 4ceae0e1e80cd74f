import { decideGatewayCaller } from '@keyport/gateway-decision';
import { AccessTokens } from './access-token';
import { type AuthorizerConfig, readAuthorizerConfig } from './authorizer-config';
import { KeyportDirectory } from './keyport-directory';

/** The parts of API Gateway's REQUEST authorizer event (payload 1.0) the handler reads. */
export interface RequestAuthorizerEvent {
  type: 'REQUEST';
  methodArn: string;
  headers?: Record<string, string | undefined> | null;
}

export interface AuthorizerResult {
  principalId: string;
  policyDocument: { Version: '2012-10-17'; Statement: Array<{ Action: 'execute-api:Invoke'; Effect: 'Allow' | 'Deny'; Resource: string }> };
  /** Values API Gateway hands to the integration as `$context.authorizer.<name>` (strings only). */
  context: { developerId: string; applicationId: string; scopes: string };
  /** The API key API Gateway meters and throttles by when the stage's apiKeySource is AUTHORIZER. */
  usageIdentifierKey?: string;
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

/** Built once per container: the JWKS and Keyport's answers are cached across warm invocations. */
export function createHandler(config: AuthorizerConfig): (event: RequestAuthorizerEvent) => Promise<AuthorizerResult> {
  const tokens = new AccessTokens(config);
  const directory = new KeyportDirectory(config);
  return async (event) => {
    const header = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    const match = header ? BEARER.exec(header) : null;
    const caller = match ? await tokens.verify(match[1]) : undefined;
    // API Gateway answers 401 for exactly this error message.
    if (!caller) throw new Error('Unauthorized');
    const decision = await decideGatewayCaller(caller, directory);
    if (!decision.allow) {
      if (decision.refusal === 'unauthorized') throw new Error('Unauthorized');
      return result(caller.sub, 'Deny', event.methodArn, { developerId: '', applicationId: '', scopes: '' });
    }
    const context = { developerId: decision.developerId, applicationId: decision.applicationId ?? '', scopes: decision.scopes.join(' ') };
    // A person's own keys are kept only as hashes: no usageIdentifierKey, so methods with apiKeyRequired answer 403.
    const apiKey = caller.client ? await directory.apiKeyOf(caller.client.clientId) : null;
    return { ...result(decision.developerId, 'Allow', event.methodArn, context), ...(apiKey ? { usageIdentifierKey: apiKey } : {}) };
  };
}

/**
 * The policy covers every method of the stage (`<api>/<stage>/*`): with AuthorizerResultTtlInSeconds
 * above 0 API Gateway reuses the answer for the caller's other methods too.
 */
function result(principalId: string, effect: 'Allow' | 'Deny', methodArn: string, context: AuthorizerResult['context']): AuthorizerResult {
  const [apiArn, stage] = methodArn.split('/');
  return {
    principalId,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- an ARN without a stage splits into one part
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: `${apiArn}/${stage ?? '*'}/*` }] },
    context,
  };
}

export { readAuthorizerConfig } from './authorizer-config';

let current: ((event: RequestAuthorizerEvent) => Promise<AuthorizerResult>) | undefined;

/** Lambda's entry point (`index.handler` in the zip). */
export const handler = (event: RequestAuthorizerEvent): Promise<AuthorizerResult> => {
  // eslint-disable-next-line no-restricted-properties -- a Lambda's configuration is its environment; read once, validated in readAuthorizerConfig
  current ??= createHandler(readAuthorizerConfig(process.env));
  return current(event);
};
