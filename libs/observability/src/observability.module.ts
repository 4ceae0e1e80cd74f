import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { LogFlusher } from './log-flusher';
import { createRootLogger } from './logger.factory';
import { Metrics } from './metrics';
import { OutboxMetricsCollector } from './outbox-metrics.collector';
import { PinoNestLogger } from './pino-nest.logger';
import { RootLogger } from './root-logger';

/** Logs and metrics for the API and the worker: one pino logger, one metrics registry per app. */
@Global()
@Module({
  providers: [
    {
      provide: RootLogger,
      inject: [AppConfig],
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- RootLogger is an abstract class only to serve as the injection token
      useFactory: (config: AppConfig): RootLogger => ({ pino: createRootLogger(config) }),
    },
    {
      provide: PinoNestLogger,
      inject: [RootLogger],
      useFactory: (root: RootLogger) => new PinoNestLogger(root.pino),
    },
    Metrics,
    OutboxMetricsCollector,
    LogFlusher,
  ],
  exports: [RootLogger, PinoNestLogger, Metrics],
})
export class ObservabilityModule {}
