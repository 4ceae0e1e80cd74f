export type FindingKind = 'plan-missing' | 'plan-settings' | 'stray-key' | 'duplicate-key' | 'missing-key' | 'wrong-plan' | 'wrong-enabled';

export interface ReconcileFinding {
  kind: FindingKind;
  /** What was found, in words an operator reads. */
  detail: string;
  /** What was done about it (or would be, on a dry run). */
  action: string;
  keyId?: string;
  gatewayKeyId?: string;
}

export interface ReconcileReport {
  dryRun: boolean;
  checked: { plans: number; gatewayKeys: number; keyportKeys: number };
  findings: ReconcileFinding[];
  /** Findings repaired in this run (0 on a dry run). */
  repaired: number;
}

export function formatReport(report: ReconcileReport): string {
  const lines = [
    `Checked ${report.checked.plans} plan(s), ${report.checked.gatewayKeys} Keyport key(s) at the gateway, ${report.checked.keyportKeys} live key(s) in Keyport.`,
  ];
  if (report.findings.length === 0) lines.push('No drift found.');
  for (const finding of report.findings) lines.push(`- ${finding.kind}: ${finding.detail} -> ${finding.action}`);
  lines.push(
    report.dryRun ? `Dry run: nothing changed (${report.findings.length} finding(s)).` : `Repaired ${report.repaired} of ${report.findings.length} finding(s).`,
  );
  return lines.join('\n');
}
