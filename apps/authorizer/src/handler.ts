import { bearerToken, decideGatewayCaller } from '@keyport/gateway-decision';
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
  /**
   * Values API Gateway hands to the integration (and to gateway response templates) as
   * `$context.authorizer.<name>` (strings only). `reason` is empty on Allow, and on Deny says why.
   */
  context: { developerId: string; applicationId: string; scopes: string; reason: '' | DenyReason };
  /** The API key API Gateway meters and throttles by when the stage's apiKeySource is AUTHORIZER. */
  usageIdentifierKey?: string;
}

/**
 * Why a Deny (403): the developer is suspended or deleted; a person's token, which names no key
 * API Gateway could meter (Keyport keeps only hashes of a developer's own keys: on AWS people call
 * through applications); an application whose managed key is not made yet (it is, at the next start).
 */
export type DenyReason = 'DEVELOPER_NOT_ACTIVE' | 'PERSON_TOKEN_NOT_METERED' | 'MANAGED_KEY_PENDING';

/** Built once per container: the JWKS and Keyport's answers are cached across warm invocations. */
export function createHandler(config: AuthorizerConfig): (event: RequestAuthorizerEvent) => Promise<AuthorizerResult> {
  const tokens = new AccessTokens(config);
  const directory = new KeyportDirectory(config);
  return async (event) => {
    const header = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    const token = bearerToken(header);
    const caller = token === null ? undefined : await tokens.verify(token);
    // API Gateway answers 401 for exactly this error message.
    if (!caller) throw new Error('Unauthorized');
    const decision = await decideGatewayCaller(caller, directory);
    if (!decision.allow) {
      if (decision.refusal === 'unauthorized') throw new Error('Unauthorized');
      return deny(caller.sub, event.methodArn, 'DEVELOPER_NOT_ACTIVE');
    }
    // Allowed without a usageIdentifierKey, a call would pass unmetered where a method has no
    // apiKeyRequired and get a bare 403 where it has: a Deny that says why is clearer than either.
    if (!caller.client) return deny(decision.developerId, event.methodArn, 'PERSON_TOKEN_NOT_METERED');
    const apiKey = await directory.apiKeyOf(caller.client.clientId);
    if (!apiKey) return deny(decision.developerId, event.methodArn, 'MANAGED_KEY_PENDING');
    const context = { developerId: decision.developerId, applicationId: decision.applicationId ?? '', scopes: decision.scopes.join(' '), reason: '' as const };
    return { ...result(decision.developerId, 'Allow', event.methodArn, context), usageIdentifierKey: apiKey };
  };
}

function deny(principalId: string, methodArn: string, reason: DenyReason): AuthorizerResult {
  return result(principalId, 'Deny', methodArn, { developerId: '', applicationId: '', scopes: '', reason });
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
