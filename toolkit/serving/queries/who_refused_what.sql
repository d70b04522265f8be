-- title: Who refused what, and under which exemption
-- description: >-
--   Every outcome that withheld information: refusals, cost limits, not held, neither confirm
--   nor deny.
SELECT force_name, technology, measure, breakdown, status, exemptions, reason, source_kind, reference, locator
FROM outcomes_by_topic
WHERE status NOT IN ('disclosed')
ORDER BY force_name, technology, measure, source_kind
