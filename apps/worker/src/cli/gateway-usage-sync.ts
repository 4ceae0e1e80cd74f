// `npm run gateway:usage-sync [-- --days N]`: ingests AWS usage for the last days now.
import { UsageIngestionService } from '@keyport/gateway-sync';
import { runCli } from './run-cli';

runCli(async (app, args) => {
  const at = args.indexOf('--days');
  const days = at >= 0 ? Number(args[at + 1]) : undefined;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 90)) {
    process.stderr.write('--days must be a whole number from 1 to 90\n');
    return 2;
  }
  const result = await app.get(UsageIngestionService).run({ by: 'command' }, days);
  process.stdout.write(`Usage ${result.from}..${result.to}: ${result.rows} key-day(s) from ${result.plans} plan(s); ${result.unknownKeys} unknown key(s)\n`);
  return 0;
});
