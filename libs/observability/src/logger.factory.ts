import pino, { type Logger } from 'pino';
import { RequestContext } from '@keyport/common';
import { type AppConfig } from '@keyport/config';
import { REDACTED, SECRET_FIELD_NAMES, scrubSecrets, scrubValue } from './secret-scrubber';

/**
 * The process's one pino logger: JSON lines, the request id on every line written while a request
 * is being served, secrets redacted by field name and by form. Writes to LOG_FILE or stdout.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel' | 'observability'>, base: Record<string, unknown> = {}): Logger {
  const destination = config.observability.logFile
    ? pino.destination({ dest: config.observability.logFile, sync: true, mkdir: true, append: true })
    : pino.destination({ dest: 1, sync: false });
  return pino(
    {
      level: config.logLevel,
      base: { pid: process.pid, ...base },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      // Top-level names only: they also cover a child logger's bindings, which `formatters.log`
      // does not see. Deeper fields are redacted by `scrubValue`, without pino's costly wildcards.
      redact: { paths: SECRET_FIELD_NAMES, censor: REDACTED },
      mixin: () => {
        const requestId = RequestContext.requestId();
        return requestId === undefined ? {} : { requestId };
      },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubValue(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

/**
 * Writes a line for a person to stdout, after the log lines already written: when the log goes to
 * stdout it travels through the logger's asynchronous stream, so the line takes the same way.
 */
export function writeForPeople(logger: Logger, config: Pick<AppConfig, 'observability'>, text: string): void {
  if (config.observability.logFile) {
    process.stdout.write(text);
    return;
  }
  (logger as unknown as Record<symbol, { write(text: string): void }>)[pino.symbols.streamSym].write(text);
}
