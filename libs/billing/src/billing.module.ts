import { Module } from '@nestjs/common';
import { AppConfig } from '@keyport/config';
import { DeveloperAccountsModule } from '@keyport/developers';
import { BillingGate } from './billing-gate';
import { BillingProvider } from './billing-provider.port';
import { BillingWebhookService } from './billing-webhook.service';
import { DeveloperDeletedHandler } from './developer-deleted.handler';
import { BillingService } from './billing.service';
import { GraceExpiryService } from './grace-expiry.service';
import { MeterReportsRepository } from './meter-reports.repository';
import { StripeClientFactory } from './stripe/stripe-client.factory';
import { StripeBillingProvider } from './stripe/stripe.billing-provider';
import { SubscriptionChangeHandler } from './subscription-change.handler';
import { SubscriptionSyncService } from './subscription-sync.service';
import { SubscriptionsRepository } from './subscriptions.repository';
import { TierCatalogue } from './tier-catalogue';
import { TierPrices } from './tier-prices';
import { UnconfiguredBillingProvider } from './unconfigured.billing-provider';
import { UsageMeteringService } from './usage-metering.service';
import { UsageReportHandler } from './usage-report.handler';
import { WebhookEventsRepository } from './webhook-events.repository';

/** Stripe billing; loaded in the API and in the worker (which applies its outbox items and jobs). */
@Module({
  imports: [DeveloperAccountsModule],
  providers: [
    StripeClientFactory,
    {
      provide: BillingProvider,
      inject: [AppConfig, StripeClientFactory],
      useFactory: (config: AppConfig, factory: StripeClientFactory): BillingProvider =>
        config.billing ? new StripeBillingProvider(factory.create(config.billing), config.billing) : new UnconfiguredBillingProvider(),
    },
    BillingGate,
    SubscriptionsRepository,
    WebhookEventsRepository,
    MeterReportsRepository,
    TierPrices,
    TierCatalogue,
    SubscriptionSyncService,
    BillingService,
    BillingWebhookService,
    GraceExpiryService,
    UsageMeteringService,
    SubscriptionChangeHandler,
    UsageReportHandler,
    DeveloperDeletedHandler,
  ],
  exports: [BillingService, BillingWebhookService, GraceExpiryService, UsageMeteringService, BillingProvider, TierCatalogue],
})
export class BillingModule {}
