-- title: Who refused what, and under which exemption
-- description: >-
--   Every outcome that withheld information: refusals, cost limits, not held, neither confirm
--   nor deny.
SELECT force_name, technology, measure, breakdown, status, exemptions, reason, source_kind, reference, locator
FROM forces f CROSS JOIN outcomes_by_topic v ON v.force_id = f.force_id  /* forces by name first: the rows stream in order */
WHERE status NOT IN ('disclosed')
ORDER BY f.name, f.rowid, technology, measure, source_kind  /* f.rowid: one force at a time, its outcomes in index order */
