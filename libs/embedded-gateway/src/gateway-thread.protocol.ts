import type { GatewayIpRuleSettings } from '@keyport/config';
import type { GatewayDecision } from '@keyport/gateway-decision';
import type { GatewayKeyRow } from './gateway-snapshot';

/**
 * What the API's main thread and the embedded gateway's thread say to each other. The thread holds
 * the request path (listener, admission state, counts, upstream); the main thread holds everything
 * with I/O behind it (the database, token verification, metrics, logs) and tells the thread of every
 * change. Plain data only: messages are structured clones.
 */

/** One key's requests on one UTC day not in the database yet (the usage lib's UsageIncrement). */
export interface UsageIncrement {
  keyId: string;
  developerId: string;
  day: string;
  requests: number;
}

/** A lineage's requests on one UTC day as the database holds them (the usage lib's LineageDayUsage). */
export interface LineageDayUsage {
  lineageId: string;
  day: string;
  requests: number;
}

/** Everything the thread needs from the configuration, read once by the main thread. */
export interface GatewayThreadSettings {
  port: number;
  host: string;
  /** null: the built-in echo answers. */
  upstreamUrl: string | null;
  forwardHeaders: readonly string[];
  trustProxy: boolean | number | string[];
  /** GATEWAY_AUTH=cognito. */
  identityOn: boolean;
  /** GATEWAY_API_KEY_SOURCE=AUTHORIZER. */
  keyFromIdentity: boolean;
  ipRule: GatewayIpRuleSettings | null;
  corsOrigins: readonly string[];
}

/** Main thread to gateway thread. Each is in force for every request the thread takes after it was posted. */
export type ToGatewayThread =
  | { type: 'keys'; rows: GatewayKeyRow[] }
  | { type: 'revoke'; keyId: string }
  /** An application or developer row changed: decisions made on the old rows are dropped. */
  | { type: 'callers-changed' }
  | { type: 'decided'; id: number; decision: GatewayDecision | null; cacheUntilMs: number }
  | { type: 'flushed'; increments: UsageIncrement[] }
  | { type: 'recounted'; rows: LineageDayUsage[] }
  | { type: 'cors'; origins: string[] }
  | { type: 'admission'; on: boolean; identity: boolean }
  /** Asks for the counts not in the database yet, and the metrics counted since the last ask. */
  | { type: 'collect'; id: number }
  | { type: 'listen' }
  | { type: 'close' };

/** Gateway thread to main thread. */
export type FromGatewayThread =
  | { type: 'listening'; port: number }
  | { type: 'listen-failed'; message: string }
  /** A token the thread has no recent decision for: the main thread verifies it and reads the rows. */
  | { type: 'decide'; id: number; authorization: string | undefined }
  | { type: 'collected'; id: number; increments: UsageIncrement[]; admissions: [string, number][]; ipRuleMatches: [string, number][] }
  | { type: 'warn'; context: string; message: string }
  | { type: 'closed' };
