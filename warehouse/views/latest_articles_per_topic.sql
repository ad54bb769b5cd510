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
