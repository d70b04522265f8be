"""Summary tables hold exactly the rows of the views they accelerate."""

import sqlite3
from collections import Counter

import pytest
from multiforce.toolkit.summaries import SUMMARIES


@pytest.mark.parametrize("summary", list(SUMMARIES))
def test_a_summary_equals_its_view(built_db, summary):
    _, view, _ = SUMMARIES[summary]
    conn = sqlite3.connect(built_db)
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info([{view}])")]
    assert [row[1] for row in conn.execute(f"PRAGMA table_info([{summary}])")] == columns
    held = Counter(conn.execute(f"SELECT * FROM [{summary}]"))
    assert held and held == Counter(conn.execute(f"SELECT * FROM [{view}]"))


def test_every_publish_rebuilds_the_summaries(built_db, cli, write_yaml):
    """A later response ingested changes the summary too: it is never left stale."""
    later = write_yaml(
        "FOI-20001.yaml",
        """source_kind: transcription
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
""",
    )

    def psni():
        conn = sqlite3.connect(built_db)
        try:
            return conn.execute(
                "SELECT statuses FROM outcome_cells_summary WHERE force_id = 'psni'"
            ).fetchall()
        finally:
            conn.close()

    assert psni() == [("neither_confirm_nor_deny",)]
    result = cli("ingest", later, "--db", built_db)
    assert result.exit_code == 0, result.output
    assert psni() == [("mixed: neither_confirm_nor_deny; not_held",)]
