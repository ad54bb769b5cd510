-- Articles, independent stories and outlets per topic and UTC hour of counts_at (the
-- publication time, or when the page was fetched if it gave none or only the day). Bucketed
-- as the alerts flow counts (time_bucket from the Unix epoch), so the hours are UTC hours
-- whatever the session's TimeZone; date_trunc would cut them at local hours.
CREATE OR REPLACE VIEW topic_volume_hourly AS
SELECT
    t.topic,
    time_bucket(INTERVAL 1 HOUR, a.counts_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS hour,
    count(*)                                                  AS articles,
    count(DISTINCT coalesce(a.story_id, a.url_hash))          AS stories,
    count(DISTINCT a.outlet)                                  AS outlets
FROM article_topics t
JOIN articles a USING (url_hash)
GROUP BY ALL;

COMMENT ON VIEW topic_volume_hourly IS 'Articles, independent stories and outlets per topic and UTC hour of counts_at (publication time, else when the page was fetched: see articles.counts_at)';
COMMENT ON COLUMN topic_volume_hourly.topic IS 'Topic name';
COMMENT ON COLUMN topic_volume_hourly.hour IS 'Start of the UTC hour, whatever the session TimeZone';
COMMENT ON COLUMN topic_volume_hourly.articles IS 'Articles mentioning the topic';
COMMENT ON COLUMN topic_volume_hourly.stories IS 'Independent stories: syndicated copies count once (what alerts count)';
COMMENT ON COLUMN topic_volume_hourly.outlets IS 'Outlets that covered it';
