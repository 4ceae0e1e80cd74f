/** The five layers of API Gateway security, plus the two that make them observable and enforceable. */
export const LAYERS = ['authentication', 'authorization', 'encryption', 'rate-limiting', 'network-isolation', 'waf', 'logging'] as const;
export type Layer = (typeof LAYERS)[number];

export const STATUSES = ['pass', 'warn', 'fail'] as const;
export type FindingStatus = (typeof STATUSES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One check's verdict on one resource; `check` ids are a contract outside tools key on. */
export interface Finding {
  layer: Layer;
  check: string;
  status: FindingStatus;
  severity: Severity;
  /** What was checked: `restApiId:stage`, `restApiId GET /path`, `domain api.example.com`, `embedded-gateway`. */
  resource: string;
  message: string;
  /** What to change; empty on a pass. */
  fix: string;
}

export interface FindingSummary {
  pass: number;
  warn: number;
  fail: number;
}

export interface SecurityReport {
  checkedAt: string;
  driver: 'local' | 'aws';
  summary: FindingSummary;
  findings: Finding[];
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  const summary: FindingSummary = { pass: 0, warn: 0, fail: 0 };
  for (const finding of findings) summary[finding.status] += 1;
  return summary;
}
