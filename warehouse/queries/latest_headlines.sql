-- The newest headlines per topic, one line per story, with the outlet and a link.
SELECT topic, published_at, outlet, title, url
FROM latest_articles_per_topic
QUALIFY row_number() OVER (PARTITION BY topic, coalesce(story_id, url) ORDER BY published_at) = 1
ORDER BY topic, published_at DESC;
