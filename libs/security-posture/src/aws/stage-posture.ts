/**
 * What the audit read about one API stage of API_STAGES, in Keyport's words (no SDK types past the
 * reader). A read that was refused for want of an IAM permission leaves its part `denied` with the
 * action to grant, so the checks that need it say so and the others still run.
 */
export interface Denied {
  denied: string;
}

export interface MethodPosture {
  httpMethod: string;
  path: string;
  authorizationType: string;
  apiKeyRequired: boolean;
  authorizationScopes: string[];
  /** The integration skips verifying the backend's certificate. */
  insecureSkipVerification: boolean;
}

export interface RestApiPosture {
  id: string;
  name: string;
  endpointTypes: string[];
  disableExecuteApiEndpoint: boolean;
  /** The resource policy as a JSON string, or null when there is none. */
  policy: string | null;
}

export interface StageSettingsPosture {
  webAclArn: string | null;
  tracingEnabled: boolean;
  accessLogDestination: string | null;
  /** methodSettings `*` + `/` + `*`: the stage's defaults. */
  loggingLevel: string | null;
  throttled: boolean;
  /** Method setting keys (`*` + `/` + `*`, `things/GET`) that cache without encryption. */
  unencryptedCaches: string[];
}

export interface CustomDomainPosture {
  domainName: string;
  securityPolicy: string;
}

export interface WebAclPosture {
  name: string;
  /** Names of rate-based rules, with whether each only counts. */
  rateRules: Array<{ name: string; countOnly: boolean }>;
}

export interface TierPlanPosture {
  tier: string;
  /** The tier's usage plan id, or null when the tier has none at the gateway. */
  planId: string | null;
  /** `restApiId:stage` the plan covers. */
  apiStages: string[];
}

export interface StagePosture {
  restApiId: string;
  stage: string;
  /** False when API Gateway answered NotFound for the API or the stage. */
  exists: boolean;
  api: RestApiPosture | Denied;
  methods: MethodPosture[] | Denied;
  settings: StageSettingsPosture | Denied;
  /** Custom domains with a base path mapped to this stage. */
  domains: CustomDomainPosture[] | Denied;
  /** The web ACL of `settings.webAclArn`, or null when none is attached. */
  webAcl: WebAclPosture | Denied | null;
  tierPlans: TierPlanPosture[] | Denied;
}

export const isDenied = (value: unknown): value is Denied => typeof value === 'object' && value !== null && 'denied' in value;
