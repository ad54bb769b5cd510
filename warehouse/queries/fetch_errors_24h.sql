-- What went wrong fetching in the last 24 hours, by outlet and kind of error.
SELECT outlet, kind, error_class, count(*) AS fetches, any_value(error_message) AS example
FROM fetch_log
WHERE error_class IS NOT NULL AND fetched_at >= now() - INTERVAL 24 HOUR
GROUP BY ALL
ORDER BY fetches DESC;
