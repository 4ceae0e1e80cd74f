/** An app client as created: its id and its first secret (shown once). */
export interface CreatedAppClient {
  clientId: string;
  clientSecret: string;
}

/** A client secret added by rotation. */
export interface AddedClientSecret {
  secretId: string;
  clientSecret: string;
}

/**
 * The user pool's app clients with the client_credentials grant, in Keyport's words. One adapter
 * speaks Cognito's API through the SDK; pointed at the embedded Cognito it serves the default too.
 */
export abstract class AppClients {
  /** Where clients exchange their id and secret for an access token. */
  abstract readonly tokenEndpoint: string;
  /** Creates the resource server, or updates its scopes; idempotent. */
  abstract ensureResourceServer(identifier: string, scopes: readonly string[]): Promise<void>;
  abstract create(name: string, scopes: readonly string[]): Promise<CreatedAppClient>;
  /** The ids of the client's secrets, oldest first. */
  abstract secretIds(clientId: string): Promise<string[]>;
  abstract addSecret(clientId: string): Promise<AddedClientSecret>;
  abstract deleteSecret(clientId: string, secretId: string): Promise<void>;
  /** Deletes the app client; one already gone is no error. */
  abstract delete(clientId: string): Promise<void>;
}
