// The load generator of bench/gateway.cjs, run as its own process: autocannon against one URL,
// with latencies kept at full resolution (autocannon's own histogram rounds to whole milliseconds).
// Usage: node bench/load.cjs <url> <x-api-key> <connections> <seconds>; prints one JSON line.
const autocannon = require('autocannon');

const [url, apiKey, connections, seconds] = process.argv.slice(2);
const latencies = [];
const instance = autocannon(
  { url, connections: Number(connections), duration: Number(seconds), headers: { 'x-api-key': apiKey } },
  (error, result) => {
    if (error) throw error;
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    process.stdout.write(
      `${JSON.stringify({ rps: result.requests.average, p50: at(0.5), p99: at(0.99), non2xx: result.non2xx, errors: result.errors })}\n`,
    );
  },
);
instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
