-- title: Which forces use a technology?
-- description: >-
--   Forces with any evidence that they use the technology: a disclosed figure of uses or devices
--   above zero, or a yes in_use finding, with the kind of source that says so. Pick a
--   technology: mobile_fingerprint_scanner, knife_arch, knife_wand or phone_extraction.
-- parameters:
--   technology:
--     description: >-
--       The technology: mobile_fingerprint_scanner, knife_arch, knife_wand or phone_extraction
--     example: mobile_fingerprint_scanner
SELECT f.name AS force_name, group_concat(DISTINCT o.measure) AS evidence, min(o.period_start) AS earliest, max(o.period_end) AS latest,
  group_concat(DISTINCT r.source_kind) AS source_kind, group_concat(DISTINCT r.reference) AS references_
FROM observations o JOIN responses r ON r.response_id = o.response_id JOIN forces f ON f.force_id = o.force_id
WHERE o.technology = :technology AND o.value > 0
  AND o.measure IN ('uses', 'devices_deployed', 'devices_in_service', 'in_use', 'trialled', 'matches')
GROUP BY f.force_id ORDER BY f.name
