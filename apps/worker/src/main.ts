import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@keyport/config';
import { WorkerAppModule } from './worker-app.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config));
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
