"""Summary tables hold exactly the rows of the views they accelerate; a small database has views
in their place."""

import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from conftest import MET_TEXT
from multiforce.forces.metropolitan import Metropolitan
from multiforce.schemas.vocabulary import SOURCE_KINDS
from multiforce.toolkit import pipeline, summaries
from multiforce.toolkit.store import publish
from multiforce.toolkit.summaries import INDEXES, LIVE, SUMMARIES, _index
from multiforce.toolkit.views import EVIDENCE, _present

pytestmark = pytest.mark.usefixtures("summary_tables")


@pytest.mark.parametrize("summary", list(SUMMARIES))
def test_a_summary_equals_its_view(built_db, summary):
    _, view, _ = SUMMARIES[summary]
    conn = sqlite3.connect(built_db)
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info([{view}])")]
    assert [row[1] for row in conn.execute(f"PRAGMA table_info([{summary}])")] == columns
    held = Counter(conn.execute(f"SELECT * FROM [{summary}]"))
    assert held and held == Counter(conn.execute(f"SELECT * FROM [{view}]"))


def test_every_index_the_pages_read_has_statistics_after_a_build(built_db):
    conn = sqlite3.connect(built_db)
    analysed = {index for (index,) in conn.execute("SELECT idx FROM sqlite_stat1")}
    made = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    summaries = {
        _index(table, columns)
        for table, (_, _, indexes) in SUMMARIES.items()
        for columns in indexes
    }
    assert summaries | {_index(t, c) for t, indexes in INDEXES.items() for c in indexes} <= made
    assert made - {name for name in made if name.startswith("sqlite_autoindex")} <= analysed


# A later response of a force in the bundled build, with an answer its bundled one does not give
LATER = """source_kind: transcription
force_id: psni
reference: FOI/20001
title: Mobile phone extraction, asked again
response_date: 2026-06-01
source_url: https://example.org/psni/foi-20001
outcomes:
  - technology: phone_extraction
    measure: in_use
    breakdown: none
    status: not_held
    locator: the response
"""


def test_every_publish_rebuilds_the_summaries(built_db, cli, write_yaml):
    """A later response ingested changes the summary too: it is never left stale."""

    def psni():
        conn = sqlite3.connect(built_db)
        try:
            return conn.execute(
                "SELECT statuses FROM outcome_cells_summary WHERE force_id = 'psni'"
            ).fetchall()
        finally:
            conn.close()

    assert psni() == [("neither_confirm_nor_deny",)]
    result = cli("ingest", write_yaml("FOI-20001.yaml", LATER), "--db", built_db)
    assert result.exit_code == 0, result.output
    assert psni() == [("mixed: neither_confirm_nor_deny; not_held",)]


# A later response of a force in the bundled build, with figures: every summary has rows to change
FIGURES = """source_kind: transcription
force_id: psni
reference: FOI/20002
title: Mobile fingerprint scanners, asked again
response_date: 2026-06-02
source_url: https://example.org/psni/foi-20002
figures:
  - technology: mobile_fingerprint_scanner
    measure: uses
    period: {start: 2025-01-01, end: 2025-12-31, label: 2025}
    value: 120
    locator: answer 1
  - technology: mobile_fingerprint_scanner
    measure: matches
    breakdown: database
    breakdown_value: police
    period: {start: 2025-01-01, end: 2025-12-31, label: 2025}
    value: 30
    locator: answer 2
outcomes:
  - technology: mobile_fingerprint_scanner
    measure: uses
    period: {start: 2025-01-01, end: 2025-12-31, label: 2025}
    status: disclosed
    locator: answer 1
"""


@pytest.fixture
def rewrites(monkeypatch):
    """The forces whose summary rows each publish computed alone, rather than every summary."""
    forces = []
    rewrite = summaries._rewrite_forces

    def recorded(conn, changes, meanwhile):
        forces.append(set(changes.forces))
        rewrite(conn, changes, meanwhile)

    monkeypatch.setattr(summaries, "_rewrite_forces", recorded)
    return forces


def test_an_ingest_computes_again_only_the_summary_rows_of_the_forces_it_reached(
    built_db, cli, write_yaml, rewrites
):
    result = cli("ingest", write_yaml("FOI-20002.yaml", FIGURES), "--db", built_db)
    assert result.exit_code == 0, result.output
    assert rewrites == [{"psni"}]
    conn = sqlite3.connect(built_db)
    totals = "SELECT searches, police_matches FROM scanner_totals_by_force_summary"
    assert conn.execute(f"{totals} WHERE force_id = 'psni'").fetchall() == [(120, 30)]
    for summary, (_, view, _) in SUMMARIES.items():
        held = Counter(conn.execute(f"SELECT * FROM [{summary}]"))
        assert held == Counter(conn.execute(f"SELECT * FROM [{view}]")), summary


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
    conn = sqlite3.connect(built_db)
    for summary, (_, view, _) in SUMMARIES.items():
        held = Counter(conn.execute(f"SELECT * FROM [{summary}]"))
        assert held == Counter(conn.execute(f"SELECT * FROM [{view}]")), summary


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
    result = cli("ingest", write_yaml("FOI-20002.yaml", FIGURES), "--db", built_db)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(built_db)
    evidence = "SELECT evidence FROM technology_evidence_summary WHERE force_id = 'metropolitan'"
    assert ({row for row in conn.execute(evidence)} == {("marked",)}) == kept
    (made_by,) = conn.execute("PRAGMA user_version").fetchone()
    assert made_by == summaries._made_by(conn)


@pytest.mark.parametrize("summary", [name for name in SUMMARIES if name not in LIVE])
def test_every_summary_row_is_one_forces(built_db, summary):
    """What computing a few forces' rows alone relies on: each row names its force."""
    conn = sqlite3.connect(built_db)
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info([{summary}])")]
    assert "force_id" in columns
    assert conn.execute(f"SELECT count(*) FROM [{summary}] WHERE force_id IS NULL").fetchone() == (
        0,
    )


def test_the_forces_reached_are_those_of_every_row_of_the_responses_changed():
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
    changes = summaries.Changes(Path("published.db"))
    changes.reach(conn, ["r1"], ["d2"])
    assert (changes.responses, changes.forces) == ({"r1", "r2"}, {"a", "b", "c", "f"})


def test_an_ingest_gathers_the_statistics_again(built_db, cli, write_yaml):
    """An ingest's checks and summaries read the statistics of the publish before it, and it
    gathers them again meanwhile: what it publishes describes the tables as they now are."""
    conn = sqlite3.connect(built_db)
    conn.execute("UPDATE sqlite_stat1 SET stat = '1 1' WHERE tbl = 'observations'")
    conn.commit()
    conn.close()
    result = cli("ingest", write_yaml("FOI-20001.yaml", LATER), "--db", built_db)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(built_db)
    stats = [
        stat for (stat,) in conn.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'observations'")
    ]
    assert stats and "1 1" not in stats


def test_a_small_database_has_views_for_summaries_until_it_grows(
    built_db, cli, write_yaml, monkeypatch
):
    """Below SUMMARY_TABLES_FROM figures and outcomes a summary is a view of its view; the
    publish that takes the database there writes the tables, and they hold the views' rows."""
    conn = sqlite3.connect(built_db)
    rows = "SELECT (SELECT count(*) FROM observations) + (SELECT count(*) FROM outcomes)"
    monkeypatch.setattr(summaries, "SUMMARY_TABLES_FROM", conn.execute(rows).fetchone()[0] + 1)

    def kinds():
        listed = "SELECT name, type FROM sqlite_master WHERE name LIKE '%_summary'"
        return {name: kind for name, kind in conn.execute(listed) if name not in LIVE}

    summaries.write_summaries(conn)
    conn.commit()
    assert set(kinds().values()) == {"view"} and len(kinds()) == len(SUMMARIES) - len(LIVE)
    conn.close()
    result = cli("ingest", write_yaml("FOI-20001.yaml", LATER), "--db", built_db)  # one outcome
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(built_db)  # the published file, which replaced the one read above
    assert set(kinds().values()) == {"table"}
    for summary in kinds():
        view = SUMMARIES[summary][1]
        held = Counter(conn.execute(f"SELECT * FROM [{summary}]"))
        assert held and held == Counter(conn.execute(f"SELECT * FROM [{view}]"))


# The plain definitions of views written for speed (grouped response by response, read from the
# covering index): the fast SQL must give exactly these rows.
PLAIN = {
    "scanner_totals_by_force": """
SELECT force_id, force_name, source_kind, min(period_start) AS from_, max(period_end) AS to_,
  sum(searches) AS searches, sum(police_matches) AS police_matches,
  sum(immigration_matches) AS immigration_matches,
  round(100.0 * sum(police_matches) / sum(searches), 1) AS police_matches_per_100,
  round(100.0 * sum(immigration_matches) / sum(searches), 1) AS immigration_matches_per_100
FROM (SELECT force_id, force_name, source_kind, period_start, period_end,
    max(CASE WHEN measure = 'uses' AND breakdown = 'none' THEN value END) AS searches,
    max(CASE WHEN measure = 'matches' AND breakdown_value = 'police' THEN value END)
      AS police_matches,
    max(CASE WHEN measure = 'matches' AND breakdown_value = 'immigration' THEN value END)
      AS immigration_matches
  FROM figures_by_force_year WHERE technology = 'mobile_fingerprint_scanner'
  GROUP BY force_id, source_kind, period_start, period_end)
WHERE searches IS NOT NULL AND police_matches IS NOT NULL
GROUP BY force_id, source_kind""",
    "technology_evidence": f"""
WITH per_response AS (
  SELECT technology, force_id, response_id, min(period_start) AS earliest,
         max(period_end) AS latest,
         {", ".join(f"max(measure = '{measure}') AS [{measure}]" for measure in EVIDENCE)}
  FROM observations
  WHERE value > 0 AND measure IN ({", ".join(f"'{measure}'" for measure in EVIDENCE)})
  GROUP BY technology, force_id, response_id)
SELECT p.technology, f.force_id, f.name AS force_name, {_present("[{}]", EVIDENCE)} AS evidence,
  min(p.earliest) AS earliest, max(p.latest) AS latest,
  {_present("instr(r.source_kind, '{}')", SOURCE_KINDS)} AS source_kind,
  (SELECT group_concat(reference) FROM (
     SELECT DISTINCT x.reference
     FROM per_response y JOIN responses x ON x.response_id = y.response_id
     WHERE y.technology = p.technology AND y.force_id = p.force_id
     ORDER BY x.reference)) AS references_
FROM per_response p JOIN responses r ON r.response_id = p.response_id
JOIN forces f ON f.force_id = p.force_id
GROUP BY p.technology, f.force_id""",
}


@pytest.mark.parametrize("view", list(PLAIN))
def test_a_view_written_for_speed_gives_the_rows_of_its_plain_definition(built_db, view):
    conn = sqlite3.connect(built_db)
    held = Counter(conn.execute(f"SELECT * FROM [{view}]"))
    assert held and held == Counter(conn.execute(PLAIN[view]))


@pytest.mark.parametrize(("count", "expected"), [(3, True), (4, False), (6, False)])
def test_figures_and_outcomes_are_counted_past_the_rows_deleted(count, expected):
    """Rows deleted leave gaps in the rowids: their largest can only rule a count out."""
    conn = sqlite3.connect(":memory:")
    for table in ("observations", "outcomes"):
        conn.execute(f"CREATE TABLE {table} (value)")
    conn.executemany("INSERT INTO observations VALUES (?)", [(n,) for n in range(4)])
    conn.execute("INSERT INTO outcomes VALUES (1)")
    conn.execute("DELETE FROM observations WHERE value IN (0, 1)")  # rowids 3 and 4 left: 3 rows
    assert summaries.rows_at_least(conn, count) is expected
