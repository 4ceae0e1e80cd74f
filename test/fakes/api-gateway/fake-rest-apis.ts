import { notFound } from './fake-aws-error';

/** A method as GetResources `embed=methods` returns it (API Gateway's `Method` shape). */
export interface FakeMethod {
  httpMethod: string;
  authorizationType: 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS';
  authorizerId?: string;
  apiKeyRequired: boolean;
  authorizationScopes?: string[];
  methodIntegration?: { type: string; uri?: string; tlsConfig?: { insecureSkipVerification?: boolean } };
}

export interface FakeResource {
  id: string;
  parentId?: string;
  path: string;
  pathPart?: string;
  resourceMethods?: Record<string, FakeMethod>;
}

export interface FakeMethodSetting {
  loggingLevel?: 'OFF' | 'ERROR' | 'INFO';
  metricsEnabled?: boolean;
  throttlingRateLimit?: number;
  throttlingBurstLimit?: number;
  cachingEnabled?: boolean;
  cacheDataEncrypted?: boolean;
}

/** API Gateway's `Stage` shape (the fields the audit reads, and a few more). */
export interface FakeStage {
  stageName: string;
  deploymentId: string;
  tracingEnabled?: boolean;
  webAclArn?: string;
  cacheClusterEnabled?: boolean;
  accessLogSettings?: { destinationArn?: string; format?: string };
  methodSettings?: Record<string, FakeMethodSetting>;
}

export interface FakeRestApi {
  id: string;
  name: string;
  endpointConfiguration: { types: Array<'EDGE' | 'REGIONAL' | 'PRIVATE'>; vpcEndpointIds?: string[] };
  disableExecuteApiEndpoint?: boolean;
  /** The resource policy, JSON with its quotes escaped as API Gateway returns it. */
  policy?: string;
  resources: FakeResource[];
  authorizers: Array<{ id: string; name: string; type: 'TOKEN' | 'REQUEST' | 'COGNITO_USER_POOLS'; providerARNs?: string[] }>;
  stages: FakeStage[];
}

export interface FakeDomainName {
  domainName: string;
  securityPolicy: 'TLS_1_0' | 'TLS_1_2';
  endpointConfiguration?: { types: string[] };
  mappings: Array<{ basePath: string; restApiId: string; stage: string }>;
}

/** REST APIs, their stages and the custom domains of one account and Region, as the audit reads them. */
export class FakeRestApis {
  readonly apis = new Map<string, FakeRestApi>();
  readonly domains = new Map<string, FakeDomainName>();

  addApi(api: FakeRestApi): void {
    this.apis.set(api.id, api);
  }

  addDomain(domain: FakeDomainName): void {
    this.domains.set(domain.domainName, domain);
  }

  api(id: string): FakeRestApi {
    const api = this.apis.get(id);
    if (!api) throw notFound('REST API');
    return api;
  }

  stage(apiId: string, name: string): FakeStage {
    const stage = this.api(apiId).stages.find((s) => s.stageName === name);
    if (!stage) throw notFound('Stage');
    return stage;
  }

  domain(name: string): FakeDomainName {
    const domain = this.domains.get(name);
    if (!domain) throw notFound('domain name');
    return domain;
  }
}

export function restApiJson(api: FakeRestApi) {
  return {
    id: api.id,
    name: api.name,
    createdDate: 1_764_000_000,
    apiKeySource: 'HEADER',
    endpointConfiguration: api.endpointConfiguration,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint ?? false,
    ...(api.policy ? { policy: api.policy } : {}),
  };
}

export function resourceJson(resource: FakeResource, embedMethods: boolean) {
  const { resourceMethods, ...rest } = resource;
  if (!resourceMethods) return rest;
  // Without embed=methods API Gateway lists each method as an empty object.
  return { ...rest, resourceMethods: embedMethods ? resourceMethods : Object.fromEntries(Object.keys(resourceMethods).map((m) => [m, {}])) };
}

export function domainJson(domain: FakeDomainName) {
  const { mappings: _mappings, ...rest } = domain;
  return { ...rest, domainNameStatus: 'AVAILABLE' };
}
