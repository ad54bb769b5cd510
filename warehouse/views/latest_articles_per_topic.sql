-- The 20 newest articles of each topic, with the weight of the match.
CREATE OR REPLACE VIEW latest_articles_per_topic AS
SELECT topic, a.published_at, a.outlet, a.title, a.url, a.weight, a.story_id
FROM (
    -- max_by's top 20 keeps a small heap per topic instead of sorting every match
    SELECT
        t.topic,
        unnest(max_by({'published_at': a.published_at, 'outlet': a.outlet, 'title': a.title,
                       'url': a.url, 'weight': t.weight, 'story_id': a.story_id},
                      coalesce(a.published_at, a.loaded_at), 20)) AS a
    FROM article_topics t
    JOIN articles a USING (url_hash)
    GROUP BY t.topic
);

COMMENT ON VIEW latest_articles_per_topic IS 'The 20 newest articles of each topic, with the weight of the match';
COMMENT ON COLUMN latest_articles_per_topic.topic IS 'Topic name';
COMMENT ON COLUMN latest_articles_per_topic.published_at IS 'Publication time (UTC)';
COMMENT ON COLUMN latest_articles_per_topic.outlet IS 'Outlet name';
COMMENT ON COLUMN latest_articles_per_topic.title IS 'Headline';
COMMENT ON COLUMN latest_articles_per_topic.url IS 'Canonical URL';
COMMENT ON COLUMN latest_articles_per_topic.weight IS 'Match weight: 3 x title mentions + body mentions';
COMMENT ON COLUMN latest_articles_per_topic.story_id IS 'Copies of one story share it (one line per story: see latest_headlines.sql)';
