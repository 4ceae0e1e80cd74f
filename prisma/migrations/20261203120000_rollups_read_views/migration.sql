-- Added by hand (Prisma does not model triggers or functions): the reports' rollups (owned by
-- libs/reports) read the developer's tier and the daily usage through their owners' reporting views
-- (migration `reporting_views`), not through the developers and usage_daily tables. Same behaviour:
-- each change adds its difference to the developer's tier as it is at that moment, and a rebuild
-- attributes usage to each developer's current tier. Selecting only tier_slug lets the planner drop
-- the view's tier join.

CREATE OR REPLACE FUNCTION "usage_rollups_apply"() RETURNS trigger
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
    SELECT d.tier_slug INTO tier FROM reporting_developers d WHERE d.id = row_developer;
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

CREATE OR REPLACE FUNCTION "usage_running_totals_rebuild"() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM usage_developer_mtd;
    INSERT INTO usage_developer_mtd (day, developer_id, requests)
    SELECT g::date, f.developer_id,
           (sum(COALESCE(u.requests, 0)) OVER (PARTITION BY f.developer_id, f.month ORDER BY g))::bigint
    FROM (
        SELECT developer_id, date_trunc('month', day) AS month, min(day) AS first_day FROM reporting_usage_daily GROUP BY 1, 2
    ) f
    CROSS JOIN LATERAL generate_series(f.first_day::timestamp, f.month + interval '1 month - 1 day', interval '1 day') g
    LEFT JOIN (
        SELECT developer_id, day, sum(requests) AS requests FROM reporting_usage_daily GROUP BY 1, 2
    ) u ON u.developer_id = f.developer_id AND u.day = g::date;
END;
$$;

CREATE OR REPLACE FUNCTION "usage_rollups_rebuild"() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM usage_key_monthly;
    DELETE FROM usage_developer_daily;
    DELETE FROM usage_tier_daily;
    INSERT INTO usage_key_monthly (key_id, month, developer_id, tier_slug, requests)
    SELECT u.key_id, date_trunc('month', u.day)::date, u.developer_id, COALESCE(d.tier_slug, ''), sum(u.requests)
    FROM reporting_usage_daily u LEFT JOIN reporting_developers d ON d.id = u.developer_id
    GROUP BY 1, 2, 3, 4;
    INSERT INTO usage_developer_daily (developer_id, day, tier_slug, requests)
    SELECT u.developer_id, u.day, COALESCE(d.tier_slug, ''), sum(u.requests)
    FROM reporting_usage_daily u LEFT JOIN reporting_developers d ON d.id = u.developer_id
    GROUP BY 1, 2, 3;
    INSERT INTO usage_tier_daily (day, tier_slug, requests)
    SELECT day, tier_slug, sum(requests) FROM usage_developer_daily GROUP BY 1, 2;
    PERFORM usage_running_totals_rebuild();
END;
$$;
