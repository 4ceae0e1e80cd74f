export * from './api-key';
export * from './api-key-codec';
export * from './key-capacity';
export * from './key-events';
export * from './key-sealer';
export * from './keys.module';
export * from './keys.repository';
export * from './keys.service';
