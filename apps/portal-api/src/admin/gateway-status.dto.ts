import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type GatewayJob,
  type GatewayJobRun,
  type GatewayStatusReport,
  type JobOutcome,
  type JobTrigger,
  type LastGatewayRuns,
  type ReconcileReport,
  type UsageIngestionResult,
} from '@keyport/gateway-sync';
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

  @ApiProperty({ description: 'When it ended; for an interrupted run, its last sign of life', format: 'date-time' })
  finishedAt!: string;

  @ApiProperty({ description: 'Whether it completed' })
  ok!: boolean;

  @ApiProperty({
    description: 'How it ended: ok, failed (with error), or interrupted (the process running it stopped before the run ended)',
    enum: ['ok', 'failed', 'interrupted'],
  })
  outcome!: JobOutcome;

  @ApiProperty({ description: "Who started it: the worker's schedule, an admin, or a command (npm run gateway:...)", enum: ['schedule', 'admin', 'command'] })
  triggeredBy!: JobTrigger['by'];

  @ApiPropertyOptional({ description: 'The admin who started it (their Cognito sub; only when triggeredBy is admin)' })
  adminId?: string;

  @ApiPropertyOptional({ description: 'Why it failed or stopped (only when ok is false)' })
  error?: string;
}

export class UsageIngestionRunDto extends JobRunDto {
  @ApiPropertyOptional({ type: UsageSyncResultDto, description: 'What it read (only when ok)' })
  result?: UsageSyncResultDto;
}

export class ReconciliationRunDto extends JobRunDto {
  @ApiProperty({ description: 'True for a dry run (it changed nothing)' })
  dryRun!: boolean;

  @ApiPropertyOptional({ type: ReconcileReportDto, description: 'What it found (only when ok)' })
  result?: ReconcileReportDto;
}

export class RunningJobDto {
  @ApiProperty({ description: 'Which job', enum: ['usageIngestion', 'reconciliation'] })
  job!: GatewayJob;

  @ApiProperty({ description: 'True for a reconciliation dry run' })
  dryRun!: boolean;

  @ApiProperty({ description: 'When it started', format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ description: "Its process's last sign of life (every 30 s); after 2 minutes without one the run counts as interrupted", format: 'date-time' })
  heartbeatAt!: string;

  @ApiProperty({ description: 'Who started it', enum: ['schedule', 'admin', 'command'] })
  triggeredBy!: JobTrigger['by'];

  @ApiPropertyOptional({ description: 'The admin who started it (only when triggeredBy is admin)' })
  adminId?: string;
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

  @ApiProperty({
    type: UsageIngestionRunDto,
    nullable: true,
    description: 'The last usage ingestion that ended, run by any process (the worker, an admin, a command); null when none is recorded',
  })
  lastUsageIngestion!: UsageIngestionRunDto | null;

  @ApiProperty({
    type: ReconciliationRunDto,
    nullable: true,
    description: 'The last reconciliation that ended (dry runs included), run by any process; null when none is recorded',
  })
  lastReconciliation!: ReconciliationRunDto | null;

  @ApiProperty({ type: [RunningJobDto], description: 'Runs going on now, oldest first' })
  running!: RunningJobDto[];

  static from(status: GatewayStatusReport, runs: LastGatewayRuns): GatewayConsoleStatusDto {
    const usage = runs.usageIngestion;
    const reconciliation = runs.reconciliation;
    return {
      driver: status.driver,
      ...(status.region ? { region: status.region } : {}),
      keys: status.keys,
      outbox: { depth: status.sync.pending, oldestSeconds: status.sync.oldestPendingSeconds, dead: status.sync.dead },
      ...(status.calls ? { calls: status.calls } : {}),
      lastUsageIngestion: usage && { ...endedRun(usage), ...(usage.result ? { result: usage.result as UsageIngestionResult } : {}) },
      lastReconciliation: reconciliation && {
        ...endedRun(reconciliation),
        dryRun: reconciliation.dryRun,
        ...(reconciliation.result ? { result: ReconcileReportDto.from(reconciliation.result as ReconcileReport) } : {}),
      },
      running: runs.running.map((run) => ({
        job: run.job,
        dryRun: run.dryRun,
        startedAt: run.startedAt.toISOString(),
        heartbeatAt: run.heartbeatAt.toISOString(),
        ...trigger(run.trigger),
      })),
    };
  }
}

function endedRun(run: GatewayJobRun): JobRunDto {
  return {
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    ok: run.ok,
    outcome: run.outcome,
    ...trigger(run.trigger),
    ...(run.error ? { error: run.error } : {}),
  };
}

function trigger(trigger: JobTrigger): Pick<JobRunDto, 'triggeredBy' | 'adminId'> {
  return trigger.by === 'admin' ? { triggeredBy: 'admin', adminId: trigger.adminId } : { triggeredBy: trigger.by };
}
