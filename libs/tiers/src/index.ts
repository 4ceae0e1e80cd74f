export * from './tier';
export * from './tiers.module';
export * from './tiers.repository';
export * from './tiers.service';
