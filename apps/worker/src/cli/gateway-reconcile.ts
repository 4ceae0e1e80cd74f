// `npm run gateway:reconcile [-- --dry-run]`: compares AWS with Keyport, prints the drift, repairs it.
import { GatewayReconcilerService, formatReport } from '@keyport/gateway-sync';
import { hasFlag, runCli } from './run-cli';

runCli(async (app, args) => {
  const report = await app.get(GatewayReconcilerService).run({ dryRun: hasFlag(args, '--dry-run'), trigger: { by: 'command' } });
  process.stdout.write(`${formatReport(report)}\n`);
  return report.repaired < report.findings.length && !report.dryRun ? 2 : 0;
});
