-- Articles, independent stories and outlets per topic and UTC hour (by publication time,
-- or load time when the page gave none).
CREATE OR REPLACE VIEW topic_volume_hourly AS
SELECT
    t.topic,
    date_trunc('hour', coalesce(a.published_at, a.loaded_at)) AS hour,
    count(*)                                                  AS articles,
    count(DISTINCT coalesce(a.story_id, a.url_hash))          AS stories,
    count(DISTINCT a.outlet)                                  AS outlets
FROM article_topics t
JOIN articles a USING (url_hash)
GROUP BY ALL;
