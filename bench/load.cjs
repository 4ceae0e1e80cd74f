// The load generator of bench/gateway.cjs, run as its own process: autocannon against one URL,
// with latencies kept at full resolution (autocannon's own histogram rounds to whole milliseconds).
// Usage: node bench/load.cjs <url> <x-api-key> <connections> <seconds> [access token]; prints one JSON line.
// The same token on every request, as a real client reuses one until it expires.
const autocannon = require('autocannon');

const [url, apiKey, connections, seconds, accessToken] = process.argv.slice(2);
const headers = { 'x-api-key': apiKey, ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) };
const latencies = [];
const instance = autocannon(
  { url, connections: Number(connections), duration: Number(seconds), headers },
  (error, result) => {
    if (error) throw error;
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    process.stdout.write(
      `${JSON.stringify({ rps: result.requests.average, p50: at(0.5), p99: at(0.99), non2xx: result.non2xx, errors: result.errors, statuses: result.statusCodeStats })}\n`,
    );
  },
);
instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
