export * from './app-config';
export * from './aws-gateway-settings';
export * from './config-error';
export * from './config.module';
export * from './load-config';
export * from './load-billing-settings';
export * from './security-settings';
export * from './load-application-settings';
