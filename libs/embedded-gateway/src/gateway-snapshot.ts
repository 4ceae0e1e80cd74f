import { type LocalGatewayKey } from '@keyport/api-gateway';
import { type KeyUsage } from './key-usage';
import { type TokenBucket } from './token-bucket';

/** A key as the api-gateway lib's local driver holds it (read by its LocalGatewaySnapshotReader). */
export type GatewayKeyRow = LocalGatewayKey;

/** A key ready for the request path: its row plus its throttle bucket and usage counter. */
export interface GatewayKeyEntry extends GatewayKeyRow {
  bucket: TokenBucket;
  usage: KeyUsage;
}
