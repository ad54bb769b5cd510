-- The detector's reasoning over the last 12 hours, for each topic that was not simply quiet
-- (alerts and episodes first, then the closest calls: the highest scores).
SELECT topic, bucket_start, observed, round(expected, 2) AS expected, round(score, 2) AS score,
       status, reason
FROM spike_decisions
WHERE bucket_start >= now() - INTERVAL 12 HOUR
    AND NOT (status = 'quiet' AND observed = 0)
ORDER BY status IN ('alert', 'ongoing', 'follow_up', 'ended') DESC, score DESC, topic,
         bucket_start
LIMIT 50;
