export { AppModule } from '../../../apps/portal-api/src/app.module';
