/** Outbox item types that bring the gateway in line with Keyport's keys. */
export const KeyOutboxType = {
  /** Create the key at the gateway (payload carries the sealed value) and place it in its plan. */
  Provision: 'key.provision',
  /** Make the gateway's key match Keyport: plan membership and enabled state. */
  Sync: 'key.sync',
  Revoke: 'key.revoke',
} as const;

export const keyAggregate = (keyId: string): string => `key:${keyId}`;
