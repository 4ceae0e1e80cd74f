// The developers lib's front: services and types. Its repositories stay inside.
export * from './admin-bootstrap';
export * from './auth.service';
export * from './developer';
export * from './developer-accounts.module';
export * from './developer-approval.service';
export * from './developer-accounts.service';
export * from './developer-deletion.service';
export * from './developer-messages';
export * from './developer-page';
export * from './developer-quota.service';
export * from './developer-suspension.service';
export * from './developers.module';
export * from './developers.service';
export * from './invitation';
export * from './invitations.service';
export * from './tier-changer';
export * from './sign-in-attempts.port';
