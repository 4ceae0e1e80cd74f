import { type IncomingMessage, type ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** Stands for the per-response nonce in the portal page's policy (see webAppContentSecurityPolicy). */
const NONCE = 'KEYPORT-NONCE';

const STRICT_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
};

const POLICIES = {
  // The portal's assets and every API response: scripts and styles only from this origin.
  default: STRICT_DIRECTIVES,
  // Swagger UI at /docs needs its inline bootstrap script and styles.
  docs: { ...STRICT_DIRECTIVES, scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"] },
  // The portal's page: its own scripts, and the <style> tags its components write, carry a nonce.
  webApp: { ...STRICT_DIRECTIVES, scriptSrc: ["'self'", `'nonce-${NONCE}'`], styleSrc: ["'self'", `'nonce-${NONCE}'`] },
} satisfies Record<string, NonNullable<Exclude<HelmetOptions['contentSecurityPolicy'], boolean>>['directives']>;

export type SecurityScope = keyof typeof POLICIES;

/**
 * The headers helmet sets with Keyport's options (HSTS, nosniff, frame options, the CSP, ...), worked
 * out once: with options that depend on no request (no nonces, no functions) helmet sets the same
 * headers on every response, so running its dozen middlewares per request (as @fastify/helmet
 * does, rebuilding them each time) buys nothing but CPU.
 */
export function securityHeaders(scope: SecurityScope = 'default'): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  let failure: unknown;
  const options: HelmetOptions = { contentSecurityPolicy: { directives: POLICIES[scope] } };
  helmet(options)({} as unknown as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => (failure = error));
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what helmet reported, as it reported it
  if (failure !== undefined) throw failure;
  return headers;
}

/**
 * The portal page's Content-Security-Policy for one response, given that response's nonce and the
 * origins besides its own it may call (the gateway, for the APIs page's "Try it").
 */
export function webAppContentSecurityPolicy(): (nonce: string, connectTo?: readonly string[]) => string {
  const policy = securityHeaders('webApp')['content-security-policy'];
  return (nonce, connectTo = []) => {
    const page = policy.replaceAll(NONCE, nonce);
    const others = connectTo.filter((origin) => CSP_SOURCE.test(origin));
    return others.length === 0 ? page : `${page};connect-src 'self' ${others.join(' ')}`;
  };
}

/** A scheme-host-port origin, nothing that could end the directive or add another. */
const CSP_SOURCE = /^https?:\/\/[A-Za-z0-9.[\]:-]+$/;
