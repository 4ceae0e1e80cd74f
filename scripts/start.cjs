// `npm start`: runs the built API with the quiet defaults a laptop wants.
// The SDK notices below concern cognito-local's bundled aws-sdk v2 and Node 20; they are not actionable.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require('../dist/apps/portal-api/src/main.js');
