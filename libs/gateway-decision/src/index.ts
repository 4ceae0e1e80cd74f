export * from './gateway-decision';
export * from './bearer-token';
