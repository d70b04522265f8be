"""Datasette on a built database: metadata describes everything, canned queries answer.

Datasette loads multiforce's plugin from its entry point, as it does for `datasette DB`.
"""

import asyncio
import json
import re
import sqlite3
import urllib.parse

from datasette.app import Datasette
from multiforce.schemas.vocabulary import QUALIFIERS, TECHNOLOGIES
from multiforce.toolkit.serving import METADATA_FILE, canned_queries, example_parameters
from multiforce.toolkit.summaries import SUMMARIES


def fetch(db, path):
    async def get():
        datasette = Datasette(immutables=[str(db)])
        response = await datasette.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(get())


def test_every_column_of_qualifiers_names_every_qualifier():
    tables = json.loads(METADATA_FILE.read_text())["databases"]["multiforce"]["tables"]
    described = {
        f"{table}.{column}": text
        for table, metadata in tables.items()
        for column, text in metadata.get("columns", {}).items()
        if column in ("qualifier", "qualifiers")
    }
    assert described
    for column, text in described.items():
        missing = [value for value in QUALIFIERS if value not in text]
        assert not missing, f"{column} does not name {missing}"


def test_searches_and_matches_canned_query(built_db):
    rows = fetch(
        built_db, f"/{built_db.stem}/searches_and_matches_by_force_and_year.json?_shape=array"
    )
    met = {
        row["period_label"]: row
        for row in rows
        if row["force_name"] == "Metropolitan Police Service"
    }
    assert (
        met["2019"]["searches"],
        met["2019"]["police_matches"],
        met["2019"]["immigration_matches"],
    ) == (27217, 11478, 1449)
    assert met["2021"]["source_kind"] == "document"


def test_outcome_matrix_canned_query(built_db):
    rows = fetch(built_db, f"/{built_db.stem}/outcome_matrix.json?_shape=array")
    met = next(row for row in rows if row["force_id"] == "metropolitan")
    assert "refused s31(1)" in met["mobile_fingerprint_scanner"]
    assert met["knife_arch"] == "not_held"
    assert "cost_limit s12" in met["phone_extraction"]


def test_who_refused_what_canned_query(built_db):
    rows = fetch(built_db, f"/{built_db.stem}/who_refused_what.json?_shape=array")
    assert {"refused", "cost_limit", "not_held", "partially_disclosed"} <= {
        row["status"] for row in rows
    }


def test_metadata_has_title_licence_and_source():
    metadata = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    assert metadata["title"] and metadata["source"]
    assert metadata["license"] == "Open Government Licence v3.0"
    assert metadata["license_url"].startswith("https://www.nationalarchives.gov.uk/")


def test_every_table_view_and_column_is_described(built_db):
    described = json.loads(METADATA_FILE.read_text(encoding="utf-8"))["databases"]["multiforce"][
        "tables"
    ]
    conn = sqlite3.connect(built_db)
    names = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'documents_fts%' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for name in names:
        assert described.get(name, {}).get("description"), f"{name} has no description"
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info([{name}])")]
        missing = [c for c in columns if not described[name]["columns"].get(c)]
        assert not missing, f"{name}: no description for {missing}"
    assert set(described) <= set(names), "the metadata describes a table the database does not have"


def test_each_summary_is_described_as_derived_from_its_view_and_the_view_names_it():
    """Derived data says so, naming what it is derived from, and describes its rows as the view
    does; a view slow at a million figures points at the summary that holds its rows."""
    described = json.loads(METADATA_FILE.read_text(encoding="utf-8"))["databases"]["multiforce"][
        "tables"
    ]
    for summary, (_, view, _) in SUMMARIES.items():
        derived = described[summary]["description"]
        assert derived.startswith("Derived") and f"the view {view}" in derived, summary
        assert summary in described[view]["description"], view
        rows = re.sub(rf"\.? [^.]*{summary} holds its rows.*$", "", described[view]["description"])
        assert rows in derived and described[summary]["columns"] == described[view]["columns"]


def test_every_view_and_canned_query_shows_source_kind(built_db):
    conn = sqlite3.connect(built_db)
    for (view,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'"):
        assert "source_kind" in [row[1] for row in conn.execute(f"PRAGMA table_info([{view}])")], (
            view
        )
    for name in canned_queries():
        parameters = urllib.parse.urlencode(example_parameters().get(name, {}))
        rows = fetch(built_db, f"/{built_db.stem}/{name}.json?_shape=array&{parameters}")
        assert rows and all("source_kind" in row for row in rows), name


def test_outcome_matrix_keeps_compilations_apart(built_db):
    rows = fetch(built_db, f"/{built_db.stem}/outcome_matrix.json?_shape=array")
    met = next(row for row in rows if row["force_id"] == "metropolitan")
    assert met["source_kind"] == "compilation, document"
    assert "refused" not in met["digital_forensics"]  # Channel 4's report of a refusal is secondary
    assert "refused" in met["digital_forensics_compilations"]
    kent = next(row for row in rows if row["force_id"] == "kent")
    assert (kent["phone_extraction"], kent["phone_extraction_compilations"]) == (
        "not asked",
        "disclosed",
    )
    psni = next(row for row in rows if row["force_id"] == "psni")
    assert (psni["phone_extraction"], psni["phone_extraction_compilations"]) == (
        "neither_confirm_nor_deny",
        None,
    )


def test_compiled_figures_are_labelled_in_the_searches_query(built_db):
    rows = fetch(
        built_db, f"/{built_db.stem}/searches_and_matches_by_force_and_year.json?_shape=array"
    )
    wired = [row for row in rows if row["period_label"] == "Nov 2018 - Jul 2020"]
    assert [(row["force_name"], row["searches"], row["source_kind"]) for row in wired] == [
        ("Metropolitan Police Service", 51048, "compilation")
    ]


def test_parameterised_canned_queries_answer_the_questions(built_db):
    def query(name):
        return fetch(
            built_db,
            f"/{built_db.stem}/{name}.json?_shape=array&{urllib.parse.urlencode(example_parameters()[name])}",
        )

    users = {row["force_name"]: row for row in query("which_forces_use")}
    assert "document" in users["Metropolitan Police Service"]["source_kind"]
    by_year = query("measure_by_force_and_year")
    assert any(
        r["period_label"] == "2019" and r["value"] == 27217 and r["source_kind"] == "document"
        for r in by_year
    )
    disclosed = query("what_did_force_disclose")
    assert any(
        r["kind"] == "outcome"
        and r["value_or_status"] == "refused"
        and r["unit_or_exemptions"] == "s31(1)"
        for r in disclosed
    )
    assert any(r["kind"] == "figure" and r["value_or_status"] == "29612" for r in disclosed)
    hits = query("search_documents")
    assert hits and "[kiosk" in hits[0]["passage"].lower()


def test_per_officer_and_comparable_views(built_db):
    conn = sqlite3.connect(built_db)
    ratio = conn.execute(
        "SELECT per_1000_officers, officers_date FROM figures_per_1000_officers "
        "WHERE force_id = 'metropolitan' AND technology = 'mobile_fingerprint_scanner' "
        "AND measure = 'uses' AND period_start = '2019-01-01'"
    ).fetchone()
    officers = conn.execute(
        "SELECT officers_fte FROM officers WHERE force_id = 'metropolitan' AND date = '2019-09-30'"
    ).fetchone()[0]
    assert ratio == (round(1000 * 27217 / officers, 2), "2019-09-30")
    spans = conn.execute(
        "SELECT DISTINCT period_start, period_end, forces_with_this_span FROM comparable_figures"
    ).fetchall()
    assert spans and all(count >= 2 for _, _, count in spans)


def test_every_table_carries_its_licence_and_source():
    """Datasette 1.0 stops inheriting licence and source: each table states its own."""
    tables = json.loads(METADATA_FILE.read_text(encoding="utf-8"))["databases"]["multiforce"][
        "tables"
    ]
    for name, table in tables.items():
        assert table.get("license") and table.get("license_url") and table.get("source"), name


def test_the_dashboard_offers_every_technology_of_the_vocabulary():
    dashboards = json.loads(METADATA_FILE.read_text(encoding="utf-8"))["plugins"]
    offered = dashboards["datasette-dashboards"]["overview"]["filters"]["technology"]["options"]
    assert offered == list(TECHNOLOGIES)


def test_dashboard_charts_run_on_the_built_database(built_db):
    served = fetch(built_db, "/-/metadata.json")
    dashboard = served["plugins"]["datasette-dashboards"]["overview"]
    conn = sqlite3.connect(built_db)
    for name, chart in dashboard["charts"].items():
        if "query" in chart:
            assert chart["db"] == built_db.stem, name
            sql = re.sub(r"\[\[.*?\]\]", "", chart["query"])  # optional filter clauses left out
            assert conn.execute(sql).fetchall(), f"chart {name} has no data"


def test_the_chart_by_year_tells_a_part_year_figure_from_a_year(built_db):
    """A part year (the Met's six months of 2021) is drawn with a hollow point, a year filled."""
    charts = json.loads(METADATA_FILE.read_text(encoding="utf-8"))["plugins"][
        "datasette-dashboards"
    ]["overview"]["charts"]
    chart = charts["measure-by-year"]
    assert chart["display"]["encoding"]["fillOpacity"]["field"] == "span"
    sql = re.sub(r"\[\[.*?\]\]", "", chart["query"])
    spans = {
        (label, span)
        for label, span in sqlite3.connect(built_db).execute(
            f"SELECT period_label, span FROM ({sql}) WHERE series LIKE 'Metropolitan%'"
        )
    }
    assert ("2021 (6 month data)", "another span") in spans and ("2019", "a year") in spans
