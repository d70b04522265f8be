"""Streaming and incremental publishing: batches keep the cross-document rules; a published
document is skipped before it is parsed, unless the code that read it has changed."""

import sqlite3
from dataclasses import replace

import pytest
from conftest import MET_HTML, MET_TEXT
from multiforce.forces.metropolitan import Metropolitan
from multiforce.toolkit import pipeline
from multiforce.toolkit.errors import ValidationFailed
from multiforce.toolkit.pipeline import build, ingest
from multiforce.toolkit.store import publish as publishing
from test_faults import met_batch
from test_publish import dump


def count(db, table):
    return sqlite3.connect(db).execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def refuse_to_parse(*args, **kwargs):
    raise AssertionError("a published document was parsed again")


def test_a_published_document_is_skipped_without_being_parsed(tmp_path, monkeypatch):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    monkeypatch.setattr(pipeline, "parse", refuse_to_parse)
    [item] = ingest(db, [MET_TEXT])
    assert item.skipped and item.force_id == "metropolitan"
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before  # not even rewritten


def test_only_the_new_document_is_parsed(tmp_path, monkeypatch):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    parsed = []
    real = pipeline.parse
    monkeypatch.setattr(
        pipeline, "parse", lambda path, force=None: parsed.append(path.name) or real(path, force)
    )
    results = ingest(db, [MET_TEXT, MET_HTML])
    assert parsed == [MET_HTML.name]
    assert sorted(item.skipped for item in results) == [False, True]
    assert count(db, "documents") == 2


class Revised(Metropolitan):
    """The Met's adapter after a change: it no longer records the last outcome rule."""

    rule_sets = (
        replace(Metropolitan.rule_sets[0], outcomes=Metropolitan.rule_sets[0].outcomes[:-1]),
    )


def test_a_changed_adapter_reads_its_documents_again_and_leaves_no_stale_rows(tmp_path):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    old_version = sqlite3.connect(db).execute("SELECT adapter_version FROM documents").fetchone()[0]
    assert count(db, "outcomes") == 33
    [item] = ingest(db, [MET_TEXT], Revised())
    assert not item.skipped
    assert count(db, "outcomes") == 33 - len(list(Metropolitan.rule_sets[0].outcomes[-1].topics()))
    adapter, version = (
        sqlite3.connect(db).execute("SELECT adapter, adapter_version FROM documents").fetchone()
    )
    assert adapter == "metropolitan" and version != old_version
    assert count(db, "documents") == 1 and count(db, "responses") == 1


def _schema_and_search(db) -> tuple:
    conn = sqlite3.connect(db)
    try:
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        return (
            sorted(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql NOT NULL")),
            conn.execute(
                "SELECT d.document_id FROM documents_fts JOIN documents d ON d.rowid = "
                "documents_fts.rowid WHERE documents_fts MATCH 'fingerprint' ORDER BY 1"
            ).fetchall(),
        )
    finally:
        conn.close()


@pytest.mark.parametrize("reindex_from", [publishing.REINDEX_FROM, 2.0])
def test_reading_most_documents_again_makes_the_indexes_again_or_keeps_them(
    tmp_path, monkeypatch, reindex_from
):
    """Past REINDEX_FROM of the held documents, the indexes the pages read and the full-text
    index are dropped before the old rows go and made again at the end; either way the
    database is the one a first ingest of the documents by the changed adapter makes."""
    monkeypatch.setattr(publishing, "REINDEX_FROM", reindex_from)
    dropped = []
    real_drop = publishing.drop_indexes
    monkeypatch.setattr(publishing, "drop_indexes", lambda db: dropped.append(1) or real_drop(db))
    db, first = tmp_path / "m.db", tmp_path / "first.db"
    ingest(db, [MET_TEXT, MET_HTML])
    assert all(not item.skipped for item in ingest(db, [MET_TEXT, MET_HTML], Revised()))
    ingest(first, [MET_TEXT, MET_HTML], Revised())
    assert dropped == ([1] if reindex_from <= 1 else [])
    assert dump(db) == dump(first)
    schema, found = _schema_and_search(db)
    assert (schema, found) == _schema_and_search(first) and len(found) == 2


@pytest.mark.parametrize("keep_the_rest_from", [0.5, 2.0])
def test_reading_most_documents_again_keeps_the_others_rows_either_way(
    tmp_path, monkeypatch, keep_the_rest_from
):
    """Two documents of three read again: the third's rows stay, whether the two's rows are
    deleted or the rest kept aside while each table is emptied whole."""
    monkeypatch.setattr(publishing, "KEEP_THE_REST_FROM", keep_the_rest_from)
    emptied = []
    real = publishing._keep_the_rest
    monkeypatch.setattr(
        publishing,
        "_keep_the_rest",
        lambda conn, table, *rest: emptied.append(table) or real(conn, table, *rest),
    )
    kept, *again = met_batch(tmp_path / "letters", 3, 0)
    db, first = tmp_path / "m.db", tmp_path / "first.db"
    ingest(db, [kept, *again])
    ingest(db, again, Revised())
    ingest(first, [kept])
    ingest(first, again, Revised())
    assert len(emptied) == (5 if keep_the_rest_from <= 1 else 0)
    assert dump(db) == dump(first) and questions(db) == questions(first)
    assert count(db, "responses") == 3


def questions(db) -> list:
    return sorted(sqlite3.connect(db).execute("SELECT * FROM questions").fetchall(), key=repr)


def test_a_forget_that_fails_halfway_leaves_the_published_database_as_it_was(tmp_path):
    """Documents are forgotten without a rollback journal: a failure once some rows are gone
    must still publish nothing, and leave no copy behind."""
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT, MET_HTML])
    with sqlite3.connect(db) as conn:  # questions are deleted after the documents' rows
        conn.execute(
            "CREATE TRIGGER refuse BEFORE DELETE ON questions BEGIN SELECT RAISE(ABORT, 'no'); END"
        )
    before = (db.read_bytes(), dump(db))
    with pytest.raises(sqlite3.DatabaseError, match="no"):
        ingest(db, [MET_TEXT, MET_HTML], Revised())
    assert (db.read_bytes(), dump(db)) == before
    assert not [path for path in tmp_path.iterdir() if "building" in path.name]  # the copy


def test_a_database_kept_in_wal_mode_stays_in_it_once_written_without_a_journal(tmp_path):
    """The copy is written with no rollback journal (a failed session is discarded whole), and
    the published database keeps the journal mode its owner chose."""
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    sqlite3.connect(db).execute("PRAGMA journal_mode = WAL").fetchone()
    with publishing.publication(db) as session:
        session.forget(sorted(session.held_documents()))
        assert session.conn.execute("PRAGMA journal_mode").fetchone() == ("off",)
    ingest(db, [MET_TEXT, MET_HTML])
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert count(db, "documents") == 2


def test_a_database_from_before_versions_were_recorded_reads_its_documents_again(tmp_path):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    conn = sqlite3.connect(db)
    conn.execute("UPDATE documents SET adapter = NULL, adapter_version = NULL")
    conn.commit()
    conn.close()
    [item] = ingest(db, [MET_TEXT])
    assert not item.skipped
    assert (
        sqlite3.connect(db).execute("SELECT adapter FROM documents").fetchone()[0] == "metropolitan"
    )


def test_the_held_documents_are_read_from_their_index_not_through_the_texts(tmp_path):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT, MET_HTML])
    conn = sqlite3.connect(db)
    # The statistics a sampled ANALYZE left at 10,000 documents: each index counted apart, the
    # covering one at more rows than the table's key, which made the planner read the table.
    indexes = conn.execute("PRAGMA index_list(documents)").fetchall()
    conn.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'documents'")
    for _, name, *_ in indexes:
        width = len(conn.execute(f"PRAGMA index_info([{name}])").fetchall())
        rows = 10080 if width == 4 else 7650
        conn.execute(
            "INSERT INTO sqlite_stat1 VALUES ('documents', ?, ?)", (name, f"{rows}{' 1' * width}")
        )
    conn.commit()
    conn.close()
    conn = sqlite3.connect(db)
    asked = []
    conn.set_trace_callback(asked.append)
    held = publishing._held(conn)
    conn.set_trace_callback(None)
    plans = [
        detail
        for sql in asked
        if "FROM documents" in sql
        for *_, detail in conn.execute(f"EXPLAIN QUERY PLAN {sql}")
    ]
    assert plans and all("COVERING INDEX" in plan for plan in plans)
    stored = conn.execute(
        "SELECT d.document_id, d.adapter, d.adapter_version, r.force_id "
        "FROM documents d JOIN responses r USING (response_id)"
    ).fetchall()
    assert sorted((key, *value) for key, value in held.items()) == sorted(stored)


def test_a_build_in_batches_of_one_document_gives_the_same_database(tmp_path, monkeypatch):
    whole = tmp_path / "whole.db"
    ingest(whole, [MET_TEXT, MET_HTML])
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", 1)
    sizes = []
    real = pipeline.validate
    monkeypatch.setattr(
        pipeline,
        "validate",
        lambda extraction: sizes.append(extraction.counts()["documents"]) or real(extraction),
    )
    batched = tmp_path / "batched.db"
    ingest(batched, [MET_TEXT, MET_HTML])
    assert sizes == [1, 1]  # one document's rows in memory at a time
    assert dump(batched) == dump(whole)


@pytest.mark.parametrize("batch", [1, 1000])
def test_one_value_per_key_holds_across_batches(tmp_path, monkeypatch, edit, batch):
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", batch)
    db = tmp_path / "m.db"
    with pytest.raises(ValidationFailed, match="one value per key"):
        ingest(db, [MET_TEXT, edit(("2018 = 21,790", "2018 = 21,791"))])
    assert not db.exists()


@pytest.mark.parametrize("batch", [1, 1000])
def test_matches_never_exceed_uses_across_batches_and_responses(tmp_path, monkeypatch, edit, batch):
    """Another response of the same force, for the same year, reports more matches than the
    first response's searches: a problem whichever batches the two documents fall into."""
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", batch)
    other = edit(
        ("01.FOI.22.022895", "01.FOI.22.022896"),
        ("2018 | 8145 |", "2018 | 9500 |"),
        ("9500 | 3195 |", "9500 | 9000 |"),
    )
    db = tmp_path / "m.db"
    with pytest.raises(ValidationFailed) as failure:
        ingest(db, [MET_TEXT, other])
    assert {p.rule for p in failure.value.report.problems} == {"matches never exceed uses"}
    assert not db.exists()


def test_an_ingest_is_checked_against_what_was_published_before(tmp_path, edit):
    db = tmp_path / "m.db"
    build(db)
    before = db.read_bytes()
    other = edit(
        ("01.FOI.22.022895", "01.FOI.22.022896"),
        ("2018 | 8145 |", "2018 | 9500 |"),
        ("9500 | 3195 |", "9500 | 9000 |"),
    )
    with pytest.raises(ValidationFailed, match="matches never exceed uses"):
        ingest(db, [other])
    assert db.read_bytes() == before


def test_every_batch_is_checked_and_all_problems_reported_together(tmp_path, monkeypatch, edit):
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", 1)
    first = edit(("93% Suspect", "83% Suspect"), name="a.txt")
    second = edit(
        ("01.FOI.22.022895", "01.FOI.22.022897"),
        ("Q1 & Q2 2021 = 93%", "Q1 & Q2 2021 = 97%"),
        name="b.txt",
    )
    with pytest.raises(ValidationFailed) as failure:
        ingest(tmp_path / "m.db", [first, second])
    documents = {p.document for p in failure.value.report.problems}
    assert documents == {"a.txt", "b.txt"}
