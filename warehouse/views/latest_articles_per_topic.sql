-- The 20 newest articles of each topic, with the weight of the match.
CREATE OR REPLACE VIEW latest_articles_per_topic AS
-- Joining every match to its article costs seconds at a year's scale, so the matches of
-- the last 7 days are joined first: a topic with 20 of them there has its newest 20
-- among them. Only the topics with fewer are looked up in full.
WITH recent AS (
    SELECT t.topic, t.weight, a.published_at, a.published_date_only, a.counts_at, a.outlet,
        a.title, a.url, a.story_id
    FROM articles a
    JOIN article_topics t USING (url_hash)
    WHERE a.counts_at >= now() - INTERVAL 7 DAY
),
thin AS (
    SELECT DISTINCT topic FROM article_topics
    EXCEPT
    SELECT topic FROM recent GROUP BY topic HAVING count(*) >= 20
),
candidates AS (
    SELECT * FROM recent WHERE topic NOT IN (SELECT topic FROM thin)
    UNION ALL
    SELECT t.topic, t.weight, a.published_at, a.published_date_only, a.counts_at, a.outlet,
        a.title, a.url, a.story_id
    FROM article_topics t
    JOIN articles a USING (url_hash)
    WHERE t.topic IN (SELECT topic FROM thin)
)
SELECT topic, a.published_at, a.published_date_only, a.outlet, a.title, a.url, a.weight,
    a.story_id
FROM (
    -- max_by's top 20 keeps a small heap per topic instead of sorting every match
    SELECT
        topic,
        unnest(max_by({'published_at': published_at, 'published_date_only': published_date_only,
                       'outlet': outlet, 'title': title, 'url': url, 'weight': weight,
                       'story_id': story_id},
                      counts_at, 20)) AS a
    FROM candidates
    GROUP BY topic
);

COMMENT ON VIEW latest_articles_per_topic IS 'The 20 newest articles of each topic, with the weight of the match';
COMMENT ON COLUMN latest_articles_per_topic.topic IS 'Topic name';
COMMENT ON COLUMN latest_articles_per_topic.published_at IS 'Publication time (UTC)';
COMMENT ON COLUMN latest_articles_per_topic.published_date_only IS 'true when the page gave only the day: published_at is that day at noon UTC';
COMMENT ON COLUMN latest_articles_per_topic.outlet IS 'Outlet name';
COMMENT ON COLUMN latest_articles_per_topic.title IS 'Headline';
COMMENT ON COLUMN latest_articles_per_topic.url IS 'Canonical URL';
COMMENT ON COLUMN latest_articles_per_topic.weight IS 'Match weight: 3 x title mentions + body mentions';
COMMENT ON COLUMN latest_articles_per_topic.story_id IS 'Copies of one story share it (one line per story: see latest_headlines.sql)';
