/** A developer's service holding client credentials (a Cognito app client), as Keyport shows it. */
export interface Application {
  id: string;
  developerId: string;
  name: string;
  kind: 'APPLICATION' | 'SERVICE_ACCOUNT';
  clientId: string;
  /** Full scope names, `<resource server>/<scope>`. */
  scopes: string[];
  /** The secret rotation replaced, accepted until then; null when there is none. */
  retiringSecretEndsAt: Date | null;
  createdAt: Date;
}

/** A new application, or one whose secret was just rotated: the secret is shown this once. */
export interface IssuedApplication {
  application: Application;
  clientSecret: string;
}

/** Who a client_credentials token stands for, as the gateway and the admin routes need it. */
export interface ApplicationCaller {
  applicationId: string;
  developerId: string;
  kind: Application['kind'];
  name: string;
}
