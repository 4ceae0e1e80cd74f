import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/** Credentials the emulator accepts (it checks none); never used against AWS. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
/** The header carrying the embedded Cognito's per-start secret (see local/embedded-cognito.handler.ts). */
export const EMBEDDED_SECRET_HEADER = 'x-keyport-embedded-secret';

export interface CognitoClientOptions {
  region: string;
  /** Cognito endpoint override (cognito-local, a VPC endpoint, ...). */
  endpoint?: string;
  /** Talking to cognito-local: dummy static credentials instead of the AWS credential chain. */
  local: boolean;
  /** The embedded Cognito's secret, sent with every call (it serves no one else). */
  embeddedSecret?: string;
}

/** The real SDK client, configured for AWS or for a cognito-local endpoint. */
export function createCognitoClient(options: CognitoClientOptions): CognitoIdentityProviderClient {
  const client = new CognitoIdentityProviderClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.local ? { credentials: LOCAL_CREDENTIALS, maxAttempts: 2 } : {}),
    // A pool that does not answer must fail fast enough for a readiness probe.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
  });
  const secret = options.embeddedSecret;
  if (secret) {
    // Public operations (SignUp, InitiateAuth) are not signed, so the secret travels as a header of its own.
    client.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as { headers?: Record<string, string> };
        if (request.headers) request.headers[EMBEDDED_SECRET_HEADER] = secret;
        return next(args);
      },
      { step: 'build', name: 'keyportEmbeddedSecret' },
    );
  }
  return client;
}
