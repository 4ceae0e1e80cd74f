export * from './admin-bootstrap';
export * from './auth.service';
export * from './developer';
export * from './developers.module';
export * from './developers.repository';
export * from './developers.service';
export * from './tier-changer';
export * from './sign-in-attempts.port';
