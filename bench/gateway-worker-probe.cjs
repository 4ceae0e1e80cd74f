// `node bench/gateway-worker-probe.cjs` (after `npm run build`): what a worker-thread listener would buy (issue 13). The same
// forwarding (admission off) measured three ways in rotating rounds: the embedded gateway on the API process's main
// thread, ProxyUpstream in a worker thread of that same process, and the bare proxy in its own process.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { execFile, spawn } = require('node:child_process');
const { Worker } = require('node:worker_threads');
const { randomUUID } = require('node:crypto');
const { mkdtemp, rm } = require('node:fs/promises');
const { tmpdir } = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const dist = (lib) => require(path.join(__dirname, '..', 'dist', lib));
const { createApp } = dist('apps/portal-api/src/app.factory.js');
const { loadConfig } = dist('libs/config/src/index.js');
const { EmbeddedGatewayServer } = dist('libs/embedded-gateway/src/index.js');
function start(s, args) {
  return new Promise((res) => {
    const c = spawn(process.execPath, [s, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    c.stdout.once('data', (d) => res({ child: c, port: Number(String(d).trim()) }));
  });
}
function childCpu(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10000;
}
function own() {
  const { user, system } = process.cpuUsage();
  return user + system;
}
function load(url) {
  return new Promise((res, rej) =>
    execFile(process.execPath, [path.join(__dirname, 'load.cjs'), url, 'k', '64', '4'], (e, out) => (e ? rej(e) : res(JSON.parse(out)))),
  );
}
(async () => {
  const up = await start(path.join(__dirname, 'upstream.cjs'), []);
  const bare = await start(path.join(__dirname, 'bare-proxy.cjs'), [String(up.port)]);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kp-probe-'));
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    COGNITO_LOCAL_PORT: '0',
    UPSTREAM_URL: `http://127.0.0.1:${up.port}`,
    ADMIN_EMAIL: 'bench@localhost',
    ADMIN_PASSWORD: `Bench-${randomUUID()}`,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const gateway = app.get(EmbeddedGatewayServer);
  gateway.setAdmission(false);
  const worker = new Worker(
    `const http = require('node:http'); const { parentPort, workerData } = require('node:worker_threads');
    const { ProxyUpstream } = require(workerData.dist + '/libs/embedded-gateway/src/proxy.upstream.js');
    const upstream = new ProxyUpstream('http://127.0.0.1:' + workerData.port);
    const server = http.createServer((q, s) => upstream.forward(q, s, null)); server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));`,
    { eval: true, workerData: { dist: path.join(__dirname, '..', 'dist'), port: up.port } },
  );
  const workerPort = await new Promise((r) => worker.once('message', r));
  const targets = {
    bare: [`http://127.0.0.1:${bare.port}/bench?q=1`, () => childCpu(bare.child.pid)],
    main: [`${gateway.url}/bench?q=1`, own],
    worker: [`http://127.0.0.1:${workerPort}/bench?q=1`, own],
  };
  for (const m of Object.keys(targets)) await load(targets[m][0]);
  const rows = { bare: [], main: [], worker: [] };
  for (let r = 0; r < 4; r++)
    for (const m of Object.keys(targets).map((_, i, a) => a[(i + r) % a.length])) {
      const b = targets[m][1]();
      const res = await load(targets[m][0]);
      const cpu = (targets[m][1]() - b) / (res.rps * 4);
      rows[m].push({ rps: res.rps, cpu });
      console.log(`round ${r + 1} ${m.padEnd(6)} ${res.rps.toFixed(0)} rps p99 ${res.p99.toFixed(1)} CPU ${cpu.toFixed(0)} µs/req`);
    }
  const med = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
  for (const m of ['main', 'worker'])
    console.log(
      `${m}/bare throughput ${med(rows[m].map((x, i) => x.rps / rows.bare[i].rps)).toFixed(2)} CPU ${med(rows[m].map((x, i) => x.cpu / rows.bare[i].cpu)).toFixed(2)}x`,
    );
  await worker.terminate();
  await app.close();
  up.child.kill();
  bare.child.kill();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
})();
