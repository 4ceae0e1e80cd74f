// Runs at install (postinstall): initialises an empty PGlite cluster once and keeps it, gzipped,
// at node_modules/.cache/keyport/pglite-<version>.tar.gz. A new embedded database is then unpacked
// from it (libs/db/src/pglite-template.ts) instead of initialised, which is most of a first
// `npm start` on a busy machine (initdb: ~8 s there, unpacking: ~1.5 s). Without the file (install
// scripts skipped, a failure here) the app initialises as before; this never fails the install.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

async function main() {
  const manifest = path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const target = path.join(ROOT, 'node_modules', '.cache', 'keyport', `pglite-${version}.tar.gz`);
  if (fs.existsSync(target)) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const started = Date.now();
  const db = await PGlite.create();
  const dump = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
  await db.close();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  fs.writeFileSync(partial, dump);
  fs.renameSync(partial, target); // whole or absent, never half-written
  process.stderr.write(`Embedded database template ready (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

main().catch((error) => {
  process.stderr.write(`No embedded database template (the first start will initialise one): ${error.message}\n`);
});
