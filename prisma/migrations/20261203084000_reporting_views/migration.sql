-- Added by hand (Prisma does not model views): the reporting views. Each lib owns its tables and
-- alone reads or writes them (README "Architecture"); where another lib's SQL must join them (the
-- admin reports, the CSV export, usage per rotation lineage, billing's metering and past-due sweep,
-- the count of usage plans), it reads the owner's view below instead, which names the columns the
-- owner publishes. They are plain views: the planner inlines them, so a report costs what the same
-- join on the tables cost. Read-only by contract: nothing writes through them. An owner changing
-- its table keeps its view's columns (or changes its readers).

-- Owned by libs/tiers: a tier's quota.
CREATE VIEW "reporting_tiers" AS
SELECT "slug", "quota_limit", "quota_period"
FROM "tiers";

-- Owned by libs/developers: who a developer is for reports and billing (their Stripe customer), with
-- the quota in effect (the SQL twin of effectiveQuota in libs/developers/src/developer.ts: their own
-- quota when an admin set one, else their tier's). A LEFT JOIN on the tier's key, so a read that
-- uses no quota column skips the tier.
CREATE VIEW "reporting_developers" AS
SELECT d."id", d."email", d."tier_slug", d."stripe_customer_id",
       CASE WHEN d."quota_limit_override" IS NOT NULL AND d."quota_period_override" IS NOT NULL
            THEN d."quota_limit_override" ELSE t."quota_limit" END AS "quota_limit",
       CASE WHEN d."quota_limit_override" IS NOT NULL AND d."quota_period_override" IS NOT NULL
            THEN d."quota_period_override" ELSE t."quota_period" END AS "quota_period"
FROM "developers" d LEFT JOIN "reporting_tiers" t ON t."slug" = d."tier_slug";

-- Owned by libs/developers: the requests granted on top of a quota, per period.
CREATE VIEW "reporting_quota_grants" AS
SELECT "developer_id", "period_start", "requests"
FROM "quota_grants";

-- Owned by libs/keys: which developer and rotation lineage a key belongs to (never its hash or sealed value).
CREATE VIEW "reporting_api_keys" AS
SELECT "id", "developer_id", "lineage_id"
FROM "api_keys";

-- Owned by libs/usage: requests per key and UTC day.
CREATE VIEW "reporting_usage_daily" AS
SELECT "key_id", "developer_id", "day", "requests"
FROM "usage_daily";
