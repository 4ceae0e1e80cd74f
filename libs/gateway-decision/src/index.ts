export * from './gateway-decision';
