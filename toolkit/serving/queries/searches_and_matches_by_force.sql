-- title: Fingerprint scanner searches and matches by force (all years)
-- description: >-
--   Totals per force and source kind over the calendar years that give both searches and
--   police matches (each year's pair from one response), with the years they cover and the
--   match rate; part-year, financial-year and overlapping periods are listed apart in
--   searches_and_matches_by_force_and_year.
SELECT force_name, source_kind, from_, to_, searches, police_matches, immigration_matches,
  police_matches_per_100, immigration_matches_per_100
FROM scanner_totals_by_force_summary  /* the view scanner_totals_by_force, summarised at publish */
ORDER BY force_name
