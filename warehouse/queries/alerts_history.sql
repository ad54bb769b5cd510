-- Every alert with its numbers and how far its delivery got.
SELECT created_at, topic, kind, bucket_start, observed, round(expected, 2) AS expected,
       round(score, 1) AS score, articles, stories, outlets, status, attempts, last_error
FROM alerts
ORDER BY created_at DESC;
