"""Publishing: keys, indexes, full-text search, views; atomic; idempotent; one figure once."""

import json
import sqlite3

import pytest
import sqlite_utils
from conftest import MET_HTML, MET_TEXT
from multiforce.toolkit import pipeline
from multiforce.toolkit.errors import MultiforceError
from multiforce.toolkit.pipeline import build, bundled_corpus, ingest, parse
from multiforce.toolkit.store import files
from multiforce.toolkit.store import publish as publishing
from multiforce.toolkit.store.schema import (
    FOREIGN_KEYS,
    INDEXES,
    RETIRED_INDEXES,
    WRITING_INDEXES,
)


def dump(db):
    conn = sqlite3.connect(db)
    try:
        return {
            table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("forces", "responses", "documents", "observations", "outcomes")
        }
    finally:
        conn.close()


def test_schema_keys_indexes_fts_and_views(tmp_path):
    db_path = tmp_path / "m.db"
    build(db_path)
    db = sqlite_utils.Database(db_path)
    assert db["observations"].pks == ["observation_id"]
    assert {fk.other_table for fk in db["observations"].foreign_keys} == {
        "responses",
        "documents",
        "forces",
    }
    assert any(
        ix.columns[:3] == ["force_id", "technology", "measure"] for ix in db["observations"].indexes
    )
    assert {"figures_by_force_year", "outcome_matrix", "match_rates", "outcomes_by_topic"} <= set(
        db.view_names()
    )
    hits = list(db["documents"].search("kiosk"))
    assert hits and hits[0]["filename"] == "01.FOI.22.022895.txt"
    assert db["forces"].count == 48
    rate = db.execute(
        "SELECT matches_per_100_searches FROM match_rates WHERE database = 'police' "
        "AND period_start = '2018-01-01'"
    ).fetchone()[0]
    assert rate == pytest.approx(39.2)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_build_makes_its_indexes_as_it_needs_them_and_an_ingest_keeps_them(tmp_path, monkeypatch):
    """The first batch of a build meets an empty database: no index of the data tables. The
    batches after it are checked against the rows written: the indexes writing reads. Every
    other index is made once all the rows are in."""

    every = {(table, tuple(index)) for table in FOREIGN_KEYS for index in INDEXES[table]}

    def held(conn) -> set:  # of the indexes above
        database = sqlite_utils.Database(conn)
        return every & {(t, tuple(ix.columns)) for t in FOREIGN_KEYS for ix in database[t].indexes}

    writing = {(table, index) for table, index in every if list(index) in WRITING_INDEXES}
    while_writing = []
    write = publishing._write

    def writing_a_batch(conn, *args, **kwargs):
        while_writing.append(held(conn))
        write(conn, *args, **kwargs)

    monkeypatch.setattr(publishing, "_write", writing_a_batch)
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", 1)
    db_path = tmp_path / "m.db"
    build(db_path)
    assert len(while_writing) > 2
    assert while_writing[0] == set()
    assert all(batch == writing for batch in while_writing[1:])
    assert held(sqlite3.connect(db_path)) == every
    ingest(db_path, [MET_HTML])
    assert held(sqlite3.connect(db_path)) == every


def test_a_build_indexes_the_texts_once_they_are_in_and_an_ingest_keeps_them_indexed(
    tmp_path, monkeypatch
):
    searchable_while_writing = []
    write = publishing._write

    def writing_a_batch(conn, *args, **kwargs):
        searchable_while_writing.append(sqlite_utils.Database(conn)["documents"].detect_fts())
        write(conn, *args, **kwargs)

    monkeypatch.setattr(publishing, "_write", writing_a_batch)
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", 1)
    db_path = tmp_path / "m.db"
    build(db_path)
    assert len(searchable_while_writing) > 2 and not any(searchable_while_writing)
    db = sqlite_utils.Database(db_path)
    texts = {row["filename"]: row["text"] for row in db["documents"].rows}
    assert {hit["filename"] for hit in db["documents"].search("kiosk")} == {
        name for name, text in texts.items() if "kiosk" in text.lower()
    }
    db.execute("UPDATE documents SET text = text || ' zyxwvut' WHERE rowid = 1")
    db.conn.commit()
    db.close()
    ingest(db_path, [MET_HTML])  # written through the triggers the build made
    db = sqlite_utils.Database(db_path)
    assert [hit["rowid"] for hit in db["documents"].search("zyxwvut")] == [1]
    assert MET_HTML.name in {hit["filename"] for hit in db["documents"].search("kiosk")}
    # SQLite raises if the full-text index is damaged
    db.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")


@pytest.mark.parametrize("retired", RETIRED_INDEXES)
def test_an_index_an_earlier_version_made_is_dropped_when_publishing(tmp_path, retired):
    db_path = tmp_path / "m.db"
    ingest(db_path, [MET_TEXT])
    conn = sqlite3.connect(db_path)
    conn.execute(f"CREATE INDEX [{retired}] ON observations (technology, force_id)")
    conn.commit()
    conn.close()
    ingest(db_path, [MET_HTML])
    conn = sqlite3.connect(db_path)
    names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert retired not in names


def test_reingesting_the_same_document_changes_nothing(tmp_path):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    first = dump(db)
    ingest(db, [MET_TEXT])
    assert dump(db) == first


def test_text_and_html_of_one_response_give_each_figure_once(tmp_path):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    only_text = dump(db)
    ingest(db, [MET_HTML])
    both = dump(db)
    assert len(both["documents"]) == 2
    for table, document_id in (
        ("observations", 2),
        ("outcomes", 2),
    ):  # which document is cited may change
        assert strip(both[table], document_id) == strip(only_text[table], document_id)
    fresh = tmp_path / "together.db"
    ingest(fresh, [MET_HTML, MET_TEXT])
    assert dump(fresh) == both  # the same documents give the same database, in any order


def strip(rows, column):
    return sorted(row[:column] + row[column + 1 :] for row in rows)


def test_a_conflicting_figure_from_another_document_is_refused(tmp_path, edit):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    before = db.read_bytes()
    with pytest.raises(Exception, match="one value per key"):
        ingest(db, [edit(("2018 = 21,790", "2018 = 21,791"))])
    assert db.read_bytes() == before


def test_a_crash_while_writing_leaves_the_old_database_whole(tmp_path, monkeypatch):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    before = db.read_bytes()

    def crash(conn, table, rows, *held):
        conn.execute(
            "INSERT INTO documents (document_id, response_id, filename, media_type, bytes, text) "
            "VALUES ('x', 'metropolitan/01.FOI.22.022895', 'x', 'x', 1, 'x')"
        )
        raise KeyboardInterrupt("simulated crash")

    monkeypatch.setattr(publishing, "_insert", crash)
    with pytest.raises(KeyboardInterrupt):
        ingest(db, [MET_HTML])
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if "building" in p.name] == []


def test_build_replaces_rather_than_merges(tmp_path, edit):
    db = tmp_path / "m.db"
    ingest(db, [edit(("2018 = 21,790", "2018 = 21,791"))])
    build(db)
    values = [
        r[0]
        for r in sqlite3.connect(db).execute(
            "SELECT value FROM observations WHERE technology='phone_extraction' AND measure='uses' "
            "AND period_start='2018-01-01'"
        )
    ]
    assert values == [21790]


def test_build_holds_every_bundled_file_as_parsing_it_gives(tmp_path):
    """Each bundled document, transcription and compilation is in the build as its own parse
    gives it (whatever else is bundled), and every force of the register."""
    db = tmp_path / "m.db"
    build(db)
    conn = sqlite3.connect(db)
    published = dict(conn.execute("SELECT response_id, source_kind FROM responses"))
    for path, force in bundled_corpus():
        rows = parse(path, force).extraction.rows
        for response in rows["responses"]:
            assert response["source_kind"] in published[response["response_id"]].split(";")
        for table, key in (("observations", "observation_id"), ("outcomes", "outcome_id")):
            ids = [row[key] for row in rows[table]]
            found = conn.execute(
                f"SELECT count(*) FROM {table} WHERE {key} IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            ).fetchone()[0]
            assert found == len(set(ids)), (path, table)
    assert conn.execute(
        "SELECT value FROM observations WHERE response_id = 'northumbria/208-20'"
    ).fetchall() == [(1345.0,)]
    assert conn.execute("SELECT count(*) FROM forces").fetchone() == (48,)
    assert conn.execute(
        "SELECT count(*) FROM observations WHERE document_id IS NULL AND locator IS NULL"
    ).fetchone() == (0,)


def test_a_later_ingest_of_a_smaller_document_moves_the_citation(tmp_path):
    """Whatever the order of ingests, a figure is cited from the document with the smallest id."""
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    ingest(one, [MET_TEXT])
    ingest(one, [MET_HTML])
    ingest(two, [MET_HTML])
    ingest(two, [MET_TEXT])
    assert dump(one) == dump(two)
    cited = {
        row[0]
        for row in sqlite3.connect(one).execute("SELECT DISTINCT document_id FROM observations")
    }
    documents = [
        row[0] for row in sqlite3.connect(one).execute("SELECT document_id FROM documents")
    ]
    assert cited == {min(documents)}


def test_a_database_keeps_its_permissions_and_a_read_only_one_is_refused(tmp_path, monkeypatch):
    db = tmp_path / "shared.db"
    ingest(db, [MET_TEXT])
    db.chmod(0o640)
    ingest(db, [MET_HTML])
    assert db.stat().st_mode & 0o777 == 0o640
    before = db.read_bytes()
    # root may write any file: the permission the owner would meet is given as the system says
    monkeypatch.setattr(files.os, "access", lambda path, mode: False)
    with pytest.raises(MultiforceError, match="shared.db: the database is read-only"):
        ingest(db, [MET_TEXT])
    assert db.read_bytes() == before
