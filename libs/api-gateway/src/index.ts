export * from './gateway-driver.port';
export * from './gateway.module';
export * from './local/gateway-change-feed';
export * from './local/local-gateway.driver';
export * from './plan-bindings.repository';
export * from './plan-owner';
