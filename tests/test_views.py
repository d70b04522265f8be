"""The outcome matrix and the conflicts view, on small databases whose rows each test writes."""

import sqlite3

import pytest
import sqlite_utils
from multiforce.toolkit.store.schema import ensure_schema


@pytest.fixture
def database(tmp_path):
    """An empty published schema; add(responses=[...], outcomes=[...], observations=[...])."""
    path = tmp_path / "views.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)

    def add(responses=(), outcomes=(), observations=()):
        for reference, kind, date in responses:
            db["responses"].insert(
                {
                    "response_id": f"northumbria/{reference}",
                    "force_id": "northumbria",
                    "reference": reference,
                    "response_date": date,
                    "source_kind": kind,
                }
            )
        for number, (reference, technology, measure, status, *period) in enumerate(outcomes):
            start, end = period or (None, None)
            db["outcomes"].insert(
                {
                    "outcome_id": f"o{number}",
                    "response_id": f"northumbria/{reference}",
                    "force_id": "northumbria",
                    "technology": technology,
                    "measure": measure,
                    "breakdown": "none",
                    "status": status.split(" ")[0],
                    "exemptions": status.split(" ")[1] if " " in status else None,
                    "period_start": start,
                    "period_end": end,
                }
            )
        for number, (reference, measure, value, start, end) in enumerate(observations):
            db["observations"].insert(
                {
                    "observation_id": f"f{number}",
                    "response_id": f"northumbria/{reference}",
                    "force_id": "northumbria",
                    "technology": "phone_extraction",
                    "measure": measure,
                    "breakdown": "none",
                    "period_start": start,
                    "period_end": end,
                    "value": value,
                    "unit": "count",
                    "qualifier": "exact",
                }
            )
        return sqlite3.connect(path)

    return add


def matrix(conn, column="phone_extraction"):
    return conn.execute(
        f"SELECT {column} FROM outcome_matrix WHERE force_id = 'northumbria'"
    ).fetchone()[0]


@pytest.mark.parametrize(
    "undated_reference,latest",
    [
        ("1130/20", "cost_limit s12"),  # 2020 beats a response dated in 2019
        ("1130/18", "not_held"),  # 2018 does not
        ("01.FOI.22.022895", "cost_limit s12"),  # the year is the last two-digit token: 22
        ("2020/138", "cost_limit s12"),  # a four-digit year anywhere
        ("FOI/15700", "not_held"),  # no year: the oldest
    ],
)
def test_an_undated_response_is_placed_by_its_references_year(database, undated_reference, latest):
    conn = database(
        responses=[
            ("711/19", "transcription", "2019-06-13"),
            (undated_reference, "transcription", None),
        ],
        outcomes=[
            ("711/19", "phone_extraction", "uses", "not_held"),
            (undated_reference, "phone_extraction", "uses", "cost_limit s12"),
        ],
    )
    assert matrix(conn) == latest


def test_an_undated_response_sorts_before_the_dated_ones_of_its_year(database):
    conn = database(
        responses=[("208/20", "transcription", "2020-03-02"), ("1130/20", "transcription", None)],
        outcomes=[
            ("208/20", "phone_extraction", "uses", "disclosed"),
            ("1130/20", "phone_extraction", "uses", "cost_limit s12"),
        ],
    )
    assert matrix(conn) == "disclosed"


def test_each_topic_takes_its_own_latest_response(database):
    """A later response about another topic of the technology does not hide the earlier answer."""
    conn = database(
        responses=[("049/19", "transcription", "2019-02-07"), ("447/22", "document", "2022-04-14")],
        outcomes=[
            ("049/19", "phone_extraction", "uses", "disclosed"),
            ("049/19", "phone_extraction", "people", "refused s40(2)"),
            ("447/22", "phone_extraction", "people", "not_held"),
        ],
    )
    assert matrix(conn) == "mixed: disclosed; not_held"
    cell = conn.execute(
        "SELECT shown_status, response_ids FROM outcome_cells WHERE technology = 'phone_extraction'"
    ).fetchone()
    assert cell == ("mixed", "northumbria/049/19; northumbria/447/22")


def test_one_status_with_other_exemptions_is_not_mixed(database):
    conn = database(
        responses=[("049/19", "transcription", "2019-02-07")],
        outcomes=[
            ("049/19", "phone_extraction", "uses", "cost_limit s12"),
            ("049/19", "phone_extraction", "people", "cost_limit s12(1)"),
        ],
    )
    assert matrix(conn) == "cost_limit s12; cost_limit s12(1)"
    assert conn.execute("SELECT shown_status FROM outcome_cells").fetchone() == ("cost_limit",)


def test_compilations_stay_apart_whatever_their_date(database):
    conn = database(
        responses=[
            ("049/19", "document;transcription", "2019-02-07"),  # one response, two sources
            ("pa-2020", "compilation", "2020-04-28"),
        ],
        outcomes=[
            ("049/19", "phone_extraction", "uses", "not_held"),
            ("pa-2020", "phone_extraction", "uses", "disclosed"),
        ],
    )
    assert matrix(conn) == "not_held"
    assert matrix(conn, "phone_extraction_compilations") == "disclosed"
    assert matrix(conn, "knife_arch") == "not asked"


def conflicts(conn):
    return conn.execute(
        "SELECT measure, period_start, period_end, disagreement, own_responses_said, "
        "compilations_said FROM conflicts ORDER BY measure, period_start"
    ).fetchall()


def test_not_held_beside_a_compiled_figure_is_a_conflict(database):
    conn = database(
        responses=[("208/20", "transcription", "2020-03-02"), ("pa-2020", "compilation", None)],
        outcomes=[("208/20", "phone_extraction", "devices_seized", "not_held")],
        observations=[("pa-2020", "devices_seized", 386, "2020-02-01", "2020-03-31")],
    )
    assert conflicts(conn) == [
        (
            "devices_seized",
            "2020-02-01",
            "2020-03-31",
            "own response and compilation",
            "not_held (208/20)",
            "figure 386 (pa-2020)",
        )
    ]


def test_own_responses_that_answer_one_question_differently_conflict(database):
    conn = database(
        responses=[("711/19", "transcription", "2019-06-13"), ("1130/20", "transcription", None)],
        outcomes=[
            ("711/19", "phone_extraction", "uses", "not_held", "2019-04-01", "2020-03-31"),
            ("1130/20", "phone_extraction", "uses", "cost_limit s12", "2019-04-01", "2020-03-31"),
            ("711/19", "phone_extraction", "people", "not_held", "2019-04-01", "2020-03-31"),
            ("1130/20", "phone_extraction", "people", "not_held", "2020-04-01", "2021-03-31"),
        ],
    )
    assert conflicts(conn) == [
        (
            "uses",
            "2019-04-01",
            "2020-03-31",
            "own responses",
            "not_held (711/19),cost_limit s12 (1130/20)",
            None,
        )
    ]


@pytest.mark.parametrize("compiled,expected", [(120, []), (125, ["own response and compilation"])])
def test_a_compiled_figure_conflicts_only_when_it_differs(database, compiled, expected):
    conn = database(
        responses=[("208/20", "document", "2020-03-02"), ("pa-2020", "compilation", "2020-04-28")],
        observations=[
            ("208/20", "uses", 120, "2019-01-01", "2019-12-31"),
            ("pa-2020", "uses", compiled, "2019-01-01", "2019-12-31"),
            ("pa-2020", "uses", 90, "2018-01-01", "2018-12-31"),  # no own figure for 2018
        ],
    )
    assert [row[3] for row in conflicts(conn)] == expected


def test_compilations_disagreeing_among_themselves_are_not_the_forces_conflict(database):
    conn = database(
        responses=[("pa-2020", "compilation", "2020-04-28"), ("bbc-2009", "compilation", None)],
        outcomes=[
            ("pa-2020", "phone_extraction", "uses", "refused"),
            ("bbc-2009", "phone_extraction", "uses", "disclosed"),
        ],
    )
    assert conflicts(conn) == []


def test_searches_and_matches_pair_one_response_and_totals_count_each_month_once(tmp_path):
    """Two responses give 2019 differently: the pair is the latest response's, never the
    larger of each. A half year and a financial year beside 2019 are listed, not added."""
    path = tmp_path / "scanners.db"
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    for reference, date in (("A/19", "2020-02-01"), ("B/21", "2021-03-01")):
        db["responses"].insert(
            {
                "response_id": f"kent/{reference}",
                "force_id": "kent",
                "reference": reference,
                "response_date": date,
                "source_kind": "transcription",
            }
        )
    given = [
        ("A/19", "uses", None, 1100, "2019-01-01", "2019-12-31"),
        ("A/19", "matches", "police", 200, "2019-01-01", "2019-12-31"),
        ("B/21", "uses", None, 1000, "2019-01-01", "2019-12-31"),
        ("B/21", "matches", "police", 300, "2019-01-01", "2019-12-31"),
        ("B/21", "uses", None, 500, "2019-01-01", "2019-06-30"),
        ("B/21", "matches", "police", 150, "2019-01-01", "2019-06-30"),
        ("B/21", "uses", None, 1200, "2019-04-01", "2020-03-31"),
        ("B/21", "matches", "police", 350, "2019-04-01", "2020-03-31"),
    ]
    for number, (reference, measure, police, value, start, end) in enumerate(given):
        db["observations"].insert(
            {
                "observation_id": f"f{number}",
                "response_id": f"kent/{reference}",
                "force_id": "kent",
                "technology": "mobile_fingerprint_scanner",
                "measure": measure,
                "breakdown": "database" if police else "none",
                "breakdown_value": police,
                "period_start": start,
                "period_end": end,
                "value": value,
                "unit": "count",
                "qualifier": "exact",
            }
        )
    conn = sqlite3.connect(path)
    pairs = conn.execute(
        "SELECT period_start, period_end, searches, police_matches "
        "FROM scanner_searches_and_matches ORDER BY period_start, period_end"
    ).fetchall()
    assert pairs == [
        ("2019-01-01", "2019-06-30", 500, 150),
        ("2019-01-01", "2019-12-31", 1000, 300),  # the later response's pair, not 1100 and 300
        ("2019-04-01", "2020-03-31", 1200, 350),
    ]
    totals = "SELECT from_, to_, searches, police_matches FROM scanner_totals_by_force"
    assert conn.execute(totals).fetchall() == [("2019-01-01", "2019-12-31", 1000, 300)]


def test_comparable_figures_seeks_each_span_by_technology_measure_and_start(tmp_path):
    """With the statistics a sampled ANALYZE leaves at 280,000 figures (1,001 rows for any
    technology, measure and start: no fewer than for a unit and measure), the figures of each
    row's span are found by technology, measure and start, not read for every figure of its
    unit and measure."""
    from multiforce.toolkit.summaries import INDEXES, _create_index

    path = tmp_path / "planned.db"
    ensure_schema(sqlite_utils.Database(path))
    conn = sqlite3.connect(path)
    for table, indexes in INDEXES.items():
        for columns in indexes:
            conn.execute(_create_index(table, columns))
    conn.execute("ANALYZE")
    conn.execute(
        "INSERT INTO sqlite_stat1 VALUES ('observations', ?, '198250 1001 1001 1001')",
        ("idx_observations_technology_measure_period_start",),
    )
    conn.commit()
    conn.close()
    conn = sqlite3.connect(path)
    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN SELECT * FROM comparable_figures")]
    seeks = [step for step in plan if step.startswith(("SEARCH p ", "SEARCH q "))]
    assert len(seeks) == 2 and all(
        "idx_observations_technology_measure_period_start" in step for step in seeks
    ), plan


def test_what_a_force_disclosed_reads_its_rows_in_order(built_db):
    """what_did_force_disclose reads a force's figures and outcomes in the order it shows them,
    from the indexes by force and topic: its views join each row's response and force plainly
    (joined LEFT, SQLite sorted every row of the force: at a million figures 30 ms became 114)."""
    from multiforce.toolkit.serving import canned_queries

    sql = canned_queries()["what_did_force_disclose"].sql
    conn = sqlite3.connect(built_db)
    plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", {"force_id": "x"})]
    assert not any("FOR ORDER BY" in step for step in plan), plan
