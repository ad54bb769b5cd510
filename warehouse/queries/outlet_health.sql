-- Which outlets are failing or going quiet: last success, failure streak, 304 share.
SELECT outlet, last_success, consecutive_failures, failed_fetches, fetches,
       round(not_modified_ratio, 2) AS not_modified_ratio, articles_24h, articles
FROM outlet_health
ORDER BY consecutive_failures DESC, articles_24h;
