-- title: "Outcome matrix: what each force disclosed, refused or did not hold"
-- description: >-
--   One row per force that answered or was asked, one column per technology for its own
--   responses ('not asked' where none; 'no_response' where a campaign's request to it is overdue
--   and unanswered, 'awaiting' where one is not yet due) and one for compilations (secondary
--   sources); source_kind lists the kinds held.
SELECT * FROM outcome_matrix_summary  /* the view outcome_matrix, from the summarised cells and today's requests */
WHERE force_id IN (SELECT force_id FROM matrix_cells_summary)
ORDER BY force_name
