export * from './database-connection';
export * from './database.factory';
export * from './database.health';
export * from './db';
export * from './db.module';
export * from './lean-reads';
export * from './recent-rows';
export * from './prisma.service';
export * from './transactions';
export { Prisma } from './generated/client';
export type {
  ApiDocument as ApiDocumentRow,
  ApiKey as ApiKeyRow,
  Developer as DeveloperRow,
  GatewayJobRun as GatewayJobRunRow,
  Tier as TierRow,
} from './generated/client';
export * from './generated/enums';
