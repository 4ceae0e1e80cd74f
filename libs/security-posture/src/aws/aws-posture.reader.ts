import {
  GetAuthorizersCommand,
  GetBasePathMappingsCommand,
  GetDomainNamesCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetStageCommand,
  type Method,
  type MethodSetting,
  type RestApi,
  type Stage,
} from '@aws-sdk/client-api-gateway';
import { Inject, Injectable } from '@nestjs/common';
import { AwsCalls, GatewayDriver, GatewayNotFoundError, PAGE_LIMIT, PlanBindingsService, allPages, planOwner } from '@keyport/api-gateway';
import { AppConfig, type ApiStageRef } from '@keyport/config';
import { TiersService } from '@keyport/tiers';
import {
  type CustomDomainPosture,
  type Denied,
  type MethodPosture,
  type RestApiPosture,
  type StagePosture,
  type StageSettingsPosture,
  type TierPlanPosture,
  isDenied,
} from './stage-posture';
import { WebAclReader } from './web-acl.reader';
import { deniedAction } from './access-denied';

const DEFAULT_METHOD_SETTINGS = '*/*';

/**
 * Reads what the audit checks for each stage of API_STAGES through the API Gateway driver's paced
 * calls (GetResources has its own quota of 5 per 2 s), and the web ACL through WAFv2. One run reads
 * each API and the domains once, however many stages share them.
 */
@Injectable()
export class AwsPostureReader {
  constructor(
    private readonly calls: AwsCalls,
    private readonly webAcls: WebAclReader,
    private readonly driver: GatewayDriver,
    private readonly bindings: PlanBindingsService,
    private readonly tiers: TiersService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async read(): Promise<StagePosture[]> {
    const region = this.config.aws.region;
    const apis = new Map<string, Promise<{ api: RestApiPosture | Denied | null; methods: MethodPosture[] | Denied }>>();
    const domains = once(() => this.domainMappings(region));
    const tierPlans = once(() => this.tierPlans());
    const result: StagePosture[] = [];
    for (const ref of this.config.aws.apiStages) {
      if (!apis.has(ref.restApiId)) apis.set(ref.restApiId, this.readApi(ref.restApiId, region));
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- set on the line above
      const { api, methods } = await apis.get(ref.restApiId)!;
      const settings = api === null ? null : await this.readStage(ref, region);
      if (api === null || settings === null) {
        result.push({ ...ref, exists: false, api: { denied: '' }, methods: [], settings: { denied: '' }, domains: [], webAcl: null, tierPlans: [] });
        continue;
      }
      const mapped = await domains();
      result.push({
        ...ref,
        exists: true,
        api,
        methods,
        settings,
        domains: isDenied(mapped)
          ? mapped
          : mapped.filter((m) => m.restApiId === ref.restApiId && (m.stage === ref.stage || m.stage === '')).map((m) => m.domain),
        webAcl: isDenied(settings) || !settings.webAclArn ? null : await this.webAcls.read(settings.webAclArn),
        tierPlans: await tierPlans(),
      });
    }
    return result;
  }

  private async readApi(restApiId: string, region: string): Promise<{ api: RestApiPosture | Denied | null; methods: MethodPosture[] | Denied }> {
    const arn = `arn:aws:apigateway:${region}::/restapis/${restApiId}`;
    const api = await this.readOrDenied(`apigateway:GET on ${arn}`, async () =>
      toApi(await this.calls.send('GetRestApi', (c) => c.send(new GetRestApiCommand({ restApiId })))),
    );
    if (api === null) return { api: null, methods: [] };
    const methods = await this.readOrDenied(`apigateway:GET on ${arn}/resources and ${arn}/authorizers`, () => this.methods(restApiId));
    return { api, methods: methods ?? [] };
  }

  private async methods(restApiId: string): Promise<MethodPosture[]> {
    const authorizers = await this.calls.send('GetAuthorizers', (c) => c.send(new GetAuthorizersCommand({ restApiId, limit: PAGE_LIMIT })));
    const known = new Set((authorizers.items ?? []).map((authorizer) => authorizer.id));
    const resources = await allPages((position) =>
      this.calls.send('GetResources', (c) => c.send(new GetResourcesCommand({ restApiId, embed: ['methods'], limit: PAGE_LIMIT, position }))),
    );
    return resources.flatMap((resource) => Object.values(resource.resourceMethods ?? {}).map((method) => toMethod(resource.path ?? '/', method, known)));
  }

  private async readStage(ref: ApiStageRef, region: string): Promise<StageSettingsPosture | Denied | null> {
    const action = `apigateway:GET on arn:aws:apigateway:${region}::/restapis/${ref.restApiId}/stages/${ref.stage}`;
    return this.readOrDenied(action, async () =>
      toSettings(await this.calls.send('GetStage', (c) => c.send(new GetStageCommand({ restApiId: ref.restApiId, stageName: ref.stage })))),
    );
  }

  private async domainMappings(region: string): Promise<Array<{ domain: CustomDomainPosture; restApiId: string; stage: string }> | Denied> {
    const mapped = await this.readOrDenied(`apigateway:GET on arn:aws:apigateway:${region}::/domainnames and /domainnames/*/basepathmappings`, async () => {
      const all: Array<{ domain: CustomDomainPosture; restApiId: string; stage: string }> = [];
      const names = await allPages((position) => this.calls.send('GetDomainNames', (c) => c.send(new GetDomainNamesCommand({ limit: PAGE_LIMIT, position }))));
      for (const name of names) {
        const domain = { domainName: name.domainName ?? '', securityPolicy: name.securityPolicy ?? 'TLS_1_2' };
        const mappings = await allPages((position) =>
          this.calls.send('GetBasePathMappings', (c) => c.send(new GetBasePathMappingsCommand({ domainName: domain.domainName, limit: PAGE_LIMIT, position }))),
        );
        for (const mapping of mappings) all.push({ domain, restApiId: mapping.restApiId ?? '', stage: mapping.stage ?? '' });
      }
      return all;
    });
    return mapped ?? [];
  }

  private async tierPlans(): Promise<TierPlanPosture[] | Denied> {
    const plans = await this.readOrDenied(`apigateway:GET on arn:aws:apigateway:${this.config.aws.region}::/usageplans`, () => this.driver.listPlans());
    if (plans === null || isDenied(plans)) return plans ?? [];
    const result: TierPlanPosture[] = [];
    for (const tier of await this.tiers.list()) {
      const planId = await this.bindings.planIdOf(planOwner.tier(tier.slug));
      result.push({ tier: tier.slug, planId, apiStages: plans.find((plan) => plan.id === planId)?.apiStages ?? [] });
    }
    return result;
  }

  /** The read's result; `{denied}` naming the IAM action when refused; null when the thing does not exist. */
  private async readOrDenied<T>(action: string, read: () => Promise<T>): Promise<T | Denied | null> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof GatewayNotFoundError) return null;
      if (deniedAction(error)) return { denied: action };
      throw error;
    }
  }
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}

function toApi(api: RestApi): RestApiPosture {
  return {
    id: api.id ?? '',
    name: api.name ?? '',
    endpointTypes: api.endpointConfiguration?.types ?? [],
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint ?? false,
    policy: api.policy ?? null,
  };
}

function toMethod(path: string, method: Method, knownAuthorizers: Set<string | undefined>): MethodPosture {
  const type = method.authorizationType ?? 'NONE';
  // A method naming an authorizer the API no longer has authenticates nobody.
  const dangling = (type === 'CUSTOM' || type === 'COGNITO_USER_POOLS') && method.authorizerId !== undefined && !knownAuthorizers.has(method.authorizerId);
  return {
    httpMethod: method.httpMethod ?? '',
    path,
    authorizationType: dangling ? 'NONE' : type,
    apiKeyRequired: method.apiKeyRequired ?? false,
    authorizationScopes: method.authorizationScopes ?? [],
    insecureSkipVerification: method.methodIntegration?.tlsConfig?.insecureSkipVerification ?? false,
  };
}

function toSettings(stage: Stage): StageSettingsPosture {
  const settings = stage.methodSettings ?? {};
  const defaults = settings[DEFAULT_METHOD_SETTINGS] as MethodSetting | undefined;
  return {
    webAclArn: stage.webAclArn ?? null,
    tracingEnabled: stage.tracingEnabled ?? false,
    accessLogDestination: stage.accessLogSettings?.destinationArn ?? null,
    loggingLevel: defaults?.loggingLevel ?? null,
    throttled: (defaults?.throttlingRateLimit ?? 0) > 0 && (defaults?.throttlingBurstLimit ?? 0) > 0,
    unencryptedCaches: Object.entries(settings)
      .filter(([, method]) => method.cachingEnabled && !method.cacheDataEncrypted)
      .map(([key]) => key),
  };
}
