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
FROM figures_by_force_year
WHERE technology = :technology AND measure = :measure
ORDER BY force_name, period_start, breakdown_value
