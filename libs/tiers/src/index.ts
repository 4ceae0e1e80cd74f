// The tiers lib's front: services and types. Its repository stays inside.
export * from './tier';
export * from './tier-messages';
export * from './tiers.module';
export * from './tiers.service';
