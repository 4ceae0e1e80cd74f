-- CreateEnum
CREATE TYPE "QuotaPeriod" AS ENUM ('DAY', 'WEEK', 'MONTH');

-- CreateEnum
CREATE TYPE "DeveloperStatus" AS ENUM ('ACTIVE', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "ApiKeyStatus" AS ENUM ('PROVISIONING', 'ACTIVE', 'REVOKED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'DONE', 'DEAD');

-- CreateTable
CREATE TABLE "tiers" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rate_limit" DOUBLE PRECISION NOT NULL,
    "burst_limit" INTEGER NOT NULL,
    "quota_limit" INTEGER NOT NULL,
    "quota_period" "QuotaPeriod" NOT NULL,
    "stripe_price_id" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tiers_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "developers" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tier_slug" TEXT NOT NULL,
    "status" "DeveloperStatus" NOT NULL DEFAULT 'ACTIVE',
    "suspended_reason" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),
    "quota_limit_override" INTEGER,
    "quota_period_override" "QuotaPeriod",
    "stripe_customer_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "developers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "developer_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "status" "ApiKeyStatus" NOT NULL DEFAULT 'PROVISIONING',
    "rotated_from_id" UUID,
    "lineage_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "gateway_key_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quota_grants" (
    "id" BIGSERIAL NOT NULL,
    "developer_id" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "requests" INTEGER NOT NULL,
    "granted_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quota_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_daily" (
    "key_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "developer_id" TEXT NOT NULL,
    "requests" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_daily_pkey" PRIMARY KEY ("key_id","day")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" BIGSERIAL NOT NULL,
    "aggregate" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "locked_by" TEXT,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_type" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway_usage_plans" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rate_limit" DOUBLE PRECISION NOT NULL,
    "burst_limit" INTEGER NOT NULL,
    "quota_limit" INTEGER NOT NULL,
    "quota_period" "QuotaPeriod" NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "gateway_usage_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway_api_keys" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value_hash" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "gateway_api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway_usage_plan_keys" (
    "plan_id" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "quota_adjustment" INTEGER NOT NULL DEFAULT 0,
    "adjusted_period_start" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_usage_plan_keys_pkey" PRIMARY KEY ("plan_id","key_id")
);

-- CreateTable
CREATE TABLE "gateway_plan_bindings" (
    "owner" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "gateway_plan_bindings_pkey" PRIMARY KEY ("owner")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "id" TEXT NOT NULL,
    "developer_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tier_slug" TEXT NOT NULL,
    "price_id" TEXT,
    "current_period_end" TIMESTAMPTZ(3),
    "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
    "past_due_since" TIMESTAMPTZ(3),
    "stripe_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "developers_email_key" ON "developers"("email");

-- CreateIndex
CREATE UNIQUE INDEX "developers_stripe_customer_id_key" ON "developers"("stripe_customer_id");

-- CreateIndex
CREATE INDEX "developers_tier_slug_id_idx" ON "developers"("tier_slug", "id");

-- CreateIndex
CREATE INDEX "developers_status_id_idx" ON "developers"("status", "id");

-- CreateIndex
CREATE INDEX "developers_created_at_id_idx" ON "developers"("created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");

-- CreateIndex
CREATE INDEX "api_keys_developer_id_created_at_idx" ON "api_keys"("developer_id", "created_at");

-- CreateIndex
CREATE INDEX "api_keys_status_expires_at_idx" ON "api_keys"("status", "expires_at");

-- CreateIndex
CREATE INDEX "api_keys_lineage_id_idx" ON "api_keys"("lineage_id");

-- CreateIndex
CREATE INDEX "quota_grants_developer_id_period_start_idx" ON "quota_grants"("developer_id", "period_start");

-- CreateIndex
CREATE INDEX "usage_daily_day_developer_id_idx" ON "usage_daily"("day", "developer_id");

-- CreateIndex
CREATE INDEX "usage_daily_developer_id_day_idx" ON "usage_daily"("developer_id", "day");

-- CreateIndex
CREATE INDEX "outbox_status_available_at_id_idx" ON "outbox"("status", "available_at", "id");

-- CreateIndex
CREATE INDEX "outbox_aggregate_id_idx" ON "outbox"("aggregate", "id");

-- CreateIndex
CREATE INDEX "audit_log_at_id_idx" ON "audit_log"("at", "id");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_id_idx" ON "audit_log"("actor_id", "id");

-- CreateIndex
CREATE INDEX "audit_log_target_id_id_idx" ON "audit_log"("target_id", "id");

-- CreateIndex
CREATE INDEX "audit_log_action_id_idx" ON "audit_log"("action", "id");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_usage_plans_name_key" ON "gateway_usage_plans"("name");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_api_keys_name_key" ON "gateway_api_keys"("name");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_api_keys_value_hash_key" ON "gateway_api_keys"("value_hash");

-- CreateIndex
CREATE INDEX "gateway_usage_plan_keys_key_id_idx" ON "gateway_usage_plan_keys"("key_id");

-- CreateIndex
CREATE INDEX "subscriptions_developer_id_idx" ON "subscriptions"("developer_id");

-- AddForeignKey
ALTER TABLE "developers" ADD CONSTRAINT "developers_tier_slug_fkey" FOREIGN KEY ("tier_slug") REFERENCES "tiers"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_developer_id_fkey" FOREIGN KEY ("developer_id") REFERENCES "developers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota_grants" ADD CONSTRAINT "quota_grants_developer_id_fkey" FOREIGN KEY ("developer_id") REFERENCES "developers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway_usage_plan_keys" ADD CONSTRAINT "gateway_usage_plan_keys_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "gateway_usage_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway_usage_plan_keys" ADD CONSTRAINT "gateway_usage_plan_keys_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "gateway_api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_developer_id_fkey" FOREIGN KEY ("developer_id") REFERENCES "developers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Added by hand (Prisma does not model triggers): audit_log is the append-only record of admin
-- actions and security events, so the database itself refuses to rewrite or erase it, whatever
-- code path or SQL console tries. Rows can still be inserted; TRUNCATE is left to operators.
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_log_append_only"
BEFORE UPDATE OR DELETE ON "audit_log"
FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"();
