import { type FakeApiGateway } from '../fakes/api-gateway/fake-api-gateway';
import { type FakeMethod, type FakeResource } from '../fakes/api-gateway/fake-rest-apis';
import { type FakeWafV2 } from '../fakes/api-gateway/fake-wafv2';

export const SECURE_API = 'secure0001';
export const INSECURE_API = 'insecure01';
export const STAGE = 'prod';

const integration = (insecure = false): FakeMethod['methodIntegration'] => ({
  type: 'HTTP_PROXY',
  uri: 'https://backend.example.com/{proxy}',
  ...(insecure ? { tlsConfig: { insecureSkipVerification: true } } : {}),
});

const rateRule = (name: string, mode: 'Block' | 'Count') => ({
  Name: name,
  Priority: 0,
  Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
  Action: { [mode]: {} },
  VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: name },
});

/** `count` resources beside the root, each with a well-protected GET (for the paging and pacing test). */
export function manyResources(count: number, method: FakeMethod): FakeResource[] {
  const resources: FakeResource[] = [{ id: 'root000000', path: '/' }];
  for (let i = 0; i < count; i++)
    resources.push({
      id: `r${String(i).padStart(9, '0')}`,
      parentId: 'root000000',
      path: `/things${i}`,
      pathPart: `things${i}`,
      resourceMethods: { GET: method },
    });
  return resources;
}

export const SECURE_METHOD: FakeMethod = {
  httpMethod: 'GET',
  authorizationType: 'COGNITO_USER_POOLS',
  authorizerId: 'auth000001',
  authorizationScopes: ['orders/read'],
  apiKeyRequired: true,
  methodIntegration: integration(),
};

/** An API that passes every check: authorizer with scopes, keys, throttling, WAF blocking, TLS 1.2, logs, encrypted cache. */
export function seedSecureApi(fake: FakeApiGateway, waf: FakeWafV2, id = SECURE_API, resources?: FakeResource[]): void {
  const webAclArn = waf.addWebAcl(`acl-${id}`, [rateRule('per-ip', 'Block')]);
  fake.restApis.addApi({
    id,
    name: 'orders',
    endpointConfiguration: { types: ['REGIONAL'] },
    disableExecuteApiEndpoint: true,
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 'execute-api:Invoke',
          Resource: 'execute-api:/*',
          Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } },
        },
      ],
    }).replace(/"/g, '\\"'),
    authorizers: [
      { id: 'auth000001', name: 'pool', type: 'COGNITO_USER_POOLS', providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc'] },
    ],
    resources: resources ?? [
      { id: 'root000000', path: '/', resourceMethods: { OPTIONS: { httpMethod: 'OPTIONS', authorizationType: 'NONE', apiKeyRequired: false } } },
      {
        id: 'orders0000',
        parentId: 'root000000',
        path: '/orders',
        pathPart: 'orders',
        resourceMethods: {
          GET: SECURE_METHOD,
          POST: { ...SECURE_METHOD, httpMethod: 'POST', authorizationType: 'AWS_IAM', authorizerId: undefined, authorizationScopes: undefined },
        },
      },
    ],
    stages: [
      {
        stageName: STAGE,
        deploymentId: 'dep0000001',
        tracingEnabled: true,
        webAclArn,
        cacheClusterEnabled: true,
        accessLogSettings: { destinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:orders-access', format: '$context.requestId' },
        methodSettings: {
          '*/*': {
            loggingLevel: 'INFO',
            metricsEnabled: true,
            throttlingRateLimit: 100,
            throttlingBurstLimit: 200,
            cachingEnabled: true,
            cacheDataEncrypted: true,
          },
        },
      },
    ],
  });
  fake.restApis.addDomain({ domainName: 'api.orders.example.com', securityPolicy: 'TLS_1_2', mappings: [{ basePath: '(none)', restApiId: id, stage: STAGE }] });
}

/** An API that breaks every check. */
export function seedInsecureApi(fake: FakeApiGateway, waf: FakeWafV2): void {
  fake.restApis.addApi({
    id: INSECURE_API,
    name: 'legacy',
    endpointConfiguration: { types: ['PRIVATE'] },
    disableExecuteApiEndpoint: false,
    authorizers: [{ id: 'auth000009', name: 'pool', type: 'COGNITO_USER_POOLS' }],
    resources: [
      { id: 'root000009', path: '/' },
      {
        id: 'legacy0001',
        parentId: 'root000009',
        path: '/legacy',
        pathPart: 'legacy',
        resourceMethods: {
          GET: { httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: true, methodIntegration: integration(true) },
          POST: {
            httpMethod: 'POST',
            authorizationType: 'COGNITO_USER_POOLS',
            authorizerId: 'auth000009',
            apiKeyRequired: false,
            methodIntegration: integration(),
          },
        },
      },
    ],
    stages: [
      {
        stageName: STAGE,
        deploymentId: 'dep0000009',
        tracingEnabled: false,
        cacheClusterEnabled: true,
        methodSettings: { '*/*': { loggingLevel: 'OFF', cachingEnabled: true, cacheDataEncrypted: false } },
      },
    ],
  });
  fake.restApis.addDomain({
    domainName: 'legacy.example.com',
    securityPolicy: 'TLS_1_0',
    mappings: [{ basePath: 'v1', restApiId: INSECURE_API, stage: STAGE }],
  });
  void waf;
}

/** A second insecure variant: a web ACL whose only rate rule counts, and a policy open to everyone. */
export function seedCountingApi(fake: FakeApiGateway, waf: FakeWafV2, id: string): void {
  seedSecureApi(fake, waf, id);
  const api = fake.restApis.api(id);
  api.endpointConfiguration = { types: ['REGIONAL'] };
  api.policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'execute-api:Invoke', Resource: '*' }],
  });
  api.stages[0].webAclArn = waf.addWebAcl(`count-${id}`, [rateRule('per-ip-trial', 'Count')]);
}

export function noRateRuleAcl(waf: FakeWafV2, name: string): string {
  return waf.addWebAcl(name, [
    {
      Name: 'managed',
      Priority: 0,
      Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'managed' },
    },
  ]);
}
