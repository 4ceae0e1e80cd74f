// Runs `prisma generate` so that it also works offline.
// The Prisma CLI tries to download its schema engine on every start; `generate` never runs it,
// so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file (for this child only) skips the
// download. Online it changes nothing. Never export that variable globally: `migrate` would run it.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = __filename;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const cli = path.join(__dirname, '..', 'node_modules', 'prisma', 'build', 'index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
