// `npm start`: builds dist/ if the sources changed since the last build (a few seconds with SWC;
// nothing otherwise), then runs the API with the quiet defaults a laptop wants.
// The SDK notices below concern cognito-local's bundled aws-sdk v2 and Node 20; they are not actionable.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { ensureBuilt } = require('./build.cjs');

try {
  ensureBuilt();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
require('../dist/apps/portal-api/src/main.js');
