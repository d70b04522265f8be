-- title: A measure by force and year
-- description: >-
--   One technology's measure (uses, matches, devices_in_service...) for every force and period,
--   with qualifier and source kind so that part-year, approximate and secondary figures stand
--   out.
-- parameters:
--   technology:
--     description: >-
--       The technology: mobile_fingerprint_scanner, knife_arch, knife_wand or phone_extraction
--     example: mobile_fingerprint_scanner
--   measure:
--     description: >-
--       What is counted: uses, matches, devices_in_service, devices_deployed, people,
--       weapons_found...
--     example: uses
SELECT force_name, period_label, period_start, period_end, breakdown, breakdown_value, value, unit, qualifier, source_kind, caveat, reference
FROM forces f CROSS JOIN figures_by_force_year v ON v.force_id = f.force_id  /* forces by name first: the rows stream in order */
WHERE technology = :technology AND measure = :measure
ORDER BY f.name, f.rowid, period_start, breakdown_value  /* f.rowid: one force at a time, its figures in index order */
