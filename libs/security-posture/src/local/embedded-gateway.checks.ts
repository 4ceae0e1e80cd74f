import { type AppConfig } from '@keyport/config';
import { finding } from '../check-catalogue';
import { type Finding } from '../finding';

const RESOURCE = 'embedded-gateway';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The local driver's audit: the embedded gateway's own settings. */
export function embeddedGatewayChecks(config: AppConfig): Finding[] {
  return [authModeCheck(config), ipRuleCheck(config), transportCheck(config)];
}

function authModeCheck(config: AppConfig): Finding {
  return config.applications.gatewayAuth === 'none'
    ? finding('gateway-auth-mode', 'fail', RESOURCE, 'GATEWAY_AUTH=none: the embedded gateway admits any caller holding a key, and keys are not authentication')
    : finding('gateway-auth-mode', 'pass', RESOURCE, `GATEWAY_AUTH=${config.applications.gatewayAuth}: callers need an access token as well as a key`);
}

function ipRuleCheck(config: AppConfig): Finding {
  const rule = config.gatewayIpRule;
  if (!rule)
    return finding('gateway-ip-rule', 'warn', RESOURCE, 'No IP rate rule (GATEWAY_IP_RATE_LIMIT is unset): one address may call with as many keys as it holds');
  const limit = `${rule.limit} requests per client IP per ${rule.windowMs / 1000}s`;
  return rule.mode === 'count'
    ? finding(
        'gateway-ip-rule',
        'pass',
        RESOURCE,
        `IP rate rule of ${limit}; note: in count mode it only logs and counts (keyport_gateway_ip_rule_matches_total) until GATEWAY_IP_RULE_MODE=block`,
      )
    : finding('gateway-ip-rule', 'pass', RESOURCE, `IP rate rule of ${limit} blocks with 403`);
}

function transportCheck(config: AppConfig): Finding {
  const upstream = config.embeddedGateway.upstreamUrl;
  if (!upstream) return finding('gateway-transport', 'pass', RESOURCE, 'Requests go to the built-in echo upstream');
  const url = new URL(upstream);
  if (url.protocol === 'https:' || LOOPBACK.has(url.hostname))
    return finding('gateway-transport', 'pass', RESOURCE, `The upstream ${url.origin} is reached over ${url.protocol === 'https:' ? 'TLS' : 'loopback'}`);
  return finding('gateway-transport', 'warn', RESOURCE, `The upstream ${url.origin} is reached over plain HTTP`);
}
