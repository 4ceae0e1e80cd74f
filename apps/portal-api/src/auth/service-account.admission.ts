import { Injectable } from '@nestjs/common';
import { ApplicationsService } from '@keyport/applications';
import { RequestContext, forbidden } from '@keyport/common';
import { tokenInvalid } from '@keyport/cognito';

export const ADMIN_READ_SCOPE = 'keyport/admin.read';
export const ADMIN_WRITE_SCOPE = 'keyport/admin.write';
const READS = new Set(['GET', 'HEAD']);

/**
 * Decides for a client_credentials token on the portal API: only a live service account passes,
 * only on admin routes, and only with `keyport/admin.read` for reads or `keyport/admin.write` for
 * changes. Its actions are audited under the service account's name.
 */
@Injectable()
export class ServiceAccountAdmission {
  constructor(private readonly applications: ApplicationsService) {}

  async admit(client: { clientId: string; scopes: string[] }, method: string, adminRoute: boolean): Promise<true> {
    const caller = await this.applications.callerFor(client.clientId);
    // A deleted application's token, or one of a client Keyport never made: not a token it accepts.
    if (!caller) throw tokenInvalid();
    if (caller.kind !== 'SERVICE_ACCOUNT' || !adminRoute) {
      throw forbidden("An application's token is for the gateway; only a service account's, on /v1/admin routes, is accepted here", 'CLIENT_TOKEN_NOT_ALLOWED');
    }
    const needed = READS.has(method.toUpperCase()) ? ADMIN_READ_SCOPE : ADMIN_WRITE_SCOPE;
    if (!client.scopes.includes(needed)) throw forbidden(`This route needs the scope ${needed}`, 'SCOPE_MISSING');
    RequestContext.setActor({ type: 'service_account', id: caller.name });
    return true;
  }
}
