export * from './admin-tiers.service';
export * from './admin.module';
export * from './developer-detail';
export * from './developer-directory.service';
export * from './developer-page';
export * from './developer-quota.service';
export * from './developer-suspension.service';
export * from './developer-tier.service';
