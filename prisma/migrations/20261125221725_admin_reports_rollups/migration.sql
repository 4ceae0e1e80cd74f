-- CreateTable
CREATE TABLE "usage_key_monthly" (
    "key_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "developer_id" TEXT NOT NULL,
    "tier_slug" TEXT NOT NULL,
    "requests" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "usage_key_monthly_pkey" PRIMARY KEY ("key_id","month","tier_slug")
);

-- CreateTable
CREATE TABLE "usage_developer_daily" (
    "developer_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "tier_slug" TEXT NOT NULL,
    "requests" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "usage_developer_daily_pkey" PRIMARY KEY ("developer_id","day","tier_slug")
);

-- CreateTable
CREATE TABLE "usage_tier_daily" (
    "day" DATE NOT NULL,
    "tier_slug" TEXT NOT NULL,
    "requests" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "usage_tier_daily_pkey" PRIMARY KEY ("day","tier_slug")
);

-- CreateTable
CREATE TABLE "quota_grant_keys" (
    "grant_id" BIGINT NOT NULL,
    "key_id" UUID NOT NULL,
    "applied_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quota_grant_keys_pkey" PRIMARY KEY ("grant_id","key_id")
);

-- CreateIndex
CREATE INDEX "usage_key_monthly_month_developer_id_idx" ON "usage_key_monthly"("month", "developer_id");

-- CreateIndex
CREATE INDEX "usage_developer_daily_day_developer_id_idx" ON "usage_developer_daily"("day", "developer_id");

-- Added by hand (Prisma does not model triggers): the admin reports read rollups of usage_daily
-- (1.8 million rows at 10,000 developers and 90 days), kept in step by this trigger whatever writes
-- usage_daily. Each change adds its difference to the developer's tier as it is at that moment.
CREATE FUNCTION "usage_rollups_apply"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    row_key uuid;
    row_day date;
    row_developer text;
    delta bigint;
    tier text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        row_key := OLD.key_id; row_day := OLD.day; row_developer := OLD.developer_id; delta := -OLD.requests;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.key_id <> OLD.key_id OR NEW.day <> OLD.day OR NEW.developer_id <> OLD.developer_id THEN
            RAISE EXCEPTION 'usage_daily rows cannot move to another key, day or developer';
        END IF;
        row_key := NEW.key_id; row_day := NEW.day; row_developer := NEW.developer_id; delta := NEW.requests - OLD.requests;
    ELSE
        row_key := NEW.key_id; row_day := NEW.day; row_developer := NEW.developer_id; delta := NEW.requests;
    END IF;
    IF delta = 0 THEN RETURN NULL; END IF;
    SELECT d.tier_slug INTO tier FROM developers d WHERE d.id = row_developer;
    tier := COALESCE(tier, '');

    INSERT INTO usage_key_monthly (key_id, month, developer_id, tier_slug, requests)
    VALUES (row_key, date_trunc('month', row_day)::date, row_developer, tier, delta)
    ON CONFLICT (key_id, month, tier_slug) DO UPDATE SET requests = usage_key_monthly.requests + EXCLUDED.requests;

    INSERT INTO usage_developer_daily (developer_id, day, tier_slug, requests)
    VALUES (row_developer, row_day, tier, delta)
    ON CONFLICT (developer_id, day, tier_slug) DO UPDATE SET requests = usage_developer_daily.requests + EXCLUDED.requests;

    INSERT INTO usage_tier_daily (day, tier_slug, requests)
    VALUES (row_day, tier, delta)
    ON CONFLICT (day, tier_slug) DO UPDATE SET requests = usage_tier_daily.requests + EXCLUDED.requests;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "usage_daily_rollups"
AFTER INSERT OR UPDATE OF requests OR DELETE ON "usage_daily"
FOR EACH ROW EXECUTE FUNCTION "usage_rollups_apply"();

-- Recomputes every rollup from usage_daily (after a bulk load with the trigger disabled, or a
-- repair). Usage is attributed to each developer's current tier.
CREATE FUNCTION "usage_rollups_rebuild"() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM usage_key_monthly;
    DELETE FROM usage_developer_daily;
    DELETE FROM usage_tier_daily;
    INSERT INTO usage_key_monthly (key_id, month, developer_id, tier_slug, requests)
    SELECT u.key_id, date_trunc('month', u.day)::date, u.developer_id, COALESCE(d.tier_slug, ''), sum(u.requests)
    FROM usage_daily u LEFT JOIN developers d ON d.id = u.developer_id
    GROUP BY 1, 2, 3, 4;
    INSERT INTO usage_developer_daily (developer_id, day, tier_slug, requests)
    SELECT u.developer_id, u.day, COALESCE(d.tier_slug, ''), sum(u.requests)
    FROM usage_daily u LEFT JOIN developers d ON d.id = u.developer_id
    GROUP BY 1, 2, 3;
    INSERT INTO usage_tier_daily (day, tier_slug, requests)
    SELECT day, tier_slug, sum(requests) FROM usage_developer_daily GROUP BY 1, 2;
END;
$$;
