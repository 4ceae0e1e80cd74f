// Builds dist/ with the Nest CLI's SWC builder: every file of apps/ and libs/ transpiled on its own,
// a few seconds even on a busy 2-core machine (tsc took over a minute there). No type-check here:
// `npm test` (and `npm run typecheck`) does that.
//
// `.swcrc` (merged into the CLI's SWC options) makes each compiled file require its packages lazily,
// on first use: the AWS SDKs, Stripe and pg then cost nothing on the embedded default, which never
// calls them, and `npm start` is ready sooner.
//
// `node scripts/build.cjs` builds only when the sources changed since the last build, so `npm start`
// and the other commands that run dist/ call it first at no cost; `--force` always builds
// (`npm run build`); `--at-install` (postinstall) builds once after `npm ci`, so that a first
// `npm start` has nothing to build, and never fails the install (`npm start` would build again and
// show the error). "Changed" means any file's path, size or modification time under the inputs
// below, so an edit, a checkout, a new or a deleted file all count; a fingerprint of them is kept in
// dist/.build-fingerprint. Two commands starting at once build once: the second waits on a lock.
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const FINGERPRINT_FILE = path.join(DIST, '.build-fingerprint');
const LOCK_DIR = path.join(ROOT, 'node_modules', '.cache', 'keyport-build.lock');
const LOCK_STALE_MS = 120_000;
const SOURCE_DIRS = ['apps', 'libs'];
// What else shapes the output: compiler settings, and the exact versions of the compiler.
const SOURCE_FILES = ['nest-cli.json', 'tsconfig.json', 'tsconfig.build.json', '.swcrc', 'package-lock.json'];

/** A hash of every input's path, size and modification time. */
function fingerprint() {
  const hash = createHash('sha256');
  const add = (file) => {
    let stat;
    try {
      stat = fs.statSync(path.join(ROOT, file));
    } catch {
      return;
    }
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = `${dir}/${entry.name}`;
      // The lint suite's probe files come and go while other suites build; they are never part of dist/.
      if (entry.name === 'zz-lint-probe') continue;
      if (entry.isDirectory()) walk(file);
      else if (!entry.name.endsWith('.spec.ts')) add(file);
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  for (const file of SOURCE_FILES) add(file);
  return hash.digest('hex');
}

function isCurrent(print) {
  try {
    return fs.readFileSync(FINGERPRINT_FILE, 'utf8') === print;
  } catch {
    return false;
  }
}

function build(print) {
  const nest = path.join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  const started = Date.now();
  process.stderr.write('Building dist/ (the sources changed since the last build)...\n');
  const result = spawnSync(process.execPath, [nest, 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`nest build failed (exit ${result.status ?? result.signal})`);
  fs.writeFileSync(FINGERPRINT_FILE, print);
  process.stderr.write(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function withLock(work) {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  const waitUntil = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock left by a build that died is taken over once it is older than any build takes.
      const age = Date.now() - fs.statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs;
      if (age > LOCK_STALE_MS || Date.now() > waitUntil) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Builds dist/ unless it was built from these very sources; returns whether it built. */
function ensureBuilt({ force = false } = {}) {
  if (!force && isCurrent(fingerprint())) return false;
  return withLock(() => {
    const print = fingerprint();
    if (!force && isCurrent(print)) return false; // built by whoever held the lock
    build(print);
    return true;
  });
}

module.exports = { ensureBuilt };

if (require.main === module) {
  try {
    ensureBuilt({ force: process.argv.includes('--force') });
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    if (!process.argv.includes('--at-install')) process.exit(1);
  }
}
