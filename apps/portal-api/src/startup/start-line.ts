import { type AppConfig } from '@keyport/config';

/** Levels at which an info line is written (pino's names). */
const INFO_OR_MORE_VERBOSE = new Set(['info', 'debug', 'trace']);

export interface StartFacts {
  /** The interface the API and the embedded gateway listen on (HOST). */
  host: string;
  apiPort: number;
  /** The embedded gateway's port; undefined with the AWS driver. */
  gatewayPort?: number;
  /** Where sign-up confirmation codes show up when no e-mail is sent; undefined when they are e-mailed or not shown. */
  confirmationCodes?: string;
}

/**
 * The one line a person reads at start, besides the JSON log: where the API, its docs and the
 * embedded gateway answer, and (embedded Cognito) where to find the confirmation codes.
 */
export function startLine(facts: StartFacts): string {
  const origin = (port: number): string => `http://${displayHost(facts.host)}:${port}`;
  const parts = [`Keyport API on ${origin(facts.apiPort)}`, `docs ${origin(facts.apiPort)}/docs`];
  if (facts.gatewayPort !== undefined) parts.push(`gateway ${origin(facts.gatewayPort)}`);
  if (facts.confirmationCodes) parts.push(`sign-up confirmation codes: ${facts.confirmationCodes}`);
  return parts.join(' · ');
}

/** Where the embedded pool's confirmation codes can be read, if they are shown anywhere. */
export function confirmationCodesPlace(config: AppConfig, logsCodes: boolean): string | undefined {
  if (config.cognito.mode !== 'local') return undefined; // a real pool e-mails them
  if (!logsCodes || !INFO_OR_MORE_VERBOSE.has(config.logLevel)) {
    return 'not shown (embedded Cognito sends no e-mail); an admin confirms sign-ups with POST /v1/admin/developers/{id}/confirm';
  }
  const log = config.observability.logFile ?? 'this log';
  return `printed in ${log} as "Code for <e-mail> ..." (embedded Cognito sends no e-mail)`;
}

/** The line is written on a terminal, or whenever info lines are logged. */
export function showsStartLine(config: AppConfig, stdoutIsTty: boolean): boolean {
  return stdoutIsTty || INFO_OR_MORE_VERBOSE.has(config.logLevel);
}

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
