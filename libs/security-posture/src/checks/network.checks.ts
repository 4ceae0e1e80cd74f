import { finding } from '../check-catalogue';
import { type Finding } from '../finding';
import { type CustomDomainPosture, type RestApiPosture } from '../aws/stage-posture';

const OLD_TLS = new Set(['TLS_1_0']);
/** Condition keys that tie a `Principal: "*"` statement to a network. */
const NETWORK_KEYS = ['aws:sourcevpce', 'aws:sourcevpc', 'aws:sourceip'];

/** tls-policy and execute-api-endpoint from the custom domains mapped to the stage. */
export function domainChecks(resource: string, api: RestApiPosture | null, domains: CustomDomainPosture[]): Finding[] {
  const oldTls = domains
    .filter((domain) => OLD_TLS.has(domain.securityPolicy))
    .map((domain) => finding('tls-policy', 'fail', `domain ${domain.domainName}`, `The custom domain accepts ${domain.securityPolicy}`));
  const tls =
    oldTls.length > 0
      ? oldTls
      : [
          finding(
            'tls-policy',
            'pass',
            resource,
            domains.length > 0
              ? `Custom domain(s) on ${domains.map((d) => d.securityPolicy).join(', ')}`
              : 'No custom domain is mapped to the stage; the default endpoint uses TLS 1.2',
          ),
        ];
  if (!api) return tls;
  const endpoint =
    domains.length > 0 && !api.disableExecuteApiEndpoint
      ? finding(
          'execute-api-endpoint',
          'warn',
          api.id,
          `Custom domain(s) ${domains.map((d) => d.domainName).join(', ')} exist but the default execute-api endpoint is still enabled`,
        )
      : finding(
          'execute-api-endpoint',
          'pass',
          api.id,
          domains.length > 0 ? 'The default endpoint is disabled' : 'No custom domain: the default endpoint is the way in',
        );
  return [...tls, endpoint];
}

/** resource-policy: a PRIVATE API needs one; a policy must not open the API to everyone without a network condition. */
export function resourcePolicyChecks(api: RestApiPosture): Finding[] {
  const isPrivate = api.endpointTypes.includes('PRIVATE');
  if (!api.policy) {
    return [
      isPrivate
        ? finding(
            'resource-policy',
            'fail',
            api.id,
            'A PRIVATE API without a resource policy: nobody can call it, or it was meant to be limited to a VPC endpoint',
          )
        : finding('resource-policy', 'pass', api.id, `No resource policy (a ${api.endpointTypes.join('/') || 'public'} API: its authorizers decide)`),
    ];
  }
  const statements = parseStatements(api.policy);
  if (statements === null) return [finding('resource-policy', 'warn', api.id, 'The resource policy could not be read as JSON')];
  const open = statements.filter((statement) => statement.Effect === 'Allow' && anyone(statement.Principal) && !networkBound(statement.Condition));
  return [
    open.length > 0
      ? finding('resource-policy', 'warn', api.id, 'The resource policy allows Principal "*" with no source VPC endpoint or IP condition')
      : finding('resource-policy', 'pass', api.id, 'The resource policy limits who may call the API'),
  ];
}

interface Statement {
  Effect?: string;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** API Gateway returns the policy JSON with its quotes escaped (`{\"Version\"...`). */
function parseStatements(policy: string): Statement[] | null {
  for (const text of [policy, policy.replace(/\\"/g, '"')]) {
    try {
      const parsed = JSON.parse(text) as { Statement?: Statement | Statement[] };
      const statement = parsed.Statement ?? [];
      return Array.isArray(statement) ? statement : [statement];
    } catch {
      // try the unescaped form
    }
  }
  return null;
}

function anyone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal === 'object' && principal !== null) {
    const aws = (principal as { AWS?: unknown }).AWS;
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
  }
  return false;
}

function networkBound(condition: Statement['Condition']): boolean {
  if (!condition) return false;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the policy is parsed JSON: an operator may map to null
  return Object.values(condition).some((operands) => Object.keys(operands ?? {}).some((key) => NETWORK_KEYS.includes(key.toLowerCase())));
}
