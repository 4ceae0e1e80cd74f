import { type ApiStageRef, type AwsGatewaySettings, type GatewayJobSettings } from './aws-gateway-settings';
import { type EnvReader } from './env-reader';

const STAGE_PATTERN = /^([a-z0-9]{1,64}):([A-Za-z0-9_-]{1,128})$/;

/** AWS_REGION, AWS_ENDPOINT, API_STAGES and the pacing settings; API_STAGES is required with the aws driver. */
export function readAwsSettings(read: EnvReader, awsDriver: boolean): AwsGatewaySettings {
  const stages = awsDriver ? read.required('API_STAGES', 'when GATEWAY_DRIVER=aws (restApiId:stage,...)') : read.string('API_STAGES');
  return {
    region: read.string('AWS_REGION') ?? read.string('AWS_DEFAULT_REGION') ?? 'us-east-1',
    endpoint: read.url('AWS_ENDPOINT', ['http:', 'https:']),
    apiStages: stages === undefined ? [] : parseStages(read, stages),
    rate: {
      requestsPerSecond: read.int('AWS_RATE_LIMIT', 10, 1, 1_000),
      burst: read.int('AWS_RATE_BURST', 40, 1, 10_000),
      keyWritesPerSecond: read.int('AWS_KEY_WRITE_RATE_LIMIT', 5, 1, 1_000),
      planUpdateIntervalMs: read.duration('AWS_PLAN_UPDATE_INTERVAL', 20_000),
    },
    maxApiKeys: read.int('AWS_MAX_API_KEYS', 10_000, 1, 1_000_000),
  };
}

export function readGatewayJobSettings(read: EnvReader): GatewayJobSettings {
  return {
    usageSyncIntervalMs: read.duration('USAGE_SYNC_INTERVAL', 15 * 60_000),
    usageSyncDays: read.int('USAGE_SYNC_DAYS', 3, 1, 90),
    reconcileIntervalMs: read.duration('RECONCILE_INTERVAL', 60 * 60_000),
  };
}

function parseStages(read: EnvReader, raw: string): ApiStageRef[] {
  const stages: ApiStageRef[] = [];
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = STAGE_PATTERN.exec(entry);
    if (!match) {
      read.problems.push(`API_STAGES must list restApiId:stage pairs separated by commas (bad entry "${entry}")`);
      continue;
    }
    stages.push({ restApiId: match[1], stage: match[2] });
  }
  if (stages.length === 0) read.problems.push('API_STAGES must name at least one restApiId:stage');
  return stages;
}
