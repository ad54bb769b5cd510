-- Why rows were quarantined, per outlet and failed expectation (unreleased rows only).
SELECT outlet, expectation, count(*) AS rows
FROM (
    SELECT outlet, unnest(failed_expectations) AS expectation
    FROM quarantine
    WHERE released_at IS NULL
)
GROUP BY ALL
ORDER BY rows DESC;
