import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@keyport/config';
import { PinoNestLogger, exitIfShutdownStalls } from '@keyport/observability';
import { WorkerAppModule } from './worker-app.module';

async function main(): Promise<void> {
  const config = loadConfig();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest declares its options as a class and reads them as a plain object
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks();
  exitIfShutdownStalls(config.http.shutdownTimeoutMs, (signal) =>
    process.stderr.write(`Worker shutdown after ${signal} took longer than ${config.http.shutdownTimeoutMs} ms; exiting\n`),
  );
  process.stdout.write('Keyport worker started\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
