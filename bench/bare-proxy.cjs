// The simplest thing that could replace the embedded gateway, for bench/gateway.cjs: a bare node:http
// proxy in its own process, kept-alive connections to the same upstream, no checks at all.
// Usage: node bench/bare-proxy.cjs <upstream port>; prints its own port once listening.
const http = require('node:http');

const upstreamPort = Number(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const server = http.createServer((request, response) => {
  const outgoing = http.request({ host: '127.0.0.1', port: upstreamPort, method: request.method, path: request.url, headers: request.headers, agent }, (incoming) => {
    response.writeHead(incoming.statusCode ?? 502, incoming.headers);
    incoming.pipe(response);
  });
  outgoing.on('error', () => {
    response.writeHead(502);
    response.end();
  });
  request.pipe(outgoing);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
