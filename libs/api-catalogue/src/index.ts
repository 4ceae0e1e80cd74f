// The api-catalogue lib's front: its service and types. Its repository and the AWS export reader stay inside.
export * from './api-document';
export * from './api-catalogue.module';
export * from './api-catalogue.service';
export { ECHO_DEMO_SLUG } from './echo-demo.document';
