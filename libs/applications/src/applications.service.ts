import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@keyport/audit';
import { Clock, DomainError, ErrorKind, RandomSource, conflict, notFound } from '@keyport/common';
import { AppConfig } from '@keyport/config';
import { Transactions } from '@keyport/db';
import { ManagedKeysService } from '@keyport/keys';
import { type Application, type ApplicationCaller, type IssuedApplication } from './application';
import { AppClients } from './app-clients.port';
import { ApplicationsRepository } from './applications.repository';

export const MAX_SECRET_GRACE_SECONDS = 7 * 24 * 3600;
/** The resource server of Keyport's own API, whose scopes service accounts get. */
export const KEYPORT_RESOURCE_SERVER = 'keyport';
export const ADMIN_SCOPES = [`${KEYPORT_RESOURCE_SERVER}/admin.read`, `${KEYPORT_RESOURCE_SERVER}/admin.write`];
export const DEFAULT_SECRET_GRACE_SECONDS = 24 * 3600;

type Kind = Application['kind'];

/**
 * Applications: Cognito app clients with the client_credentials grant, owned by a developer (or,
 * as service accounts, by an admin). Cognito generates the secret and keeps it; Keyport shows it
 * once and keeps the client id, the scopes and the rotation state. Cognito is called before the
 * row is written (the secret has to be answered), and a failed write deletes the client again.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly clients: AppClients,
    private readonly audit: AuditLog,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly random: RandomSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly managedKeys: ManagedKeysService,
  ) {}

  get tokenEndpoint(): string {
    return this.clients.tokenEndpoint;
  }

  /** The full scope names an application may be given (`<resource server>/<scope>`). */
  get apiScopes(): string[] {
    const { resourceServer, scopes } = this.config.applications;
    return scopes.map((scope) => `${resourceServer}/${scope}`);
  }

  /** Creates or updates the resource servers of the API's scopes and of Keyport's admin scopes (gateway:bootstrap, embedded start). */
  async ensureResourceServer(): Promise<void> {
    await this.clients.ensureResourceServer(this.config.applications.resourceServer, this.config.applications.scopes);
    await this.clients.ensureResourceServer(
      KEYPORT_RESOURCE_SERVER,
      ADMIN_SCOPES.map((scope) => scope.slice(KEYPORT_RESOURCE_SERVER.length + 1)),
    );
  }

  /** A service account for Keyport's own admin routes, with `keyport/admin.read` and/or `keyport/admin.write`. */
  createServiceAccount(adminId: string, name: string, scopes: readonly string[]): Promise<IssuedApplication> {
    return this.create(adminId, name, scopes, 'SERVICE_ACCOUNT', ADMIN_SCOPES);
  }

  /** Every live service account, whichever admin created it, oldest first. */
  listServiceAccounts(): Promise<Application[]> {
    return this.applications.listKind('SERVICE_ACCOUNT');
  }

  /** Deletes a service account by id, whichever admin created it: its tokens are refused at once. */
  async deleteServiceAccount(id: string): Promise<void> {
    const found = (await this.listServiceAccounts()).find((account) => account.id === id);
    if (!found) throw notFound('Service account');
    await this.delete(found.developerId, id, 'SERVICE_ACCOUNT');
  }

  /** `scopes` are names of API_SCOPES (`read`) or full names (`keyport-api/read`); absent: all of them. */
  create(
    developerId: string,
    name: string,
    scopes: readonly string[] | undefined,
    kind: Kind = 'APPLICATION',
    allowed = this.apiScopes,
  ): Promise<IssuedApplication> {
    const granted = this.resolveScopes(scopes, allowed);
    return this.transactions.run(async () => {
      await this.applications.lockOwner(developerId);
      if (kind === 'APPLICATION' && (await this.applications.countLive(developerId)) >= this.config.applications.maxPerDeveloper) {
        throw conflict(
          `Application limit reached: at most ${this.config.applications.maxPerDeveloper} applications per developer`,
          'APPLICATION_LIMIT_REACHED',
        );
      }
      // The portal's own app client counts against Cognito's quota too.
      if ((await this.applications.countLive()) + 1 >= this.config.applications.appClientQuota) {
        throw conflict(
          `The user pool holds all the app clients it may (COGNITO_APP_CLIENT_QUOTA=${this.config.applications.appClientQuota}): ask the operator`,
          'APP_CLIENT_QUOTA_REACHED',
        );
      }
      const created = await this.clients.create(name, granted);
      try {
        const application = await this.applications.insert({ id: this.random.uuid(), developerId, name, kind, clientId: created.clientId, scopes: granted });
        // Metered and throttled by it when GATEWAY_API_KEY_SOURCE=AUTHORIZER (made in every mode, so switching needs no backfill).
        if (kind === 'APPLICATION') await this.managedKeys.create(developerId, application.id, name);
        await this.audit.record({
          action: kind === 'APPLICATION' ? 'application.created' : 'service_account.created',
          targetType: 'application',
          targetId: application.id,
          after: { name, scopes: granted, clientId: created.clientId },
        });
        return { application, clientSecret: created.clientSecret };
      } catch (error) {
        await this.clients.delete(created.clientId).catch(() => undefined);
        throw error;
      }
    });
  }

  list(developerId: string, kind: Kind = 'APPLICATION'): Promise<Application[]> {
    return this.applications.listOwned(developerId, kind);
  }

  async get(developerId: string, id: string, kind: Kind = 'APPLICATION'): Promise<Application> {
    const found = await this.applications.findOwned(developerId, id, kind);
    if (!found) throw notFound('Application');
    const { retiringSecretId: _omitted, ...application } = found;
    return application;
  }

  /**
   * A new secret, shown once; the previous one keeps working for `graceSeconds` (0: not at all).
   * Cognito holds two secrets at most, so while the one rotation last replaced is in its grace,
   * rotating again is refused (409 SECRET_ROTATION_IN_GRACE), as for keys.
   */
  rotateSecret(developerId: string, id: string, graceSeconds = DEFAULT_SECRET_GRACE_SECONDS, kind: Kind = 'APPLICATION'): Promise<IssuedApplication> {
    return this.transactions.run(async () => {
      await this.applications.lockOwner(developerId);
      const found = await this.applications.findOwned(developerId, id, kind);
      if (!found) throw notFound('Application');
      const now = this.clock.now();
      if (found.retiringSecretId && found.retiringSecretEndsAt && found.retiringSecretEndsAt > now) {
        throw new DomainError(
          ErrorKind.Conflict,
          `The secret rotation replaced still works until ${found.retiringSecretEndsAt.toISOString()}: wait for its grace period to end, then rotate`,
          {
            code: 'SECRET_ROTATION_IN_GRACE',
            extra: { graceEndsAt: found.retiringSecretEndsAt.toISOString() },
          },
        );
      }
      if (found.retiringSecretId) await this.clients.deleteSecret(found.clientId, found.retiringSecretId);
      const previous = await this.clients.secretIds(found.clientId);
      const added = await this.clients.addSecret(found.clientId);
      const replaced = previous.filter((secretId) => secretId !== added.secretId);
      if (kind === 'APPLICATION') await this.managedKeys.rotate(developerId, found.id, replaced[0] ? graceSeconds : 0);
      // The grace runs from now that the new secret and key exist, not from when the rotation began.
      const graceEndsAt = new Date(this.clock.now().getTime() + graceSeconds * 1000);
      if (graceSeconds === 0) {
        for (const secretId of replaced) await this.clients.deleteSecret(found.clientId, secretId);
        await this.applications.setRetiringSecret(found.id, found.clientId, null, null);
      } else {
        await this.applications.setRetiringSecret(found.id, found.clientId, replaced[0] ?? null, replaced[0] ? graceEndsAt : null);
      }
      await this.audit.record({
        action: 'application.secret_rotated',
        targetType: 'application',
        targetId: found.id,
        after: { gracePeriodSeconds: graceSeconds },
      });
      const { retiringSecretId: _omitted, ...application } = found;
      return {
        application: { ...application, retiringSecretEndsAt: graceSeconds === 0 || !replaced[0] ? null : graceEndsAt },
        clientSecret: added.clientSecret,
      };
    });
  }

  /** Deletes the application: its tokens are refused at once (the gateway reads the row), then Cognito forgets the client. */
  async delete(developerId: string, id: string, kind: Kind = 'APPLICATION'): Promise<void> {
    const clientId = await this.transactions.run(async () => {
      const found = await this.applications.findOwned(developerId, id, kind);
      if (!found) throw notFound('Application');
      await this.applications.markDeleted(found.id, found.clientId, this.clock.now());
      if (kind === 'APPLICATION') await this.managedKeys.revoke(found.id);
      await this.audit.record({
        action: kind === 'APPLICATION' ? 'application.deleted' : 'service_account.deleted',
        targetType: 'application',
        targetId: found.id,
        before: { name: found.name, clientId: found.clientId },
      });
      return found.clientId;
    });
    await this.clients.delete(clientId);
  }

  /** Deletes the secrets whose grace period has ended; returns how many. Run on a schedule. */
  async retireExpiredSecrets(limit = 100): Promise<number> {
    const due = await this.applications.dueSecretRetirements(this.clock.now(), limit);
    for (const item of due) {
      await this.clients.deleteSecret(item.clientId, item.retiringSecretId);
      await this.applications.setRetiringSecret(item.id, item.clientId, null, null);
    }
    return due.length;
  }

  /** Who a client_credentials token's client id stands for; null for a deleted or unknown client. */
  callerFor(clientId: string): Promise<ApplicationCaller | null> {
    return this.applications.findCaller(clientId);
  }

  private resolveScopes(requested: readonly string[] | undefined, allowed: readonly string[]): string[] {
    if (requested === undefined) return this.apiScopes.filter((scope) => allowed.includes(scope));
    const prefix = allowed === ADMIN_SCOPES ? `${KEYPORT_RESOURCE_SERVER}/` : `${this.config.applications.resourceServer}/`;
    const full = [...new Set(requested.map((scope) => (scope.includes('/') ? scope : prefix + scope)))];
    const unknown = full.filter((scope) => !allowed.includes(scope));
    if (unknown.length > 0 || full.length === 0) {
      throw new DomainError(ErrorKind.ValidationFailed, `Unknown scopes: ${unknown.join(', ') || '(none given)'}; allowed: ${allowed.join(', ')}`, {
        code: 'VALIDATION_FAILED',
        details: [{ field: 'scopes', message: `each must be one of ${allowed.join(', ')}` }],
      });
    }
    return full;
  }
}
