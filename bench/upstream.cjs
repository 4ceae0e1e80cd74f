// The upstream of bench/gateway.cjs, in its own process: a small JSON answer to every request.
// Usage: node bench/upstream.cjs; prints its port once listening.
const http = require('node:http');

const body = Buffer.from('{"ok":true}');
const server = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
  });
});
// Longer than any pause between rounds: Node's Agent ignores a server's `Keep-Alive: timeout` hint unless the
// agent has a timeout of its own, so both proxies would otherwise reuse a socket the upstream is closing
// (the default 5 s) and answer a rare 502, which fails the whole run. The same for both proxies.
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
