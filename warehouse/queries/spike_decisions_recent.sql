-- The detector's reasoning for each topic over the last 12 hours.
SELECT topic, bucket_start, observed, round(expected, 2) AS expected, round(score, 2) AS score,
       status, reason
FROM spike_decisions
WHERE bucket_start >= now() - INTERVAL 12 HOUR
ORDER BY topic, bucket_start;
