-- Stories per topic and hour over the last 48 hours (syndicated copies count once).
SELECT topic, hour, stories, articles, outlets
FROM topic_volume_hourly
WHERE hour >= now() - INTERVAL 48 HOUR
ORDER BY topic, hour;
