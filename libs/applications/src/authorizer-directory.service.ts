import { Injectable } from '@nestjs/common';
import { DeveloperAccountsService, type DeveloperStatus } from '@keyport/developers';
import { ManagedKeysService } from '@keyport/keys';
import { ApplicationsRepository } from './applications.repository';

/** What the Lambda authorizer learns about a caller from Keyport's internal route. */
export interface AuthorizerPrincipal {
  developerId: string;
  developerStatus: DeveloperStatus;
  /** Present when the caller is an application (a client_credentials token). */
  application: { applicationId: string; kind: 'APPLICATION' | 'SERVICE_ACCOUNT' } | null;
  /**
   * The value for API Gateway's `usageIdentifierKey`: an application's managed key. Null for a
   * person (Keyport keeps only hashes of developers' own keys) and while the managed key is not yet made.
   */
  apiKey: string | null;
}

/**
 * The internal route's answers for the Lambda authorizer (apps/authorizer), read fresh from the
 * database (no row cache: the authorizer caches for AUTHORIZER_CACHE_TTL_SECONDS itself).
 */
@Injectable()
export class AuthorizerDirectory {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly developers: DeveloperAccountsService,
    private readonly managedKeys: ManagedKeysService,
  ) {}

  /** The live application behind a client id, its developer's status and its managed key; null when unknown or deleted. */
  async byClientId(clientId: string): Promise<AuthorizerPrincipal | null> {
    const caller = await this.applications.findCaller(clientId);
    if (!caller) return null;
    const developer = await this.developers.find(caller.developerId);
    if (!developer) return null;
    const key = caller.kind === 'APPLICATION' ? await this.managedKeys.current(caller.applicationId) : null;
    return {
      developerId: developer.id,
      developerStatus: developer.status,
      application: { applicationId: caller.applicationId, kind: caller.kind },
      apiKey: key?.value ?? null,
    };
  }

  /** A person's developer and status; null when they never became a developer. */
  async byDeveloperId(developerId: string): Promise<AuthorizerPrincipal | null> {
    const developer = await this.developers.find(developerId);
    if (!developer) return null;
    return { developerId: developer.id, developerStatus: developer.status, application: null, apiKey: null };
  }
}
