-- title: Fingerprint scanner searches and matches, by force and year
-- description: >-
--   Searches (uses) and matches against the police (IDENT1) and immigration (IABS) databases,
--   one row per force and period, with source kind and qualifier. Where responses give one
--   period differently, the pair is the latest response's that gives both.
SELECT force_name, period_label, period_start, period_end, searches, police_matches,
  immigration_matches, qualifiers, source_kind
FROM scanner_searches_and_matches_summary  /* the view scanner_searches_and_matches, summarised at publish */
ORDER BY force_name, period_start
