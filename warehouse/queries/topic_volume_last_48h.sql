-- Stories per topic and UTC hour since the start of the hour 48 hours ago (syndicated
-- copies count once): topic_volume_hourly's numbers, with the articles filtered first.
SELECT
    t.topic,
    time_bucket(INTERVAL 1 HOUR, a.counts_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS hour,
    count(DISTINCT coalesce(a.story_id, a.url_hash))    AS stories,
    count(*)                                            AS articles,
    count(DISTINCT a.outlet)                            AS outlets
FROM articles a
JOIN article_topics t USING (url_hash)
WHERE a.counts_at >= time_bucket(
    INTERVAL 1 HOUR, now() - INTERVAL 48 HOUR, TIMESTAMPTZ '1970-01-01 00:00:00+00')
GROUP BY ALL
ORDER BY topic, hour;
