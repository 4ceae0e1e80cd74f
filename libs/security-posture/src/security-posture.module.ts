import { Module } from '@nestjs/common';
import { TiersModule } from '@keyport/tiers';
import { AwsPostureReader } from './aws/aws-posture.reader';
import { WafClientFactory } from './aws/waf-client.factory';
import { WebAclReader } from './aws/web-acl.reader';
import { SecurityAuditHistoryRepository } from './security-audit-history.repository';
import { SecurityAuditMetrics } from './security-audit.metrics';
import { SecurityAuditService } from './security-audit.service';

/** The security posture audit; `SecurityAuditService` is its front. */
@Module({
  imports: [TiersModule],
  providers: [WafClientFactory, WebAclReader, AwsPostureReader, SecurityAuditHistoryRepository, SecurityAuditMetrics, SecurityAuditService],
  exports: [SecurityAuditService],
})
export class SecurityPostureModule {}
