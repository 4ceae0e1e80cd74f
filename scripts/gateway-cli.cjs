// Runs one built gateway command (`npm run gateway:*`) with the quiet defaults a terminal wants.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const command = process.argv[2];
if (!['gateway-bootstrap', 'gateway-reconcile', 'gateway-usage-sync', 'gateway-audit'].includes(command)) {
  process.stderr.write(`unknown gateway command ${command}\n`);
  process.exit(2);
}
process.argv.splice(2, 1);
require(`../dist/apps/worker/src/cli/${command}.js`);
