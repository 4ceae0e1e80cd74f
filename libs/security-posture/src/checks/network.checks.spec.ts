import { describe, expect, it } from 'vitest';
import { type RestApiPosture } from '../aws/stage-posture';
import { domainChecks, resourcePolicyChecks } from './network.checks';

const api = (overrides: Partial<RestApiPosture>): RestApiPosture => ({
  id: 'abc',
  name: 'a',
  endpointTypes: ['REGIONAL'],
  disableExecuteApiEndpoint: false,
  policy: null,
  ...overrides,
});
const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

describe('resource-policy', () => {
  it('fails a PRIVATE API without a policy and passes a public one', () => {
    expect(resourcePolicyChecks(api({ endpointTypes: ['PRIVATE'] }))[0].status).toBe('fail');
    expect(resourcePolicyChecks(api({}))[0].status).toBe('pass');
  });

  it('warns on Principal "*" (or AWS "*") without a network condition, in plain or escaped JSON', () => {
    const open = policy({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' });
    expect(resourcePolicyChecks(api({ policy: open }))[0].status).toBe('warn');
    expect(resourcePolicyChecks(api({ policy: open.replace(/"/g, '\\"') }))[0].status).toBe('warn');
    expect(resourcePolicyChecks(api({ policy: policy({ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: '*' }) }))[0].status).toBe('warn');
  });

  it('passes a "*" allowed only from a VPC endpoint or an address range, and a Deny with "*"', () => {
    for (const condition of [{ StringEquals: { 'aws:SourceVpce': 'vpce-1' } }, { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }]) {
      expect(
        resourcePolicyChecks(api({ endpointTypes: ['PRIVATE'], policy: policy({ Effect: 'Allow', Principal: '*', Condition: condition }) }))[0].status,
      ).toBe('pass');
    }
    expect(resourcePolicyChecks(api({ policy: policy({ Effect: 'Deny', Principal: '*' }) }))[0].status).toBe('pass');
  });

  it('warns on a policy that is not JSON', () => {
    expect(resourcePolicyChecks(api({ policy: '{not json' }))[0]).toMatchObject({ status: 'warn', check: 'resource-policy' });
  });
});

describe('tls-policy and execute-api-endpoint', () => {
  it('fails each TLS 1.0 domain and warns while the default endpoint stays on', () => {
    const findings = domainChecks('abc:prod', api({}), [
      { domainName: 'old.example.com', securityPolicy: 'TLS_1_0' },
      { domainName: 'new.example.com', securityPolicy: 'TLS_1_2' },
    ]);
    expect(findings.map((f) => [f.check, f.status, f.resource])).toEqual([
      ['tls-policy', 'fail', 'domain old.example.com'],
      ['execute-api-endpoint', 'warn', 'abc'],
    ]);
  });

  it('passes without custom domains', () => {
    expect(domainChecks('abc:prod', api({}), []).map((f) => f.status)).toEqual(['pass', 'pass']);
  });
});
