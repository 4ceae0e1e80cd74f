import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@keyport/config';
import { CliAppModule } from './cli-app.module';

/** Runs one command in a Nest application context and exits with its status; errors print without a stack. */
export function runCli(command: (app: INestApplicationContext, args: string[]) => Promise<number>): void {
  const main = async (): Promise<number> => {
    const config = loadConfig();
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest declares its options as a class and reads them as a plain object
    const app = await NestFactory.createApplicationContext(CliAppModule.forRoot(config), {
      logger: config.logLevel === 'silent' ? false : ['warn', 'error', 'fatal'],
    });
    try {
      return await command(app, process.argv.slice(2));
    } finally {
      await app.close();
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

/** A flag given to the command, or to `npm run` (which keeps flags such as --dry-run for itself). */
export function hasFlag(args: string[], flag: string): boolean {
  const npmConfig = `npm_config_${flag.replace(/^--/, '').replace(/-/g, '_')}`;
  // A CLI entry point, like scripts/: npm hands the flags it kept to the command in its environment.
  // eslint-disable-next-line no-restricted-properties
  return args.includes(flag) || process.env[npmConfig] === 'true';
}
