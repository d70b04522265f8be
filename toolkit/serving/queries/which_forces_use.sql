-- title: Which forces use a technology?
-- description: >-
--   Forces with any evidence that they use the technology: a disclosed figure of uses, devices,
--   matches or a trial above zero (a planned one is not evidence), or a yes in_use finding, with
--   the kind of source that says so. Pick a technology: mobile_fingerprint_scanner, knife_arch,
--   knife_wand or phone_extraction.
-- parameters:
--   technology:
--     description: >-
--       The technology: mobile_fingerprint_scanner, knife_arch, knife_wand or phone_extraction
--     example: mobile_fingerprint_scanner
SELECT force_name, evidence, earliest, latest, source_kind, references_
FROM technology_evidence_summary  /* the view technology_evidence, summarised at publish */
WHERE technology = :technology
ORDER BY force_name
