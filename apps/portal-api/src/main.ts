import { loadConfig } from '@keyport/config';
import { exitIfShutdownStalls } from '@keyport/observability';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  exitIfShutdownStalls(config.http.shutdownTimeoutMs, (signal) =>
    process.stderr.write(`Shutdown after ${signal} took longer than ${config.http.shutdownTimeoutMs} ms; exiting\n`),
  );
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = address !== null && typeof address === 'object' ? address.port : config.port;
  process.stdout.write(`Keyport API on http://localhost:${port} (docs at /docs)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
