-- title: Fingerprint scanner searches and matches, by force and year
-- description: >-
--   Searches (uses) and matches against the police (IDENT1) and immigration (IABS) databases,
--   one row per force and period, with source kind and qualifier.
SELECT force_name, period_label, period_start, period_end,
  max(CASE WHEN measure = 'uses' THEN value END) AS searches,
  max(CASE WHEN measure = 'matches' AND breakdown_value = 'police' THEN value END) AS police_matches,
  max(CASE WHEN measure = 'matches' AND breakdown_value = 'immigration' THEN value END) AS immigration_matches,
  group_concat(DISTINCT qualifier) AS qualifiers, source_kind
FROM figures_by_force_year
WHERE technology = 'mobile_fingerprint_scanner' AND measure IN ('uses', 'matches') AND breakdown IN ('none', 'database')
GROUP BY force_id, period_start, period_end, source_kind
ORDER BY force_name, period_start
