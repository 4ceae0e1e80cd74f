import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { type AuditRunSummary, type Finding, LAYERS, SEVERITIES, STATUSES, type SecurityReport } from '@keyport/security-posture';

export class SecurityQueryDto {
  @ApiPropertyOptional({
    description: '`1`: audit now instead of serving the result kept for SECURITY_AUDIT_TTL',
    enum: ['0', '1', 'true', 'false'],
    example: '1',
  })
  @IsOptional()
  @IsIn(['0', '1', 'true', 'false'])
  fresh?: string;
}

export class SecurityHistoryQueryDto {
  @ApiPropertyOptional({ description: 'Runs to return, newest first', type: 'integer', minimum: 1, maximum: 365, default: 30, example: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  limit?: number;
}

export class SecuritySummaryDto {
  @ApiProperty({ description: 'Findings that pass', type: 'integer', minimum: 0 })
  pass!: number;

  @ApiProperty({ description: 'Findings that warn', type: 'integer', minimum: 0 })
  warn!: number;

  @ApiProperty({ description: 'Findings that fail', type: 'integer', minimum: 0 })
  fail!: number;
}

export class SecurityFindingDto {
  @ApiProperty({ description: 'Security layer the check protects', enum: LAYERS, example: 'authentication' })
  layer!: Finding['layer'];

  @ApiProperty({ description: 'Check id (a contract: stable across versions)', example: 'method-authorization' })
  check!: string;

  @ApiProperty({ description: 'Verdict', enum: STATUSES, example: 'fail' })
  status!: Finding['status'];

  @ApiProperty({ description: 'How much the check matters', enum: SEVERITIES, example: 'critical' })
  severity!: Finding['severity'];

  @ApiProperty({ description: 'What was checked (`restApiId:stage`, `restApiId GET /path`, `domain name`, `embedded-gateway`)', example: 'a1b2c3d4e5:prod' })
  resource!: string;

  @ApiProperty({ description: 'What the audit found', example: 'authorizationType is NONE: anyone can call the method' })
  message!: string;

  @ApiProperty({ description: 'What to change (empty on a pass)', example: 'Give the method an authorizer' })
  fix!: string;
}

export class SecurityReportDto {
  @ApiProperty({ description: 'When the configuration was read', format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ description: 'Gateway driver audited', enum: ['local', 'aws'] })
  driver!: 'local' | 'aws';

  @ApiProperty({ description: 'Findings per status', type: SecuritySummaryDto })
  summary!: SecuritySummaryDto;

  @ApiProperty({ description: 'One finding per check and resource', type: [SecurityFindingDto] })
  findings!: SecurityFindingDto[];

  static from(report: SecurityReport): SecurityReportDto {
    return { checkedAt: report.checkedAt, driver: report.driver, summary: { ...report.summary }, findings: report.findings.map((f) => ({ ...f })) };
  }
}

export class SecurityRunDto {
  @ApiProperty({ description: 'When the configuration was read', format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ description: 'Gateway driver audited', enum: ['local', 'aws'] })
  driver!: string;

  @ApiProperty({ description: 'Findings per status', type: SecuritySummaryDto })
  summary!: SecuritySummaryDto;

  @ApiProperty({
    description: 'Fails the previous run did not have, as `check resource`: where a regression appeared',
    type: [String],
    example: ['waf-attached a1b2c3d4e5:prod'],
  })
  newFails!: string[];
}

export class SecurityHistoryDto {
  @ApiProperty({ description: 'Audits kept, newest first', type: [SecurityRunDto] })
  items!: SecurityRunDto[];

  static from(runs: AuditRunSummary[]): SecurityHistoryDto {
    return {
      items: runs.map((run) => ({
        checkedAt: run.checkedAt.toISOString(),
        driver: run.driver,
        summary: { pass: run.pass, warn: run.warn, fail: run.fail },
        newFails: run.newFails,
      })),
    };
  }
}
