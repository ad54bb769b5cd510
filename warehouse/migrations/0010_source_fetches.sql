-- An outlet whose feed answers 404 behind a good robots.txt was counted as reachable: the
-- robots.txt fetch was a fetch that worked. Health checks now count the fetches of the
-- outlet's news only (feeds, sitemaps, listings, articles).

COMMENT ON COLUMN outlet_health_checks.fetches IS
    'fetches of the outlet in this run other than robots.txt (feeds, sitemaps, listings, articles); NULL on checks from before 0007';
COMMENT ON COLUMN outlet_health_checks.failed_fetches IS
    'Failed fetches this run other than robots.txt (which a blocked fetch records on its own)';
