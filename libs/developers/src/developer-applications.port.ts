/**
 * A developer's applications (Cognito app clients), as the end of their account needs them.
 * libs/applications provides it: that lib depends on this one, so this one asks through a port.
 */
export abstract class DeveloperApplications {
  /** In the caller's transaction: every live application of the developer deleted, its managed key revoked. */
  abstract deleteAllInside(developerId: string): Promise<void>;
  /** After the commit: the user pool forgets every app client the developer's applications had (one already gone is no error). */
  abstract forgetClientsOf(developerId: string): Promise<void>;
}
