"""The canned queries and the dashboard's queries, written for speed, give exactly what the plain
views give: on the benchmark's corpus at campaign scale and on the bundled build."""

import re
import sqlite3
from collections import Counter

import pytest
from multiforce.toolkit import pipeline
from multiforce.toolkit.serving import canned_queries, dashboard_queries, example_parameters
from multiforce.toolkit.serving.fts import register
from multiforce.toolkit.serving.metadata import DASHBOARD_EXAMPLE
from multiforce.toolkit.summaries import SUMMARIES

from benchmarks import corpus

pytestmark = pytest.mark.usefixtures("summary_tables")  # tables, as at a million figures

# The plain form of the queries rewritten beyond reading a summary for its view.
PLAIN = {
    "measure_by_force_and_year": """
        SELECT force_name, period_label, period_start, period_end, breakdown, breakdown_value,
               value, unit, qualifier, source_kind, caveat, reference
        FROM figures_by_force_year WHERE technology = :technology AND measure = :measure""",
    "who_refused_what": "SELECT * FROM refusals_and_silence",
    "chart who-refused": """
        SELECT force_name, technology, measure, breakdown, status, exemptions, source_kind
        FROM refusals_and_silence
        WHERE status IN ('refused', 'cost_limit', 'neither_confirm_nor_deny', 'no_response')
          AND technology = :technology""",
    "chart refusals": """
        SELECT count(*) AS withheld FROM outcomes_by_topic
        WHERE status NOT IN ('disclosed') AND technology = :technology""",
    "filter measure": "SELECT DISTINCT measure FROM observations WHERE unit = 'count'",
}


def _queries() -> dict[str, tuple[str, dict]]:
    """Every query a user's first pages run: name -> (SQL, parameters)."""
    queries = {
        name: (query.sql, example_parameters().get(name, {}))
        for name, query in canned_queries().items()
    }
    for name, sql in dashboard_queries(DASHBOARD_EXAMPLE).items():
        queries[name] = (sql, DASHBOARD_EXAMPLE)
    return queries


def _plain(name: str, sql: str) -> str:
    """The query on the plain views: its own plain form, or each summary read as its view."""
    if name in PLAIN:
        return PLAIN[name]
    for summary, (_, view, _) in SUMMARIES.items():
        sql = re.sub(rf"\b{summary}\b", view, sql)
    return sql


def _rows(conn, sql: str, parameters: dict) -> Counter:
    used = {key: value for key, value in parameters.items() if f":{key}" in sql}
    return Counter(conn.execute(sql, used).fetchall())


@pytest.fixture(scope="module")
def campaign_db(summary_tables, tmp_path_factory):
    folder = tmp_path_factory.mktemp("campaign")
    sources = corpus.generate(folder / "documents", corpus.SCALES["campaign"])
    db = folder / "campaign.db"
    pipeline.publish_sources(db, sources, fresh=True)
    return db


@pytest.mark.parametrize("name", sorted(_queries()))
@pytest.mark.parametrize("database", ["campaign_db", "built_db"])
def test_a_fast_query_gives_what_the_plain_views_give(request, database, name):
    conn = sqlite3.connect(request.getfixturevalue(database))
    register(conn)
    sql, parameters = _queries()[name]
    fast = _rows(conn, sql, parameters)
    if name in canned_queries() and name != "search_documents":
        assert fast, "a canned query to compare should give rows"
    assert fast == _rows(conn, _plain(name, sql), parameters)


def test_an_outcome_that_runs_on_shows_its_start(built_db):
    """A period with no end (West Midlands' 1114A/23, from 2022) is shown as "2022-01-01..", not
    hidden as if it had none."""
    sql = canned_queries()["what_did_force_disclose"].sql
    conn = sqlite3.connect(built_db)
    labels = {
        label
        for (label,) in conn.execute(
            f"SELECT period_label FROM ({sql}) WHERE kind = 'outcome'",
            {"force_id": "west-midlands"},
        )
    }
    assert "2022-01-01.." in labels
