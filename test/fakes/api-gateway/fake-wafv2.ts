import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface FakeWafRule {
  Name: string;
  Priority: number;
  Statement: Record<string, unknown>;
  Action?: { Block?: object; Count?: object; Allow?: object };
  VisibilityConfig: { SampledRequestsEnabled: boolean; CloudWatchMetricsEnabled: boolean; MetricName: string };
}

export interface FakeWebAcl {
  Name: string;
  Id: string;
  ARN: string;
  Rules: FakeWafRule[];
}

/**
 * AWS WAFv2 over its wire protocol (JSON 1.1: `POST /`, `X-Amz-Target: AWSWAF_20190729.<Operation>`,
 * errors as `{"__type", "message"}`), serving GetWebACL for the security audit.
 */
export class FakeWafV2 {
  readonly acls = new Map<string, FakeWebAcl>();
  readonly received = new Map<string, number>();
  /** Operations answered AccessDeniedException, as for a role without the permission. */
  readonly denied = new Set<string>();
  private server?: Server;

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('fake WAFv2 is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A regional web ACL with these rules; returns its ARN. */
  addWebAcl(name: string, rules: FakeWafRule[], account = '123456789012', region = 'us-east-1'): string {
    const id = `${name}-0000-4000-8000-000000000000`.slice(0, 36);
    const arn = `arn:aws:wafv2:${region}:${account}:regional/webacl/${name}/${id}`;
    this.acls.set(`${name}/${id}`, { Name: name, Id: id, ARN: arn, Rules: rules });
    return arn;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.replace(/^AWSWAF_20190729\./, '');
    this.received.set(operation, (this.received.get(operation) ?? 0) + 1);
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || !target.startsWith('AWSWAF_20190729.'))
      return answer(400, { __type: 'UnknownOperationException', message: 'Unknown operation' });
    if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential='))
      return answer(400, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    if (this.denied.has(operation)) {
      return answer(400, { __type: 'AccessDeniedException', message: `User is not authorized to perform: wafv2:${operation}` });
    }
    if (operation !== 'GetWebACL') return answer(400, { __type: 'UnknownOperationException', message: `${operation} is not served by the fake` });
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { Name?: string; Id?: string; Scope?: string };
    if (input.Scope !== 'REGIONAL' && input.Scope !== 'CLOUDFRONT')
      return answer(400, { __type: 'WAFInvalidParameterException', message: 'Scope must be REGIONAL or CLOUDFRONT' });
    const acl = this.acls.get(`${input.Name}/${input.Id}`);
    if (!acl)
      return answer(400, { __type: 'WAFNonexistentItemException', message: 'AWS WAF couldn’t perform the operation because your resource doesn’t exist.' });
    answer(200, {
      WebACL: {
        ...acl,
        DefaultAction: { Allow: {} },
        VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl.Name },
        Capacity: 2,
      },
      LockToken: 'fake-lock-token',
    });
  }
}
