import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { RootLogger } from './root-logger';

/** Writes out buffered log lines before the process exits. */
@Injectable()
export class LogFlusher implements OnApplicationShutdown {
  constructor(private readonly root: RootLogger) {}

  onApplicationShutdown(): void {
    this.root.pino.flush();
  }
}
