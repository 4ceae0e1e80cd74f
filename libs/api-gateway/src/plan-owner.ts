/** Which Keyport object a gateway usage plan belongs to: a tier, or one developer with their own quota. */
export const planOwner = {
  tier: (slug: string): string => `tier:${slug}`,
  developer: (id: string): string => `developer:${id}`,
  /** Whether an owner string (as `planOwner.developer` makes them) names a developer's own plan. */
  isDeveloper: (owner: string): boolean => owner.startsWith('developer:'),
};

export const planName = {
  tier: (slug: string): string => `keyport-${slug}`,
  developer: (id: string): string => `keyport-dev-${id}`,
};

/** Gateway name of a Keyport key, unique, so a retried create finds the key it already made. */
export const gatewayKeyName = (keyId: string): string => `keyport-${keyId}`;

/** The tags Keyport puts on what it creates at the gateway, so the reconciler and the embedded gateway find its ids. */
export const GATEWAY_TAG = {
  key: 'keyport:key',
  developer: 'keyport:developer',
  lineage: 'keyport:lineage',
  /** On an application's managed key: the application it meters. */
  application: 'keyport:application',
  tier: 'keyport:tier',
  /** On a key with an expiry: the instant (ISO 8601) from which the gateway must refuse it. */
  expires: 'keyport:expires',
} as const;
