// `npm run build:web` (also run by postinstall): builds the portal (apps/portal-web) with Vite into
// apps/portal-web/dist, which the API serves at `/`, and writes a .br and a .gz beside each asset
// for @fastify/static to send precompressed. Skips the build when the sources, the lockfile and
// the output are unchanged since the last one (a hash kept in the output), so a repeated
// `npm ci` or start costs a few milliseconds. `--force` builds anyway.
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.join(__dirname, '..');
const app = path.join(root, 'apps', 'portal-web');
const out = path.join(app, 'dist');
const stamp = path.join(out, '.source-hash');
const INPUTS = ['index.html', 'vite.config.mts', 'tsconfig.json', 'public', 'src'];
const COMPRESSIBLE = /\.(js|css|svg|json|txt)$/;
// Component tests and their helpers are not part of the build.
const NOT_BUILT = /(\.test\.tsx?$)|([\\/]testing[\\/])/;

function main() {
  // The Docker image installs dependencies before it copies the sources in.
  if (!fs.existsSync(path.join(app, 'index.html'))) return console.log('build:web: no apps/portal-web here; skipped');
  const hash = sourceHash();
  if (!process.argv.includes('--force') && readStamp() === hash) return console.log('build:web: the portal is up to date');
  const started = Date.now();
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // Always a production build, whoever runs it (vitest sets NODE_ENV=test, which gives React's development build).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(process.execPath, [vite, 'build', app, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  precompress(out);
  fs.writeFileSync(stamp, hash);
  console.log(`build:web: the portal is built in apps/portal-web/dist (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function sourceHash() {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => listFiles(path.join(app, input))).filter((file) => !NOT_BUILT.test(file));
  for (const file of [...files, path.join(root, 'package-lock.json')].sort()) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function listFiles(entry) {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs.readdirSync(entry).flatMap((name) => listFiles(path.join(entry, name)));
}

function readStamp() {
  // A stamp without the page means someone removed part of the output: build again.
  if (!fs.existsSync(path.join(out, 'index.html'))) return undefined;
  return fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : undefined;
}

function precompress(dir) {
  for (const file of listFiles(dir)) {
    if (!COMPRESSIBLE.test(file) || file.endsWith('index.html')) continue;
    const content = fs.readFileSync(file);
    const brotli = zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    const gzip = zlib.gzipSync(content, { level: 9 });
    // Only where it saves something; @fastify/static falls back to the plain file.
    if (brotli.length < content.length) fs.writeFileSync(`${file}.br`, brotli);
    if (gzip.length < content.length) fs.writeFileSync(`${file}.gz`, gzip);
  }
}

main();
