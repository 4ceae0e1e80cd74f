export * from './application';
export * from './app-clients.port';
export * from './applications.module';
export * from './applications.service';
export * from './authorizer-directory.service';
