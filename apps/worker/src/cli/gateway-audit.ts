// `npm run gateway:audit [-- --json]`: the security posture audit; exits 1 when any check fails (for a pipeline).
import { SecurityAuditService, type SecurityReport } from '@keyport/security-posture';
import { hasFlag, runCli } from './run-cli';

runCli(async (app, args) => {
  const report = await app.get(SecurityAuditService).report({ fresh: true });
  process.stdout.write(hasFlag(args, '--json') ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.summary.fail > 0 ? 1 : 0;
});

function formatReport(report: SecurityReport): string {
  const lines = [
    `Security audit (${report.driver} driver) at ${report.checkedAt}: ${report.summary.pass} pass, ${report.summary.warn} warn, ${report.summary.fail} fail`,
  ];
  const order = { fail: 0, warn: 1, pass: 2 } as const;
  for (const f of [...report.findings].sort((a, b) => order[a.status] - order[b.status])) {
    lines.push(`${f.status.toUpperCase().padEnd(4)} ${f.check} [${f.layer}, ${f.severity}] ${f.resource}: ${f.message}`);
    if (f.fix) lines.push(`     fix: ${f.fix}`);
  }
  return `${lines.join('\n')}\n`;
}
