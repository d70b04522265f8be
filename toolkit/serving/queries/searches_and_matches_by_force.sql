-- title: Fingerprint scanner searches and matches by force (all years)
-- description: >-
--   Totals per force and source kind of the yearly figures disclosed, with the years they cover
--   and the match rate; part-year and overlapping periods are listed apart in
--   searches_and_matches_by_force_and_year.
SELECT force_name, source_kind, min(period_start) AS from_, max(period_end) AS to_, sum(searches) AS searches, sum(police_matches) AS police_matches, sum(immigration_matches) AS immigration_matches,
  round(100.0 * sum(police_matches) / sum(searches), 1) AS police_matches_per_100, round(100.0 * sum(immigration_matches) / sum(searches), 1) AS immigration_matches_per_100
FROM (SELECT force_id, force_name, source_kind, period_start, period_end,
    max(CASE WHEN measure = 'uses' AND breakdown = 'none' THEN value END) AS searches,
    max(CASE WHEN measure = 'matches' AND breakdown_value = 'police' THEN value END) AS police_matches,
    max(CASE WHEN measure = 'matches' AND breakdown_value = 'immigration' THEN value END) AS immigration_matches
  FROM figures_by_force_year WHERE technology = 'mobile_fingerprint_scanner'
  GROUP BY force_id, source_kind, period_start, period_end)
WHERE searches IS NOT NULL AND police_matches IS NOT NULL
GROUP BY force_id, source_kind ORDER BY force_name
