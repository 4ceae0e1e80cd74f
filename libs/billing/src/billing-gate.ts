import { Injectable } from '@nestjs/common';
import { AppConfig, type BillingSettings } from '@keyport/config';
import { DomainError, ErrorKind } from '@keyport/common';

/** Whether billing is on; billing routes do not exist (404) while it is off. */
@Injectable()
export class BillingGate {
  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.billing !== null;
  }

  require(): BillingSettings {
    if (!this.config.billing) throw new DomainError(ErrorKind.NotFound, 'Billing is not enabled', { code: 'BILLING_DISABLED' });
    return this.config.billing;
  }
}
