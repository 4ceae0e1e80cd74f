import { type KeyGatewayState } from '@keyport/keys';

/** A Keyport key as the reconciler compares it with the gateway: from the keys lib, with whether its developer is active (from the developers lib). */
export interface ReconciledKey extends KeyGatewayState {
  developerActive: boolean;
}
