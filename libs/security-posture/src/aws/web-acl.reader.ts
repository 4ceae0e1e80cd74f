import { GetWebACLCommand } from '@aws-sdk/client-wafv2';
import { Injectable } from '@nestjs/common';
import { GatewayUnavailableError } from '@keyport/api-gateway';
import { deniedAction } from './access-denied';
import { type Denied, type WebAclPosture } from './stage-posture';
import { WafClientFactory } from './waf-client.factory';

/** `arn:aws:wafv2:<region>:<account>:<regional|global>/webacl/<name>/<id>` */
const WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:[^:]*:[^:]*:(regional|global)\/webacl\/([^/]+)\/([^/]+)$/;

/** Reads a web ACL's rate-based rules with WAFv2 GetWebACL. */
@Injectable()
export class WebAclReader {
  constructor(private readonly clients: WafClientFactory) {}

  async read(arn: string): Promise<WebAclPosture | Denied> {
    const match = WEB_ACL_ARN.exec(arn);
    if (!match) return { name: arn, rateRules: [] };
    const [, scope, name, id] = match;
    try {
      const answer = await this.clients.get().send(new GetWebACLCommand({ Name: name, Id: id, Scope: scope === 'global' ? 'CLOUDFRONT' : 'REGIONAL' }));
      const rules = answer.WebACL?.Rules ?? [];
      return {
        name: answer.WebACL?.Name ?? name,
        rateRules: rules
          .filter((rule) => rule.Statement?.RateBasedStatement !== undefined)
          .map((rule) => ({ name: rule.Name ?? '', countOnly: rule.Action?.Count !== undefined })),
      };
    } catch (error) {
      if (deniedAction(error)) return { denied: `wafv2:GetWebACL on ${arn}` };
      if ((error as { name?: string }).name === 'WAFNonexistentItemException') return { name: `${name} (not found)`, rateRules: [] };
      throw new GatewayUnavailableError(`GetWebACL: ${(error as Error).message}`);
    }
  }
}
