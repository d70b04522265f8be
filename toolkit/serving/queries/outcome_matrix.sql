-- title: "Outcome matrix: what each force disclosed, refused or did not hold"
-- description: >-
--   One row per force that answered, one column per technology for its own responses ('not
--   asked' where none) and one for compilations (secondary sources); source_kind lists the kinds
--   held.
SELECT * FROM outcome_matrix
WHERE force_id IN (SELECT force_id FROM outcomes)
ORDER BY force_name
