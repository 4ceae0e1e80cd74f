// `npm run bench:gateway`: throughput and p99 latency through the embedded gateway with a valid key,
// and through the same listener with admission turned off, measured in one run with autocannon
// running in a second process. Budget (issue 3): admission costs at most 20% of the throughput
// and at most 1 ms of p99. Rounds alternate between the two modes so drift on a shared machine
// hits both alike; the medians are compared.
//
// Settings (a standalone CLI, so it reads its environment itself):
//   BENCH_CONNECTIONS (64), BENCH_SECONDS per round (4), BENCH_ROUNDS per mode (5)
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { execFile } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { mkdtemp, rm } = require('node:fs/promises');
const { tmpdir } = require('node:os');
const path = require('node:path');

const dist = (lib) => require(path.join(__dirname, '..', 'dist', lib));
const { createApp } = dist('apps/portal-api/src/app.factory.js');
const { loadConfig } = dist('libs/config/src/index.js');
const { DevelopersRepository } = dist('libs/developers/src/developers.repository.js');
const { EmbeddedGatewayServer, GatewayStateSync } = dist('libs/embedded-gateway/src/index.js');
const { KeysRepository, KeysService } = dist('libs/keys/src/index.js');
const { TiersRepository } = dist('libs/tiers/src/tiers.repository.js');

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const LOAD = path.join(__dirname, 'load.cjs');

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kp-bench-'));
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    COGNITO_LOCAL_PORT: '0',
    ADMIN_EMAIL: 'bench@localhost',
    ADMIN_PASSWORD: `Bench-${randomUUID()}`,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  try {
    const key = await benchKey(app);
    const gateway = app.get(EmbeddedGatewayServer);
    const target = `${gateway.url}/bench?q=1`;
    console.log(`gateway ${target}, ${CONNECTIONS} connections, ${ROUNDS} x ${SECONDS} s per mode, built-in echo upstream\n`);

    const results = { on: [], off: [] };
    for (const mode of ['on', 'off']) {
      gateway.setAdmission(mode === 'on');
      await autocannon(target, key, 2); // warm-up, not counted
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of round % 2 === 0 ? ['on', 'off'] : ['off', 'on']) {
        gateway.setAdmission(mode === 'on');
        const result = await autocannon(target, key, SECONDS);
        results[mode].push(result);
        console.log(`round ${round + 1} admission ${mode.padEnd(3)} ${fmt(result.rps, 0).padStart(8)} req/s  p50 ${fmt(result.p50)} ms  p99 ${fmt(result.p99)} ms`);
      }
    }
    gateway.setAdmission(true);
    report(results);
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A developer on a tier whose throttle and quota never bite, with one active key the gateway holds. */
async function benchKey(app) {
  const tier = { slug: 'bench', name: 'Bench', throttle: { rateLimit: 1e9, burstLimit: 2e9 }, quota: { limit: 2e9, period: 'MONTH' }, stripePriceId: null };
  await app.get(TiersRepository).insertMissing([tier]);
  const developer = await app.get(DevelopersRepository).createIfMissing({ id: randomUUID(), email: `bench-${randomUUID()}@example.com`, tierSlug: tier.slug, confirmedAt: new Date() });
  const issued = await app.get(KeysService).create(developer.id, 'bench');
  const deadline = Date.now() + 30_000;
  while ((await app.get(KeysRepository).findById(issued.key.id)).status !== 'ACTIVE') {
    if (Date.now() > deadline) throw new Error('the bench key never became active');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await app.get(GatewayStateSync).reload();
  return issued.value;
}

function autocannon(url, key, seconds) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [LOAD, url, key, String(CONNECTIONS), String(seconds)], (error, stdout) => {
      if (error) return reject(error);
      const result = JSON.parse(stdout);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`));
      resolve(result);
    });
  });
}

function report(results) {
  const on = summarise(results.on);
  const off = summarise(results.off);
  // Each round's two runs are neighbours in time: their ratio is what drift on a shared machine disturbs least.
  const ratio = median(results.on.map((r, i) => r.rps / results.off[i].rps));
  const p99Delta = median(results.on.map((r, i) => r.p99 - results.off[i].p99));
  console.log('\nmedians of the rounds (ratio and difference: medians of each round\'s pair)');
  console.log(`  admission on  (key check, throttle, counting): ${fmt(on.rps, 0).padStart(8)} req/s  p99 ${fmt(on.p99)} ms`);
  console.log(`  admission off (same listener, same upstream):  ${fmt(off.rps, 0).padStart(8)} req/s  p99 ${fmt(off.p99)} ms`);
  console.log(`  throughput ratio on/off: ${fmt(ratio, 3)} (cost ${fmt((1 - ratio) * 100, 1)}%, budget 20%) ${ratio >= 0.8 ? 'OK' : 'OVER BUDGET'}`);
  console.log(`  p99 difference: ${p99Delta >= 0 ? '+' : ''}${fmt(p99Delta)} ms (budget +1 ms) ${p99Delta <= 1 ? 'OK' : 'OVER BUDGET'}`);
}

function summarise(rounds) {
  return { rps: median(rounds.map((r) => r.rps)), p99: median(rounds.map((r) => r.p99)) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function fmt(value, digits = 2) {
  return value.toFixed(digits);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
