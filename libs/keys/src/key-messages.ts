import { OutboxMessage, type MessagePayload, optional } from '@keyport/outbox';

/** The outbox messages that bring the gateway in line with Keyport's keys (handled by gateway-sync). */
export const KeyOutboxType = {
  /** Create the key at the gateway with its value, sealed (erased once applied), and place it in its plan. */
  Provision: OutboxMessage.define('key.provision', { keyId: 'string', sealedValue: optional('string') }),
  /** Make the gateway's key match Keyport: plan membership and enabled state. `reason` is for the log. */
  Sync: OutboxMessage.define('key.sync', { keyId: 'string', reason: optional('string') }),
  /** Delete the key at the gateway; an `expired` key is disabled first. */
  Revoke: OutboxMessage.define('key.revoke', { keyId: 'string', expired: optional('boolean') }),
} as const;

export type KeyProvisionMessage = MessagePayload<typeof KeyOutboxType.Provision>;
export type KeySyncMessage = MessagePayload<typeof KeyOutboxType.Sync>;
export type KeyRevokeMessage = MessagePayload<typeof KeyOutboxType.Revoke>;

export const keyAggregate = (keyId: string): string => `key:${keyId}`;
