"""Summary tables hold exactly the rows of the views they accelerate; a small database has views
in their place."""

import sqlite3
from collections import Counter

import pytest
from multiforce.schemas.vocabulary import SOURCE_KINDS
from multiforce.toolkit import summaries
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


def test_a_later_response_ingested_changes_the_summary(built_db, cli, write_yaml):
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
    "technology_evidence": f"""
WITH per_response AS (
  SELECT technology, force_id, response_id, min(period_start) AS earliest,
         max(period_end) AS latest,
         {", ".join(f"max(measure = '{measure}') AS [{measure}]" for measure in EVIDENCE)}
  FROM observations
  WHERE value > 0 AND measure IN ({", ".join(f"'{measure}'" for measure in EVIDENCE)})
    AND qualifier <> 'planned'
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
