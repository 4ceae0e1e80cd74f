import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AdminModule } from '@keyport/admin';
import { TerminusModule } from '@nestjs/terminus';
import { GatewayModule } from '@keyport/api-gateway';
import { ApiCatalogueModule } from '@keyport/api-catalogue';
import { ApplicationsModule } from '@keyport/applications';
import { AuditModule } from '@keyport/audit';
import { BillingModule } from '@keyport/billing';
import { CognitoModule } from '@keyport/cognito';
import { CommonModule } from '@keyport/common';
import { type AppConfig, ConfigModule } from '@keyport/config';
import { DbModule } from '@keyport/db';
import { DevelopersModule } from '@keyport/developers';
import { EmbeddedGatewayModule } from '@keyport/embedded-gateway';
import { GatewaySyncModule } from '@keyport/gateway-sync';
import { KeysModule } from '@keyport/keys';
import { ObservabilityModule } from '@keyport/observability';
import { OutboxModule } from '@keyport/outbox';
import { ReportsModule } from '@keyport/reports';
import { SecurityPostureModule } from '@keyport/security-posture';
import { TiersModule } from '@keyport/tiers';
import { UsageModule } from '@keyport/usage';
import { WorkerModule } from '@keyport/jobs';
import { AdminAuditController } from './admin/admin-audit.controller';
import { AdminDevelopersController } from './admin/admin-developers.controller';
import { AdminQuotaController } from './admin/admin-quota.controller';
import { AdminServiceAccountsController } from './admin/admin-service-accounts.controller';
import { AdminTiersController } from './admin/admin-tiers.controller';
import { AdminUsageController } from './admin/admin-usage.controller';
import { AdminGatewayController } from './admin/admin-gateway.controller';
import { AdminSecurityController } from './admin/admin-security.controller';
import { AdminGatewayStatusController } from './admin/admin-gateway-status.controller';
import { AdminDeveloperRoleController } from './admin/admin-developer-role.controller';
import { AdminInvitationsController } from './admin/admin-invitations.controller';
import { AdminApisController } from './apis/admin-apis.controller';
import { ApisController } from './apis/apis.controller';
import { ApplicationsController } from './applications/applications.controller';
import { AuthorizerInternalController } from './internal/authorizer-internal.controller';
import { AccessTokenGuard } from './auth/access-token.guard';
import { AuthController } from './auth/auth.controller';
import { ServiceAccountAdmission } from './auth/service-account.admission';
import { AdminBillingController } from './billing/admin-billing.controller';
import { BillingWebhookController } from './billing/billing-webhook.controller';
import { BillingController } from './billing/billing.controller';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { ApiErrorFilter } from './http/api-error.filter';
import { KeysController } from './keys/keys.controller';
import { AccountController } from './me/account.controller';
import { MeController } from './me/me.controller';
import { MetricsController } from './metrics/metrics.controller';
import { PortalThrottlerGuard } from './protection/portal-throttler.guard';
import { ProtectionModule } from './protection/protection.module';
import { SignInProtectionModule } from './protection/sign-in-protection.module';
import { StartupTasks } from './startup/startup-tasks';
import { TiersController } from './tiers/tiers.controller';
import { UsageController } from './usage/usage.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        ObservabilityModule,
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        ProtectionModule,
        SignInProtectionModule,
        DbModule,
        OutboxModule,
        AuditModule,
        CognitoModule,
        GatewayModule,
        TiersModule,
        KeysModule,
        DevelopersModule,
        GatewaySyncModule,
        BillingModule,
        UsageModule,
        AdminModule,
        ReportsModule,
        SecurityPostureModule,
        ApplicationsModule,
        ApiCatalogueModule,
        ...(config.runWorkerInProcess ? [WorkerModule] : []),
        ...(config.gatewayDriver === 'local' ? [EmbeddedGatewayModule] : []),
      ],
      controllers: [
        AuthController,
        TiersController,
        MeController,
        AccountController,
        KeysController,
        UsageController,
        AdminDevelopersController,
        HealthController,
        BillingController,
        BillingWebhookController,
        AdminBillingController,
        AdminQuotaController,
        AdminTiersController,
        AdminAuditController,
        AdminUsageController,
        MetricsController,
        AdminGatewayController,
        AdminSecurityController,
        AdminGatewayStatusController,
        AdminDeveloperRoleController,
        ApplicationsController,
        AdminServiceAccountsController,
        ApisController,
        AdminApisController,
        AdminInvitationsController,
        // The Lambda authorizer's internal route exists only with its shared secret.
        ...(config.applications.authorizerSecret ? [AuthorizerInternalController] : []),
      ],
      providers: [
        ReadinessService,
        ServiceAccountAdmission,
        StartupTasks,
        { provide: APP_GUARD, useClass: AccessTokenGuard },
        // After the access-token guard, so signed-in callers are limited per user.
        { provide: APP_GUARD, useClass: PortalThrottlerGuard },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
      ],
    };
  }
}
