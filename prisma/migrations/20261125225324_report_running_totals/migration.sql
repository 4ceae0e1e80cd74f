-- CreateTable
CREATE TABLE "usage_developer_mtd" (
    "day" DATE NOT NULL,
    "developer_id" TEXT NOT NULL,
    "requests" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "usage_developer_mtd_pkey" PRIMARY KEY ("developer_id","day")
);

-- CreateIndex
CREATE INDEX "usage_developer_mtd_day_developer_id_requests_idx" ON "usage_developer_mtd"("day", "developer_id", "requests");

-- Added by hand (Prisma does not model triggers). A developer's running total through each day of
-- a month, from their first request of the month to its last day, so that any range is summed from
-- at most two rows per month and developer whatever its length: what the top and quota-utilization
-- reports read for all developers at once. Rows are dense from the first day on, so a row created
-- before an existing one starts from zero.
CREATE FUNCTION "usage_running_totals_apply"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    row_day date;
    row_developer text;
    delta bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        row_day := OLD.day; row_developer := OLD.developer_id; delta := -OLD.requests;
    ELSE
        row_day := NEW.day; row_developer := NEW.developer_id;
        delta := NEW.requests - CASE WHEN TG_OP = 'UPDATE' THEN OLD.requests ELSE 0 END;
    END IF;
    IF delta = 0 THEN RETURN NULL; END IF;
    INSERT INTO usage_developer_mtd (day, developer_id, requests)
    SELECT g::date, row_developer, delta
    FROM generate_series(row_day::timestamp, date_trunc('month', row_day) + interval '1 month - 1 day', interval '1 day') g
    ON CONFLICT (day, developer_id) DO UPDATE SET requests = usage_developer_mtd.requests + EXCLUDED.requests;
    RETURN NULL;
END;
$$;

-- Fires after usage_daily_rollups (triggers run in name order), which refuses rows that move.
CREATE TRIGGER "usage_daily_running_totals"
AFTER INSERT OR UPDATE OF requests OR DELETE ON "usage_daily"
FOR EACH ROW EXECUTE FUNCTION "usage_running_totals_apply"();

CREATE FUNCTION "usage_running_totals_rebuild"() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM usage_developer_mtd;
    INSERT INTO usage_developer_mtd (day, developer_id, requests)
    SELECT g::date, f.developer_id,
           (sum(COALESCE(u.requests, 0)) OVER (PARTITION BY f.developer_id, f.month ORDER BY g))::bigint
    FROM (
        SELECT developer_id, date_trunc('month', day) AS month, min(day) AS first_day FROM usage_daily GROUP BY 1, 2
    ) f
    CROSS JOIN LATERAL generate_series(f.first_day::timestamp, f.month + interval '1 month - 1 day', interval '1 day') g
    LEFT JOIN (
        SELECT developer_id, day, sum(requests) AS requests FROM usage_daily GROUP BY 1, 2
    ) u ON u.developer_id = f.developer_id AND u.day = g::date;
END;
$$;

-- The one rebuild an operator runs after a bulk load with the triggers off: now also the running totals.
CREATE OR REPLACE FUNCTION "usage_rollups_rebuild"() RETURNS void
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
    PERFORM usage_running_totals_rebuild();
END;
$$;
