/** One API stage a usage plan is attached to (`restApiId:stage` in API_STAGES). */
export interface ApiStageRef {
  restApiId: string;
  stage: string;
}

/** Client-side pacing under API Gateway's control-plane quotas (which AWS will not raise). */
export interface AwsRateSettings {
  /** All management calls together, per second (AWS: 10). */
  requestsPerSecond: number;
  /** Burst of all management calls (AWS: 40). */
  burst: number;
  /** CreateApiKey and DeleteApiKey, each, per second (AWS: 5). */
  keyWritesPerSecond: number;
  /** At most one UpdateUsagePlan per plan in this many milliseconds (AWS: 20 s). */
  planUpdateIntervalMs: number;
}

export interface AwsGatewaySettings {
  region: string;
  /** Overrides the API Gateway endpoint (tests, emulators). */
  endpoint?: string;
  apiStages: ApiStageRef[];
  rate: AwsRateSettings;
  /** API keys per account and Region that Keyport may use (AWS: 10,000, cannot be raised). */
  maxApiKeys: number;
}

export interface GatewayJobSettings {
  /** How often AWS usage is ingested; 0 turns the schedule off. */
  usageSyncIntervalMs: number;
  /** How many recent days each ingestion re-reads, since AWS usage data arrives late. */
  usageSyncDays: number;
  /** How often Keyport reconciles with AWS; 0 turns the schedule off. */
  reconcileIntervalMs: number;
}
