-- title: Who refused what, and under which exemption, and who has not answered
-- description: >-
--   Every outcome that withheld information: refusals, cost limits, not held, neither confirm
--   nor deny; and, as 'no_response', every topic a campaign asked a force about whose request is
--   overdue and unanswered today (campaign_id and overdue_working_days say which and how late;
--   an outcome's campaign_id is its response's).
SELECT f.name AS force_name, technology, measure, breakdown, status, exemptions, reason, source_kind, reference, locator, (SELECT r.campaign_id FROM responses r WHERE r.response_id = v.response_id) AS campaign_id, NULL AS overdue_working_days
FROM forces f CROSS JOIN outcomes_by_topic v ON v.force_id = f.force_id  /* forces by name first: the rows stream in order */
WHERE status NOT IN ('disclosed')
UNION ALL
SELECT f.name AS force_name, technology, measure, breakdown, status, exemptions, reason, source_kind, reference, locator, campaign_id, overdue_working_days
FROM forces f CROSS JOIN silence_by_topic s ON s.force_id = f.force_id  /* forces by name too: the silent rows are sorted a force at a time */
ORDER BY force_name, technology, measure, source_kind  /* merged: both stream */
