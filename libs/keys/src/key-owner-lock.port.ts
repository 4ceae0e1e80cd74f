/** What key creation needs to know about the developer it holds the row lock on. */
export interface KeyOwnerStanding {
  suspended: boolean;
}

/**
 * The developer's row lock that key creation and rotation take, so concurrent creations cannot
 * both pass the key limit. The developers lib owns that row and provides this port: it depends on
 * this lib, so this lib asks through the port.
 */
export abstract class KeyOwnerLock {
  /** In the caller's transaction: locks the developer's row until it ends; null when there is no such developer. */
  abstract lockInside(developerId: string): Promise<KeyOwnerStanding | null>;
}
