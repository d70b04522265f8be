-- title: What did a force disclose?
-- description: >-
--   Everything one force's responses said: each figure with its quote or locator, then each
--   outcome. Give the force id (e.g. metropolitan, northumbria, west-midlands).
-- parameters:
--   force_id:
--     description: >-
--       The force's id, as in the forces table (e.g. metropolitan, northumbria,
--       west-midlands)
--     example: metropolitan
SELECT 'figure' AS kind, technology, measure, breakdown, breakdown_value, period_label, CAST(value AS TEXT) AS value_or_status, unit AS unit_or_exemptions, source_kind, reference, coalesce(quote, locator) AS evidence
FROM figures_by_force_year WHERE force_id = :force_id
UNION ALL
SELECT 'outcome', technology, measure, breakdown, NULL, coalesce(period_start || '..' || coalesce(period_end, ''), ''), status, exemptions, source_kind, reference, coalesce(quote, locator)
FROM outcomes_by_topic WHERE force_id = :force_id
ORDER BY kind, technology, measure
