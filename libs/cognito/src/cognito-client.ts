import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/** Credentials the emulator accepts (it checks none); never used against AWS. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface CognitoClientOptions {
  region: string;
  /** Cognito endpoint override (cognito-local, a VPC endpoint, ...). */
  endpoint?: string;
  /** Talking to cognito-local: dummy static credentials instead of the AWS credential chain. */
  local: boolean;
}

/** The real SDK client, configured for AWS or for a cognito-local endpoint. */
export function createCognitoClient(options: CognitoClientOptions): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.local ? { credentials: LOCAL_CREDENTIALS, maxAttempts: 2 } : {}),
    // A pool that does not answer must fail fast enough for a readiness probe.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
  });
}
