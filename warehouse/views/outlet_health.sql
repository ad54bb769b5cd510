-- Per outlet: when a fetch (other than robots.txt) last worked, how many failed since, the share of feed
-- fetches answered 304 Not Modified, and what reached the warehouse.
CREATE OR REPLACE VIEW outlet_health AS
WITH fetches AS (
    SELECT
        outlet, kind, status, not_modified, error_class, fetched_at,
        (error_class IS NULL AND status BETWEEN 200 AND 399) AS ok
    FROM fetch_log
),
per_outlet AS (
    SELECT
        outlet,
        max(fetched_at) FILTER (WHERE ok AND kind <> 'robots')     AS last_success,
        max(fetched_at)                                           AS last_fetch,
        count(*)                                                  AS fetches,
        count(*) FILTER (WHERE NOT ok)                            AS failed_fetches,
        avg(CASE WHEN not_modified THEN 1 ELSE 0 END)
            FILTER (WHERE kind IN ('feed', 'sitemap', 'listing'))  AS not_modified_ratio
    FROM fetches
    GROUP BY outlet
),
streaks AS (
    SELECT f.outlet, count(*) AS consecutive_failures
    FROM fetches f
    JOIN per_outlet p USING (outlet)
    WHERE NOT f.ok AND (p.last_success IS NULL OR f.fetched_at > p.last_success)
    GROUP BY f.outlet
),
loaded AS (
    SELECT
        outlet,
        count(*)                                                   AS articles,
        count(*) FILTER (WHERE loaded_at > now() - INTERVAL 1 DAY) AS articles_24h,
        max(loaded_at)                                             AS last_article_loaded
    FROM articles
    GROUP BY outlet
)
SELECT
    o.name AS outlet,
    p.last_success,
    p.last_fetch,
    coalesce(s.consecutive_failures, 0) AS consecutive_failures,
    coalesce(p.fetches, 0)              AS fetches,
    coalesce(p.failed_fetches, 0)       AS failed_fetches,
    p.not_modified_ratio,
    coalesce(l.articles, 0)             AS articles,
    coalesce(l.articles_24h, 0)         AS articles_24h,
    l.last_article_loaded
FROM outlets o
LEFT JOIN per_outlet p ON p.outlet = o.name
LEFT JOIN streaks s ON s.outlet = o.name
LEFT JOIN loaded l ON l.outlet = o.name;

COMMENT ON VIEW outlet_health IS 'Per outlet: last successful fetch, failure streak, 304 share, articles loaded';
COMMENT ON COLUMN outlet_health.outlet IS 'Outlet name';
COMMENT ON COLUMN outlet_health.last_success IS 'Last fetch of a feed, sitemap, listing or article that worked (UTC); robots.txt answers for the host, not the news';
COMMENT ON COLUMN outlet_health.last_fetch IS 'Last fetch attempt (UTC)';
COMMENT ON COLUMN outlet_health.consecutive_failures IS 'Failed fetches since the last success';
COMMENT ON COLUMN outlet_health.fetches IS 'Fetch attempts recorded';
COMMENT ON COLUMN outlet_health.failed_fetches IS 'Of those, failed';
COMMENT ON COLUMN outlet_health.not_modified_ratio IS 'Share of feed, sitemap and listing fetches answered 304 Not Modified';
COMMENT ON COLUMN outlet_health.articles IS 'Articles loaded, all time';
COMMENT ON COLUMN outlet_health.articles_24h IS 'Articles loaded in the last 24 hours';
COMMENT ON COLUMN outlet_health.last_article_loaded IS 'When its last article was loaded (UTC)';
