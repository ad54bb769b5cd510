-- Stories carried by the most outlets in the last 7 days: wire copies grouped as one story.
-- One outlet's reposts of its own story are not syndication.
SELECT
    any_value(a.title ORDER BY a.published_at)      AS first_headline,
    count(*)                                        AS copies,
    count(DISTINCT a.outlet)                        AS outlets,
    min(a.published_at)                             AS first_seen,
    list(DISTINCT a.outlet ORDER BY a.outlet)       AS carried_by
FROM articles a
WHERE a.counts_at >= now() - INTERVAL 7 DAY
GROUP BY a.story_id
HAVING count(DISTINCT a.outlet) > 1
ORDER BY outlets DESC, copies DESC, first_seen DESC
LIMIT 20;
