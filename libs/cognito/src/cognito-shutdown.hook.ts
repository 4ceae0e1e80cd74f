import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { OpenedCognitoConnection } from './cognito-connection';

/** Injection token of the OpenedCognitoConnection (the connection plus the embedded server). */
export const OPENED_COGNITO_CONNECTION = Symbol('OPENED_COGNITO_CONNECTION');

/** Stops the embedded cognito-local and the SDK client when the application shuts down. */
@Injectable()
export class CognitoShutdownHook implements OnApplicationShutdown {
  constructor(
    @Inject(OPENED_COGNITO_CONNECTION) private readonly opened: OpenedCognitoConnection,
    @Inject(CognitoIdentityProviderClient) private readonly client: CognitoIdentityProviderClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.client.destroy();
    await this.opened.close();
  }
}
