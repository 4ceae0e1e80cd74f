import { type Logger } from 'pino';

/** Injection token for the process's pino logger (see createRootLogger). */
export abstract class RootLogger {
  abstract readonly pino: Logger;
}
