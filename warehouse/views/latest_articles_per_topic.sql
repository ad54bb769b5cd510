-- The 20 newest articles of each topic, with the weight of the match.
CREATE OR REPLACE VIEW latest_articles_per_topic AS
SELECT topic, published_at, outlet, title, url, weight, story_id
FROM (
    SELECT
        t.topic, a.published_at, a.outlet, a.title, a.url, t.weight, a.story_id,
        row_number() OVER (
            PARTITION BY t.topic ORDER BY coalesce(a.published_at, a.loaded_at) DESC
        ) AS rank
    FROM article_topics t
    JOIN articles a USING (url_hash)
)
WHERE rank <= 20;

COMMENT ON VIEW latest_articles_per_topic IS 'The 20 newest articles of each topic, with the weight of the match';
COMMENT ON COLUMN latest_articles_per_topic.topic IS 'Topic name';
COMMENT ON COLUMN latest_articles_per_topic.published_at IS 'Publication time (UTC)';
COMMENT ON COLUMN latest_articles_per_topic.outlet IS 'Outlet name';
COMMENT ON COLUMN latest_articles_per_topic.title IS 'Headline';
COMMENT ON COLUMN latest_articles_per_topic.url IS 'Canonical URL';
COMMENT ON COLUMN latest_articles_per_topic.weight IS 'Match weight: 3 x title mentions + body mentions';
COMMENT ON COLUMN latest_articles_per_topic.story_id IS 'Copies of one story share it (one line per story: see latest_headlines.sql)';
