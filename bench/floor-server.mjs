// The floor of `npm run bench`: a bare node:http handler (no framework) doing what an authenticated
// Keyport route must do at least: verify an RS256 Cognito access token with a key fetched once at
// start, then make one PostgreSQL query. Env: PORT, DATABASE_URL, JWKS_URI, ISSUER, CLIENT_ID.
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';

const { DATABASE_URL, JWKS_URI, ISSUER, CLIENT_ID } = process.env;
const jwks = await (await fetch(JWKS_URI)).json();
const keys = new Map(jwks.keys.map((jwk) => [jwk.kid, createPublicKey({ key: jwk, format: 'jwk' })]));
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });

function claimsOf(header) {
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) return undefined;
  const head = JSON.parse(Buffer.from(match[1], 'base64url').toString());
  const key = keys.get(head.kid);
  if (head.alg !== 'RS256' || !key) return undefined;
  const signed = verify('RSA-SHA256', Buffer.from(`${match[1]}.${match[2]}`), key, Buffer.from(match[3], 'base64url'));
  if (!signed) return undefined;
  const claims = JSON.parse(Buffer.from(match[2], 'base64url').toString());
  const valid = claims.iss === ISSUER && claims.token_use === 'access' && claims.client_id === CLIENT_ID && claims.exp > Date.now() / 1000;
  return valid ? claims : undefined;
}

const server = createServer(async (request, response) => {
  try {
    const claims = claimsOf(request.headers.authorization);
    if (!claims) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"statusCode":401}');
      return;
    }
    const { rows } = await pool.query('SELECT id, email, tier_slug, status, created_at FROM developers WHERE id = $1', [claims.sub]);
    response.writeHead(rows.length ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(rows[0] ?? {}));
  } catch {
    response.writeHead(500).end();
  }
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => process.stdout.write(`floor on ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
