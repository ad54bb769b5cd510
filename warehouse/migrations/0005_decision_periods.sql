-- The calibrated detector's numbers on every decision: how rare the score is in the topic's
-- own history, and the bar the sensitivity set (both spans; NULL while learning).

ALTER TABLE spike_decisions ADD COLUMN return_period INTERVAL;
ALTER TABLE spike_decisions ADD COLUMN threshold_period INTERVAL;

COMMENT ON COLUMN spike_decisions.return_period IS
    'A score this high occurs about once per this span in this topic''s own history (the Gumbel law of its daily maximum scores, capped by the count model''s own tail); NULL while learning';
COMMENT ON COLUMN spike_decisions.threshold_period IS
    'The sensitivity''s bar as a span (fewer 13 weeks, balanced 5 weeks, more 2 weeks, or the configured span): a bucket is over the threshold when return_period >= threshold_period';
