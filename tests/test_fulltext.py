"""The documents' full-text index, made beside the database in a worker process and copied in:
the index sqlite-utils makes in place, made on another core."""

import os
import sqlite3

import pytest
import sqlite_utils
from multiforce.toolkit.pipeline import ingest
from multiforce.toolkit.store import fulltext, publish
from multiforce.toolkit.store.schema import FULL_TEXT
from test_faults import met_batch


def index_of(db_path):
    """The full-text index's schema (its table and triggers) and every row of its shadow tables."""
    conn = sqlite3.connect(db_path)
    try:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'table' AND name LIKE 'documents_fts_%'"
            )
        ]
        return {
            "schema": conn.execute(
                "SELECT type, name, sql FROM sqlite_master "
                "WHERE name = 'documents_fts' OR type = 'trigger' ORDER BY name"
            ).fetchall(),
            **{
                name: conn.execute(f"SELECT * FROM [{name}] ORDER BY 1, 2").fetchall()
                for name in names
            },
        }
    finally:
        conn.close()


def test_the_index_made_beside_is_the_one_made_in_place(tmp_path):
    db_path = tmp_path / "m.db"
    ingest(db_path, met_batch(tmp_path / "docs", 5, 0), jobs=2)
    made_beside = index_of(db_path)
    db = sqlite_utils.Database(db_path)
    db["documents"].disable_fts()
    db["documents"].enable_fts(FULL_TEXT, create_triggers=True)
    db.close()
    assert made_beside == index_of(db_path)
    assert {"documents_fts_data", "documents_fts_idx", "documents_fts_docsize"} <= set(made_beside)
    assert len(made_beside["documents_fts_docsize"]) == 5
    assert [name for _, name, _ in made_beside["schema"]] == [
        "documents_ad",
        "documents_ai",
        "documents_au",
        "documents_fts",
    ]


@pytest.mark.parametrize(
    ("jobs", "worker_from", "in_a_worker"), [(1, 0, False), (2, 0, True), (2, 4, False)]
)
def test_enough_texts_are_indexed_in_a_worker_while_this_process_makes_the_other_indexes(
    tmp_path, monkeypatch, jobs, worker_from, in_a_worker
):
    here, building, taking = os.getpid(), fulltext.build, fulltext.take
    indexed_by, taken = tmp_path / "indexed by", []

    def build(db_path):  # in a worker, whose memory is its own: it tells by a file
        indexed_by.write_text(str(os.getpid()))
        return building(db_path)

    def take(db_path, made, *rest):
        taken.append((os.getpid(), made.exists()))
        taking(db_path, made, *rest)
        assert not made.exists()

    monkeypatch.setattr(fulltext, "build", build)
    monkeypatch.setattr(fulltext, "take", take)
    monkeypatch.setattr(publish, "FULLTEXT_WORKER_FROM", worker_from)
    ingest(tmp_path / "m.db", met_batch(tmp_path / "docs", 3, 0), jobs=jobs)
    assert taken == [(here, True)]
    assert (int(indexed_by.read_text()) != here) == in_a_worker


def test_an_error_while_indexing_in_a_worker_publishes_nothing_and_leaves_no_file(
    tmp_path, monkeypatch
):
    def failing(db_path):
        fulltext.made_path(db_path).write_text("half made")
        raise RuntimeError("the indexing failed")

    monkeypatch.setattr(fulltext, "build", failing)
    monkeypatch.setattr(publish, "FULLTEXT_WORKER_FROM", 0)
    with pytest.raises(RuntimeError, match="the indexing failed"):
        ingest(tmp_path / "m.db", met_batch(tmp_path / "docs", 3, 0), jobs=2)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["docs", "m.db.lock"]


def test_an_ingest_that_finds_the_index_keeps_it_up_to_date_by_its_triggers(tmp_path):
    db_path = tmp_path / "m.db"
    documents = met_batch(tmp_path / "docs", 4, 0)
    ingest(db_path, documents[:2], jobs=2)
    ingest(db_path, documents[2:], jobs=2)
    db = sqlite_utils.Database(db_path)
    db.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")
    assert {hit["filename"] for hit in db["documents"].search("fingerprint")} == {
        path.name for path in documents
    }
