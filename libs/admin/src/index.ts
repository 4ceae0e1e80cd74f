export * from './admin-tiers.service';
export * from './admin.module';
export * from './developer-detail';
export * from './developer-directory.service';
export * from './developer-role.service';
export * from './developer-tier.service';
