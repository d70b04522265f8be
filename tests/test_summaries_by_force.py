"""A publish that changes the rows of a few forces computes those forces' summary rows alone:
the same rows as every summary rebuilt whole, and as the views."""

import os
import random
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from conftest import MET_TEXT
from multiforce.forces.metropolitan import Metropolitan
from multiforce.toolkit import pipeline, summaries
from multiforce.toolkit.store import publish
from multiforce.toolkit.summaries import LIVE, SUMMARIES

pytestmark = pytest.mark.usefixtures("summary_tables")

TABLES = [name for name in SUMMARIES if name not in LIVE]


def transcription(reference: str, label: str = "2025") -> str:
    """A later response of a force in the bundled build, with figures and an outcome: every
    summary has rows of its force to change."""
    return f"""source_kind: transcription
force_id: psni
reference: {reference}
title: Mobile fingerprint scanners, asked again
response_date: 2026-06-02
source_url: https://example.org/psni/{reference}
figures:
  - technology: mobile_fingerprint_scanner
    measure: uses
    period: {{start: 2025-01-01, end: 2025-12-31, label: {label}}}
    value: 120
    locator: answer 1
  - technology: mobile_fingerprint_scanner
    measure: matches
    breakdown: database
    breakdown_value: police
    period: {{start: 2025-01-01, end: 2025-12-31, label: {label}}}
    value: 30
    locator: answer 2
outcomes:
  - technology: mobile_fingerprint_scanner
    measure: uses
    period: {{start: 2025-01-01, end: 2025-12-31, label: {label}}}
    status: disclosed
    locator: answer 1
"""


@pytest.fixture
def rewrites(monkeypatch):
    """The forces whose summary rows each publish computed alone, rather than every summary."""
    forces = []
    rewrite = summaries._rewrite_forces

    def recorded(conn, touched, meanwhile):
        forces.append(set(touched.forces))
        rewrite(conn, touched, meanwhile)

    monkeypatch.setattr(summaries, "_rewrite_forces", recorded)
    return forces


def differing(db: Path) -> list[str]:
    """The summaries whose rows are not their views'."""
    conn = sqlite3.connect(db)
    try:
        return [
            summary
            for summary, (_, view, _) in SUMMARIES.items()
            if Counter(conn.execute(f"SELECT * FROM [{summary}]"))
            != Counter(conn.execute(f"SELECT * FROM [{view}]"))
        ]
    finally:
        conn.close()


def met_read_as(reference: str, folder: Path):
    """The Met's letter read as if it gave another reference: its rows, of another response."""
    path = folder / f"{reference}.txt"
    path.write_text(
        MET_TEXT.read_text(encoding="utf-8").replace("01.FOI.22.022895", reference),
        encoding="utf-8",
    )
    return pipeline.parse(path, "metropolitan").extraction


def test_an_ingest_computes_again_only_the_summary_rows_of_the_forces_it_reached(
    built_db, cli, write_yaml, rewrites
):
    result = cli(
        "ingest", write_yaml("FOI-20002.yaml", transcription("FOI/20002")), "--db", built_db
    )
    assert result.exit_code == 0, result.output
    assert rewrites == [{"psni"}]
    conn = sqlite3.connect(built_db)
    totals = "SELECT searches, police_matches FROM scanner_totals_by_force_summary"
    assert conn.execute(f"{totals} WHERE force_id = 'psni'").fetchall() == [(120, 30)]
    assert differing(built_db) == []


def test_two_responses_that_word_a_period_differently_give_the_rows_of_a_whole_rebuild(
    built_db, cli, write_yaml, rewrites
):
    for reference, label in (("FOI/20002", "2025"), ("FOI/10001", "Calendar 2025")):
        written = write_yaml(f"{reference.replace('/', '-')}.yaml", transcription(reference, label))
        assert cli("ingest", written, "--db", built_db).exit_code == 0
    assert rewrites == [{"psni"}, {"psni"}]
    assert differing(built_db) == []


def test_an_ingest_that_reads_a_document_again_computes_its_forces_rows_again(
    built_db, cli, rewrites, monkeypatch
):
    """A document read by code that has since changed is forgotten and read again: the forces
    of its rows, gone and back, are computed again."""
    conn = sqlite3.connect(built_db)
    (held,) = conn.execute("SELECT count(*) FROM documents").fetchone()
    conn.close()
    monkeypatch.setattr(publish, "REINDEX_FROM", 2 / held)  # one document is not many
    version = pipeline.adapter_version
    monkeypatch.setattr(
        pipeline,
        "adapter_version",
        lambda cls: version(cls) + ("-changed" if cls is Metropolitan else ""),
    )
    result = cli("ingest", "--db", built_db, MET_TEXT)
    assert result.exit_code == 0, result.output
    assert rewrites == [{"metropolitan"}]
    assert differing(built_db) == []


@pytest.mark.parametrize("forgotten", [True, False])
def test_a_document_read_again_as_another_forces_response_leaves_nothing_of_the_old_one(
    built_db, tmp_path, rewrites, monkeypatch, forgotten
):
    """Read by the new code as another force's response: its old rows go, with the old
    response when it is forgotten first, whose summary rows go too; written over without being
    forgotten, its rows still go (they are deleted by document), and so do their summary rows."""
    monkeypatch.setattr(publish, "REINDEX_FROM", 1.1)  # one document is not many
    conn = sqlite3.connect(built_db)
    old = "SELECT document_id, response_id FROM documents WHERE filename = ?"
    document, response = conn.execute(old, (MET_TEXT.name,)).fetchone()
    conn.close()
    extraction = met_read_as("01.FOI.23.000001", tmp_path)
    for rows in extraction.rows.values():
        for row in rows:
            if "document_id" in row:
                row["document_id"] = document
            if row.get("force_id") == "metropolitan":
                row["force_id"] = "city-of-london"
            row["response_id"] = row["response_id"].replace("metropolitan", "city-of-london")
    with publish.publication(built_db) as session:
        if forgotten:
            session.forget([document])
        session.write(extraction)
    assert rewrites == [{"metropolitan", "city-of-london"}]
    assert differing(built_db) == []
    conn = sqlite3.connect(built_db)
    recency = "SELECT count(*) FROM response_recency_summary WHERE response_id = ?"
    assert conn.execute(recency, (response,)).fetchone() == (0 if forgotten else 1,)


def test_a_response_with_rows_of_another_force_is_computed_whole_for_either_force(
    built_db, cli, write_yaml, tmp_path, rewrites
):
    """The rows of one response may be of two forces: each force's summaries read all of them,
    and the rows computed with them for the force not touched are not written."""
    extraction = met_read_as("01.FOI.24.000009", tmp_path)
    for row in extraction.rows["observations"][::2]:
        row["force_id"] = "city-of-london"
    with publish.publication(built_db) as session:
        session.write(extraction)
    later = transcription("COL/1").replace("force_id: psni", "force_id: city-of-london")
    assert cli("ingest", write_yaml("COL-1.yaml", later), "--db", built_db).exit_code == 0
    assert rewrites == [{"metropolitan", "city-of-london"}, {"city-of-london"}]
    assert differing(built_db) == []


def test_a_published_file_changed_since_it_was_copied_has_every_summary_rebuilt(
    built_db, tmp_path, rewrites
):
    """The rows a publish did not change are read from the published file: one that another
    program changed meanwhile is not read, and every summary is rebuilt whole."""
    with publish.publication(built_db) as session:
        session.write(met_read_as("01.FOI.23.000002", tmp_path))
        later = built_db.stat().st_mtime_ns + 1_000_000_000
        os.utime(built_db, ns=(later, later))
    assert rewrites == []
    assert differing(built_db) == []


@pytest.mark.parametrize(
    "case, kept",
    [
        ("a few forces reached", True),
        ("summaries made by other definitions", False),
        ("more forces reached than are computed alone", False),
    ],
)
def test_the_rows_of_the_forces_not_reached_are_kept_only_from_summaries_made_alike(
    built_db, cli, write_yaml, monkeypatch, case, kept
):
    """A row of a force the ingest did not reach is kept as the last publish wrote it (here
    marked, to be seen), unless the summaries were made otherwise (by another version, which
    user_version records) or the ingest reached more forces than are worth computing alone:
    then every summary is rebuilt whole."""
    conn = sqlite3.connect(built_db)
    marked = "UPDATE technology_evidence_summary SET evidence = 'marked' WHERE force_id = ?"
    assert conn.execute(marked, ("metropolitan",)).rowcount
    if case == "summaries made by other definitions":
        conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    if case == "more forces reached than are computed alone":
        monkeypatch.setattr(summaries, "REWRITE_FORCES_UP_TO", 0)
    result = cli(
        "ingest", write_yaml("FOI-20002.yaml", transcription("FOI/20002")), "--db", built_db
    )
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(built_db)
    evidence = "SELECT evidence FROM technology_evidence_summary WHERE force_id = 'metropolitan'"
    assert ({row for row in conn.execute(evidence)} == {("marked",)}) == kept
    (made_by,) = conn.execute("PRAGMA user_version").fetchone()
    assert made_by == summaries._made_by(conn)


def test_each_forces_summary_rows_computed_alone_are_its_rows_of_the_whole(built_db):
    """What computing a few forces' rows alone relies on: every row of a summary is one force's,
    and the rows and responses of that force give exactly it."""
    conn = sqlite3.connect(built_db)
    whole = {table: Counter(conn.execute(f"SELECT * FROM [{table}]")) for table in TABLES}
    forced = {
        table: [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")].index("force_id")
        for table in TABLES
    }
    forces = [force for (force,) in conn.execute("SELECT force_id FROM forces")]
    conn.close()
    alone = {table: Counter() for table in TABLES}
    for force in forces:
        touched = summaries.Touched(built_db, forces={force})
        reader = summaries._rows_in_memory(built_db, touched)
        try:
            for chain in summaries._chains():
                for table, (_, rows) in summaries._computed(reader, chain).items():
                    alone[table].update(row for row in rows if row[forced[table]] == force)
        finally:
            reader.close()
    assert all(whole.values()) and alone == whole


def test_the_forces_touched_are_those_of_every_row_of_the_responses_changed():
    """A response's rows may be of other forces than its own (a compilation's), and a document
    read again names the response it was of."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        """CREATE TABLE responses (response_id, force_id);
        CREATE TABLE documents (document_id, response_id);
        CREATE TABLE observations (response_id, force_id);
        CREATE TABLE outcomes (response_id, force_id);
        INSERT INTO responses VALUES ('r1', 'a'), ('r2', 'c'), ('r3', 'd');
        INSERT INTO documents VALUES ('d2', 'r2'), ('d3', 'r3');
        INSERT INTO observations VALUES ('r1', 'a'), ('r1', 'b'), ('r3', 'e');
        INSERT INTO outcomes VALUES ('r2', 'f');"""
    )
    touched = summaries.Touched(Path("published.db"))
    touched.add(conn, ["r1"], ["d2"])
    assert (touched.responses, touched.forces) == ({"r1", "r2"}, {"a", "b", "c", "f"})


def test_a_run_of_ingests_of_a_campaigns_answers_keeps_every_summary_its_views_rows(
    built_db, cli, write_yaml, rewrites
):
    """Answers arriving one ingest after another, each reaching a few forces (new responses,
    or a transcription corrected and ingested again), or more than are computed alone: after
    each, every summary holds its view's rows."""
    rng = random.Random(12)
    conn = sqlite3.connect(built_db)
    forces = sorted(force for (force,) in conn.execute("SELECT force_id FROM forces"))
    conn.close()
    reached = []
    for step in range(8):
        chosen = rng.sample(forces, summaries.REWRITE_FORCES_UP_TO + 1 if step == 5 else 2)
        written = []
        for force in chosen:
            reference = f"R/{rng.randint(1, 2)}"  # the same file again: its rows replaced
            text = (
                transcription(reference, rng.choice(["2025", "Calendar 2025"]))
                .replace("force_id: psni", f"force_id: {force}")
                .replace("value: 120", f"value: {rng.randint(30, 400)}")
            )
            written.append(write_yaml(f"{force}-{reference.replace('/', '-')}.yaml", text))
        result = cli("ingest", *written, "--db", built_db)
        assert result.exit_code == 0, result.output
        assert differing(built_db) == [], f"after ingest {step + 1}"
        reached.append(set(chosen))
    assert rewrites == [few for few in reached if len(few) <= summaries.REWRITE_FORCES_UP_TO]
