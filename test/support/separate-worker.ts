import { type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { FakeApiGateway, type FakeApiGatewayOptions } from '../fakes/api-gateway/fake-api-gateway';
import { postgresAnswersNow } from './answers-now';
import { awsEnv, useFakeAwsCredentials } from './aws-keyport';
import { CompiledWorker } from './compiled-worker';
import { KeyportHarness, type ProviderOverride } from './keyport-harness';

/** A worker in its own process shares the database with the API: that takes PostgreSQL. */
export const SEPARATE_WORKER_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const separateWorkerCannotRun = (): boolean => !postgresAnswersNow(SEPARATE_WORKER_POSTGRES_URL);

/**
 * The API on the aws driver (against a fake API Gateway) with no worker inside it, on PostgreSQL, and
 * the worker compiled to run in processes of its own beside it, as the aws driver's usual layout.
 */
export class ApiWithSeparateWorker {
  private readonly children: ChildProcess[] = [];

  private constructor(
    readonly fake: FakeApiGateway,
    readonly harness: KeyportHarness,
    readonly worker: CompiledWorker,
  ) {}

  static async start(options: { fake?: FakeApiGatewayOptions; overrides?: ProviderOverride[] } = {}): Promise<ApiWithSeparateWorker> {
    useFakeAwsCredentials();
    process.env.TEST_DATABASE_URL = SEPARATE_WORKER_POSTGRES_URL;
    const fake = await new FakeApiGateway({ ...options.fake, quotas: { planUpdateWindowMs: 1_000, ...options.fake?.quotas } }).start();
    const [harness, worker] = await Promise.all([
      KeyportHarness.start({ env: awsEnv(fake, { RUN_WORKER_IN_PROCESS: 'false' }), overrides: options.overrides }),
      CompiledWorker.build(),
    ]);
    return new ApiWithSeparateWorker(fake, harness, worker);
  }

  /** The worker's environment: the API's database, data folder and gateway, with `extra` (schedules) on top. */
  workerEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...awsEnv(this.fake, { RUN_WORKER_IN_PROCESS: 'false', ...extra }),
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: this.harness.config.database.url!,
      DATA_DIR: this.harness.dataDir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
  }

  /** Starts a worker process (killed at `close()` if still running). */
  startWorker(extraEnv: Record<string, string> = {}): ChildProcess {
    const child = this.worker.start('apps/worker/src/main.js', this.workerEnv(extraEnv));
    this.children.push(child);
    return child;
  }

  async close(): Promise<void> {
    for (const child of this.children) child.kill('SIGKILL');
    await this.harness.close();
    await this.fake.stop();
    await rm(this.worker.outDir, { recursive: true, force: true });
  }
}

/** Resolves once the child process has exited. */
export const exited = (child: ChildProcess): Promise<unknown> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
