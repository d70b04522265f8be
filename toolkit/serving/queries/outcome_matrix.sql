-- title: "Outcome matrix: what each force disclosed, refused or did not hold"
-- description: >-
--   One row per force that answered or was asked, one column per technology for its own
--   responses ('not asked' where none; where a campaign asked it and no own response answers,
--   'no_response' if a request is overdue, else 'awaiting' if one is not yet due, else 'answered'
--   where its answer is not read yet) and one for compilations (secondary sources); source_kind
--   lists the kinds held.
SELECT * FROM outcome_matrix_summary  /* the view outcome_matrix, from the summarised cells and today's requests */
/* a force's own cells first: its requests' cells are worked out only if some force has none */
WHERE force_id IN (SELECT force_id FROM outcome_cells_summary)
   OR force_id IN (SELECT force_id FROM matrix_cells_summary)
ORDER BY force_name
