import { logsConfirmationCodes } from '@keyport/cognito';
import { loadConfig } from '@keyport/config';
import { EmbeddedGatewayServer } from '@keyport/embedded-gateway';
import { exitIfShutdownStalls, RootLogger, writeForPeople } from '@keyport/observability';
import { createApp } from './app.factory';
import { confirmationCodesPlace, showsStartLine, startLine } from './startup/start-line';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  exitIfShutdownStalls(config.http.shutdownTimeoutMs, (signal) =>
    process.stderr.write(`Shutdown after ${signal} took longer than ${config.http.shutdownTimeoutMs} ms; exiting\n`),
  );
  await app.listen(config.port, config.host);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-boolean-literal-compare -- isTTY is undefined, not false, when stdout is not a terminal
  if (!showsStartLine(config, process.stdout.isTTY === true)) return;
  const address = app.getHttpServer().address();
  const apiPort = address !== null && typeof address === 'object' ? address.port : config.port;
  const gatewayPort = config.gatewayDriver === 'local' ? Number(new URL(app.get(EmbeddedGatewayServer).url).port) : undefined;
  const confirmationCodes = confirmationCodesPlace(config, logsConfirmationCodes(config));
  writeForPeople(app.get(RootLogger).pino, config, `\n${startLine({ host: config.host, apiPort, gatewayPort, confirmationCodes })}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
