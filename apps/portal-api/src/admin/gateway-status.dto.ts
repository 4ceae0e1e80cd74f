import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type GatewayJobRun, type GatewayStatusReport, type ReconcileReport, type UsageIngestionResult } from '@keyport/gateway-sync';
import { UsageSyncResultDto } from './admin-gateway.dto';

export class GatewayKeysDto {
  @ApiProperty({ description: 'Live keys Keyport holds at the gateway', type: 'integer', minimum: 0 })
  used!: number;

  @ApiProperty({ description: 'The most the gateway account may hold; null when the driver has no limit', type: 'integer', nullable: true })
  limit!: number | null;
}

export class OutboxStatusDto {
  @ApiProperty({ description: 'Changes committed but not yet applied to the gateway', type: 'integer', minimum: 0 })
  depth!: number;

  @ApiProperty({ description: 'Age in seconds of the oldest change waiting; null when none waits', type: 'integer', nullable: true })
  oldestSeconds!: number | null;

  @ApiProperty({ description: 'Changes given up on after their retries (see the worker log)', type: 'integer', minimum: 0 })
  dead!: number;
}

export class GatewayCallsDto {
  @ApiProperty({ description: 'Calls sent to AWS since this process started', type: 'integer', minimum: 0 })
  sent!: number;

  @ApiProperty({ description: 'Of those, throttled by AWS', type: 'integer', minimum: 0 })
  throttled!: number;

  @ApiProperty({ description: 'Of those, answered with a server error', type: 'integer', minimum: 0 })
  serverErrors!: number;

  @ApiProperty({ description: 'Of those, with no answer', type: 'integer', minimum: 0 })
  networkErrors!: number;
}

export class ReconcileFindingDto {
  @ApiProperty({
    description: 'What kind of drift',
    enum: ['plan-missing', 'plan-settings', 'stray-key', 'duplicate-key', 'missing-key', 'wrong-plan', 'wrong-enabled'],
  })
  kind!: string;

  @ApiProperty({ description: 'What was found' })
  detail!: string;

  @ApiProperty({ description: 'What was done about it, or would be on a dry run' })
  action!: string;
}

export class ReconcileReportDto {
  @ApiProperty({ description: 'True when nothing was changed' })
  dryRun!: boolean;

  @ApiProperty({ description: 'Usage plans read at the gateway', type: 'integer', minimum: 0 })
  plans!: number;

  @ApiProperty({ description: 'Keyport keys found at the gateway', type: 'integer', minimum: 0 })
  gatewayKeys!: number;

  @ApiProperty({ description: 'Live keys in Keyport', type: 'integer', minimum: 0 })
  keyportKeys!: number;

  @ApiProperty({ type: [ReconcileFindingDto], description: 'Differences between the gateway and Keyport' })
  findings!: ReconcileFindingDto[];

  @ApiProperty({ description: 'Findings repaired (0 on a dry run)', type: 'integer', minimum: 0 })
  repaired!: number;

  static from(report: ReconcileReport): ReconcileReportDto {
    return {
      dryRun: report.dryRun,
      ...report.checked,
      findings: report.findings.map(({ kind, detail, action }) => ({ kind, detail, action })),
      repaired: report.repaired,
    };
  }
}

class JobRunDto {
  @ApiProperty({ description: 'When the run started', format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ description: 'When it ended', format: 'date-time' })
  finishedAt!: string;

  @ApiProperty({ description: 'Whether it completed' })
  ok!: boolean;

  @ApiPropertyOptional({ description: 'Why it failed (only when ok is false)' })
  error?: string;
}

export class UsageIngestionRunDto extends JobRunDto {
  @ApiPropertyOptional({ type: UsageSyncResultDto, description: 'What it read (only when ok)' })
  result?: UsageSyncResultDto;
}

export class ReconciliationRunDto extends JobRunDto {
  @ApiPropertyOptional({ type: ReconcileReportDto, description: 'What it found (only when ok)' })
  result?: ReconcileReportDto;
}

export class GatewayConsoleStatusDto {
  @ApiProperty({ description: 'The gateway driver', enum: ['local', 'aws'] })
  driver!: 'local' | 'aws';

  @ApiPropertyOptional({ description: 'AWS region (aws driver only)', example: 'eu-west-1' })
  region?: string;

  @ApiProperty({ type: GatewayKeysDto, description: 'Keys at the gateway against its limit' })
  keys!: GatewayKeysDto;

  @ApiProperty({ type: OutboxStatusDto, description: 'The outbox of changes on their way to the gateway' })
  outbox!: OutboxStatusDto;

  @ApiPropertyOptional({ type: GatewayCallsDto, description: 'AWS call health since start (aws driver only)' })
  calls?: GatewayCallsDto;

  @ApiProperty({ type: UsageIngestionRunDto, nullable: true, description: 'The last usage ingestion run by this process; null when none ran since it started' })
  lastUsageIngestion!: UsageIngestionRunDto | null;

  @ApiProperty({
    type: ReconciliationRunDto,
    nullable: true,
    description: 'The last reconciliation run by this process (dry runs included); null when none ran since it started',
  })
  lastReconciliation!: ReconciliationRunDto | null;

  static from(status: GatewayStatusReport, usage: GatewayJobRun | null, reconciliation: GatewayJobRun | null): GatewayConsoleStatusDto {
    return {
      driver: status.driver,
      ...(status.region ? { region: status.region } : {}),
      keys: status.keys,
      outbox: { depth: status.sync.pending, oldestSeconds: status.sync.oldestPendingSeconds, dead: status.sync.dead },
      ...(status.calls ? { calls: status.calls } : {}),
      lastUsageIngestion: usage && { ...runTimes(usage), ...(usage.result ? { result: usage.result as UsageIngestionResult } : {}) },
      lastReconciliation: reconciliation && {
        ...runTimes(reconciliation),
        ...(reconciliation.result ? { result: ReconcileReportDto.from(reconciliation.result as ReconcileReport) } : {}),
      },
    };
  }
}

function runTimes(run: GatewayJobRun): JobRunDto {
  return { startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt.toISOString(), ok: run.ok, ...(run.error ? { error: run.error } : {}) };
}
