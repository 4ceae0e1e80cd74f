export { WorkerAppModule } from '../../worker/src/worker-app.module';
