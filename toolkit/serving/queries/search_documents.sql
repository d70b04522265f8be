-- title: Full-text search of the response documents
-- description: >-
--   Search the text of every response document: the passages that hold every word typed, best
--   match first.
-- parameters:
--   q:
--     description: >-
--       The words to find. Each word is searched for as typed, and "words in quotes" as a
--       phrase, whatever characters they hold.
--     example: kiosk
--   raw:
--     description: >-
--       Leave empty, or type yes to read q as SQLite full-text syntax: "a phrase", OR, NOT,
--       NEAR(word word, 5), prefix*, filename:word. Input that is not valid syntax is searched
--       as plain words instead.
--     example: ""
SELECT d.filename, r.force_id, r.reference, r.source_kind, snippet(documents_fts, 1, '[', ']', ' ... ', 24) AS passage
FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid JOIN responses r ON r.response_id = d.response_id
WHERE documents_fts MATCH fts_query(:q, :raw)
ORDER BY rank LIMIT 50
