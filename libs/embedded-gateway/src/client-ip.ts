import { type IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

type TrustFn = (address: string, hop: number) => boolean;

/**
 * The caller's address as the API (Fastify) works it out from TRUST_PROXY, so one setting means the
 * same on both listeners: `X-Forwarded-For` counts only through proxies TRUST_PROXY trusts; a hop
 * count cannot vouch for the peer, so Fastify (and this) then trust no header at all.
 */
export class ClientIp {
  private readonly trust: TrustFn | null;

  constructor(trustProxy: boolean | number | string[]) {
    if (trustProxy === false) this.trust = null;
    else if (trustProxy === true) this.trust = () => true;
    else if (typeof trustProxy === 'number') this.trust = () => false;
    else this.trust = proxyAddr.compile(trustProxy);
  }

  of(request: IncomingMessage): string {
    if (!this.trust) return request.socket.remoteAddress ?? '';
    const addresses = proxyAddr.all(request, this.trust);
    return addresses[addresses.length - 1] ?? '';
  }
}
