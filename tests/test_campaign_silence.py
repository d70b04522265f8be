"""Silence is data: an overdue, unanswered request shows as no_response in the outcome matrix,
in who_refused_what and in the dashboard's grid, worked out from the requests on the day they
are read; a request not yet due shows as awaiting, a force that answered shows its answer, and
one whose answer is not read yet shows as answered."""

import datetime
import json
import re
import sqlite3

import pytest
from click.testing import CliRunner
from multiforce.schemas.vocabulary import STATUSES, TECHNOLOGIES
from multiforce.toolkit.campaigns.views import REQUEST_CELLS
from multiforce.toolkit.charts import STATUS_COLOURS
from multiforce.toolkit.cli import main
from multiforce.toolkit.serving import METADATA_FILE, canned_queries
from multiforce.toolkit.serving.fts import register
from multiforce.toolkit.summaries import write_summaries
from test_views_queries import _plain, _queries, _rows

CAMPAIGN = """id: {id}
title: Phone extraction, asked of three forces
description: Whether each force extracts data from phones.
sent: {sent}
period: {{start: 2023-01-01, end: 2023-12-31}}
forces:
{forces}
questions:
  - number: "1"
    text: Does your force extract data from mobile phones?
    topics:
      - {{technology: phone_extraction, measure: in_use}}
"""
METADATA = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
DASHBOARD = METADATA["plugins"]["datasette-dashboards"]["overview"]["charts"]


@pytest.fixture(scope="module")
def db(summary_tables, tmp_path_factory):
    """The bundled build and two campaigns about phone extraction: one sent in January 2024
    (Kent silent and long overdue; Cumbria answered with its bundled response), one sent today
    to Devon and Cornwall (not yet due); its summaries are tables, as at a million figures."""
    folder = tmp_path_factory.mktemp("silence")
    path = folder / "silence.db"
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--db", str(path)])
    assert result.exit_code == 0, result.output
    campaigns = {
        "phones-2024": ("2024-01-08", "  - kent\n  - force: cumbria\n    response: FOI/69/20"),
        "phones-today": (datetime.date.today().isoformat(), "  - devon-and-cornwall"),
    }
    for campaign_id, (sent, forces) in campaigns.items():
        file = folder / f"{campaign_id}.yaml"
        file.write_text(CAMPAIGN.format(id=campaign_id, sent=sent, forces=forces), "utf-8")
        result = runner.invoke(main, ["campaign", "new", str(file), "--db", str(path)])
        assert result.exit_code == 0, result.output
    return path


def query(db, sql, **parameters):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        used = {key: value for key, value in parameters.items() if f":{key}" in sql}
        return [dict(row) for row in conn.execute(sql, used)]
    finally:
        conn.close()


def dashboard(name):
    return re.sub(r"\[\[(.*?)\]\]", r"\1", DASHBOARD[name]["query"])


def test_the_outcome_matrix_shows_silence_awaiting_and_answers(db):
    matrix = {
        row["force_id"]: row["phone_extraction"]
        for row in query(db, canned_queries()["outcome_matrix"].sql)
    }
    assert matrix["kent"] == "no_response"
    assert matrix["devon-and-cornwall"] == "awaiting"
    assert matrix["cumbria"].startswith("refused")  # its own answer, not its request
    assert "cheshire" not in matrix  # neither answered, compiled nor asked: no row
    full = {row["force_id"]: row for row in query(db, "SELECT * FROM outcome_matrix")}
    assert full["kent"]["knife_arch"] == "not asked"  # the campaign asked only phone extraction
    assert full["cheshire"]["phone_extraction"] == "not asked"


def test_who_refused_what_lists_the_silent_force_only(db):
    rows = query(db, canned_queries()["who_refused_what"].sql)
    silent = [row for row in rows if row["status"] == "no_response"]
    assert [(r["force_name"], r["technology"], r["measure"], r["campaign_id"]) for r in silent] == [
        ("Kent Police", "phone_extraction", "in_use", "phones-2024")
    ]
    assert silent[0]["overdue_working_days"] > 0 and silent[0]["source_kind"] == "request"
    assert silent[0]["reference"] == "phones-2024/kent"
    assert any(r["force_name"] == "Cumbria Constabulary" for r in rows)  # its refusal
    assert list(rows[0])[:10] == [
        "force_name",
        "technology",
        "measure",
        "breakdown",
        "status",
        "exemptions",
        "reason",
        "source_kind",
        "reference",
        "locator",
    ]
    assert [r["force_name"] for r in rows] == sorted(r["force_name"] for r in rows)


def test_the_dashboards_grid_and_table_show_silence(db):
    grid = {
        row["force_name"]: row["shown_status"]
        for row in query(db, dashboard("outcome-matrix"))
        if row["technology"] == "phone_extraction"
    }
    assert grid["Kent Police"] == "no_response"
    assert grid["Devon & Cornwall Police"] == "awaiting"
    assert grid["Cumbria Constabulary"] == "refused"
    table = query(db, dashboard("who-refused"), technology="phone_extraction")
    assert ("Kent Police", "no_response") in [(r["force_name"], r["status"]) for r in table]
    assert "Devon & Cornwall Police" not in [r["force_name"] for r in table]


def test_silence_is_never_stored(db):
    conn = sqlite3.connect(db)
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
    assert kinds["outcome_matrix_summary"] == kinds["matrix_cells_summary"] == "view"
    assert (
        conn.execute("SELECT count(*) FROM outcomes WHERE status = 'no_response'").fetchone()[0]
        == 0
    )
    summarised = "SELECT count(*) FROM outcome_cells_summary WHERE source_kind = 'request'"
    assert conn.execute(summarised).fetchone()[0] == 0
    assert (
        conn.execute(
            "SELECT count(*) FROM matrix_cells_summary WHERE source_kind = 'request'"
        ).fetchone()[0]
        == 2
    )


def copied(db, path):
    """A connection to a copy of the database at `path`, to change its requests."""
    source = sqlite3.connect(db)
    source.backup(target := sqlite3.connect(path))
    source.close()
    return target


def changed(db, path, statement: str):
    """A copy of the database at `path`, with one statement run on it."""
    target = copied(db, path)
    target.execute(statement)
    target.commit()
    target.close()
    return path


def test_a_request_falls_overdue_without_a_publish(db, tmp_path):
    """The request sent today is due in 20 working days: moved back, it is silent."""
    moved = changed(
        db,
        tmp_path / "moved.db",
        "UPDATE requests SET sent_date = date('now', '-60 days'), "
        "due_date = date('now', '-30 days') WHERE campaign_id = 'phones-today'",
    )
    matrix = {
        row["force_id"]: row["phone_extraction"]
        for row in query(moved, canned_queries()["outcome_matrix"].sql)
    }
    assert matrix["devon-and-cornwall"] == "no_response"


@pytest.mark.parametrize(
    ("wdtk_state", "shown"),
    [(None, "answered"), ("rejected", "answered (reported: refused)")],
)
def test_an_answer_not_yet_read_shows_as_answered_not_as_not_asked(db, tmp_path, wdtk_state, shown):
    """Devon and Cornwall answered today's request (WhatDoTheyKnow's state, if any, says how),
    its response not yet read; Kent answered it too, but its other request is overdue; Cumbria's
    answered request gives way to the response of it that was read."""
    answered = tmp_path / "answered.db"
    conn = copied(db, answered)
    conn.row_factory = sqlite3.Row
    (devon,) = conn.execute("SELECT * FROM requests WHERE campaign_id = 'phones-today'")
    kent = {**dict(devon), "request_id": "phones-today/kent", "force_id": "kent"}
    conn.execute(
        f"INSERT INTO requests ({', '.join(kent)}) VALUES ({', '.join('?' * len(kent))})",
        list(kent.values()),
    )
    conn.execute(
        "UPDATE requests SET status = 'answered', wdtk_state = ? "
        "WHERE campaign_id = 'phones-today'",
        (wdtk_state,),
    )
    conn.commit()
    conn.close()
    matrix = {
        row["force_id"]: row["phone_extraction"]
        for row in query(answered, canned_queries()["outcome_matrix"].sql)
    }
    assert matrix["devon-and-cornwall"] == shown
    assert matrix["kent"] == "no_response"
    assert matrix["cumbria"].startswith("refused")
    grid = {
        row["force_name"]: (row["shown_status"], row["statuses"])
        for row in query(answered, dashboard("outcome-matrix"))
        if row["technology"] == "phone_extraction"
    }
    assert grid["Devon & Cornwall Police"] == ("answered", shown)
    assert grid["Kent Police"] == ("no_response", "no_response")
    assert grid["Cumbria Constabulary"][0] == "refused"
    full = {row["force_id"]: row for row in query(answered, "SELECT * FROM outcome_matrix")}
    assert full["devon-and-cornwall"]["knife_arch"] == "not asked"
    summarised = [
        tuple(row.values()) for row in query(answered, "SELECT * FROM matrix_cells_summary")
    ]
    viewed = [tuple(row.values()) for row in query(answered, "SELECT * FROM matrix_cells")]
    assert sorted(summarised, key=repr) == sorted(viewed, key=repr)


def test_an_answer_recorded_stays_an_answer_when_a_review_is_asked_for(db, tmp_path, cli):
    """An internal review follows an answer: the views count the request answered, as the
    `requests` command does."""
    reviewed = changed(
        db,
        tmp_path / "reviewed.db",
        "UPDATE requests SET status = 'internal_review', answered_date = sent_date "
        "WHERE campaign_id = 'phones-today'",
    )
    (standing,) = query(
        reviewed, "SELECT standing FROM request_status WHERE campaign_id = 'phones-today'"
    )
    assert standing == {"standing": "answered"}
    matrix = {row["force_id"]: row for row in query(reviewed, "SELECT * FROM outcome_matrix")}
    assert matrix["devon-and-cornwall"]["phone_extraction"] == "answered"
    told = cli("requests", "--db", reviewed, "--campaign", "phones-today", "--format", "json")
    assert [row["standing"] for row in json.loads(told.stdout)] == ["answered"]


def test_every_status_of_a_requests_cell_is_coloured_and_described():
    """The dashboard's grid colours each status a cell of the matrix may show, as the static
    chart does those it draws; the views holding requests' cells name each of theirs."""
    scale = DASHBOARD["outcome-matrix"]["display"]["encoding"]["color"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"], strict=True))
    assert set(colours) == {*STATUSES, *REQUEST_CELLS, "mixed"}
    assert {status: colours[status] for status in STATUS_COLOURS if status in colours} == {
        status: colour for status, colour in STATUS_COLOURS.items() if status in colours
    }
    tables = METADATA["databases"]["multiforce"]["tables"]
    described = {
        "request_cells": ["statuses", "shown_status", "status_list"],
        "matrix_cells": ["statuses", "shown_status"],
        "matrix_cells_summary": ["statuses", "shown_status"],
        "outcome_matrix": list(TECHNOLOGIES),
        "outcome_matrix_summary": list(TECHNOLOGIES),
    }
    for view, columns in described.items():
        texts = [tables[view]["description"], *(tables[view]["columns"][c] for c in columns)]
        for text in texts:
            assert all(re.search(rf"\b{status}\b", text) for status in REQUEST_CELLS), (view, text)


@pytest.mark.parametrize("name", sorted(_queries()))
def test_with_silence_a_fast_query_gives_what_the_plain_views_give(db, name):
    conn = sqlite3.connect(db)
    register(conn)
    sql, parameters = _queries()[name]
    assert _rows(conn, sql, parameters) == _rows(conn, _plain(name, sql), parameters)


def test_a_publish_turns_an_older_stored_matrix_summary_into_the_live_view(db, tmp_path):
    older = tmp_path / "older.db"
    source = sqlite3.connect(db)
    source.backup(conn := sqlite3.connect(older))
    source.close()
    conn.execute("DROP VIEW outcome_matrix_summary")
    conn.execute("CREATE TABLE outcome_matrix_summary AS SELECT * FROM outcome_matrix")
    write_summaries(conn)
    kind = "SELECT type FROM sqlite_master WHERE name = 'outcome_matrix_summary'"
    assert conn.execute(kind).fetchall() == [("view",)]
    write_summaries(conn)  # and again, over the view
    assert conn.execute(kind).fetchall() == [("view",)]


KENT_REFUSAL = """source_kind: transcription
force_id: kent
reference: KENT-2024-1
title: Phone extraction
request_date: 2024-01-08
response_date: 2024-03-01
campaign_id: {campaign_id}
source_url: https://example.org/kent-2024-1
outcomes:
  - technology: phone_extraction
    measure: in_use
    period: {{start: 2023-01-01, end: 2023-12-31}}
    status: refused
    exemptions: s31(1)
    reason: Made-up reason for the test
    locator: answer 1
"""


def test_a_response_of_the_campaign_answers_the_forces_request(db, tmp_path, cli):
    """Kent's transcribed refusal names the campaign: it answers Kent's request (late, by its
    own date), so Kent is no longer silent anywhere."""
    answered = copied(db, tmp_path / "answered.db")
    answered.close()
    answered = tmp_path / "answered.db"
    response = tmp_path / "kent.yaml"
    response.write_text(KENT_REFUSAL.format(campaign_id="phones-2024"), "utf-8")
    result = cli("ingest", "--db", answered, response)
    assert result.exit_code == 0, result.output
    (kent,) = query(answered, "SELECT * FROM request_status WHERE request_id = 'phones-2024/kent'")
    assert kent["standing"] == "answered"
    assert kent["response_id"] == "kent/KENT-2024-1"
    assert kent["answered_date"] == "2024-03-01"
    assert kent["working_days_late"] > 0 and kent["source_kind"] == "transcription"
    assert not query(answered, "SELECT * FROM silence WHERE force_id = 'kent'")
    told = cli("requests", "--db", answered, "--campaign", "phones-2024", "--format", "json")
    standing = {row["force_id"]: row for row in json.loads(told.stdout)}
    assert standing["kent"]["standing"] == "answered"
    assert standing["kent"]["response_id"] == "kent/KENT-2024-1"
    earlier = cli(
        "requests",
        "--db",
        answered,
        "--campaign",
        "phones-2024",
        "--format",
        "json",
        "--on",
        "2024-02-20",
    )
    assert {r["force_id"]: r["standing"] for r in json.loads(earlier.stdout)}["kent"] == "overdue"
    rows = query(answered, canned_queries()["who_refused_what"].sql)
    kent_rows = [(r["status"], r["campaign_id"]) for r in rows if r["force_name"] == "Kent Police"]
    assert kent_rows == [("refused", "phones-2024")]


def test_a_response_naming_a_campaign_not_held_is_said(db, tmp_path, cli):
    """A response may come before its campaign is added, but a campaign id the database does not
    hold is never passed over in silence."""
    answered = copied(db, tmp_path / "typo.db")
    answered.close()
    response = tmp_path / "kent.yaml"
    response.write_text(KENT_REFUSAL.format(campaign_id="phones-2042"), "utf-8")
    result = cli("ingest", "--db", tmp_path / "typo.db", response)
    assert result.exit_code == 0, result.output
    assert "phones-2042" in result.output and "campaign" in result.output


def test_a_response_the_campaign_file_names_answers_in_the_requests_command_too(tmp_path, cli):
    """The campaign file names Kent's response, not yet ingested (so undated): the views and the
    `requests` command both count the request answered, whatever the day it is read as of."""
    db = tmp_path / "named.db"
    file = tmp_path / "named.yaml"
    forces = "  - force: kent\n    response: KENT-2024-1\n  - cumbria"
    file.write_text(CAMPAIGN.format(id="phones-2024", sent="2024-01-08", forces=forces), "utf-8")
    assert cli("campaign", "new", file, "--db", db).exit_code == 0
    viewed = {
        row["force_id"]: row["standing"]
        for row in query(db, "SELECT force_id, standing FROM request_status")
    }
    assert viewed == {"kent": "answered", "cumbria": "overdue"}
    for day in ("2024-03-01", datetime.date.today().isoformat()):
        told = cli("requests", "--db", db, "--format", "json", "--on", day)
        assert {row["force_id"]: row["standing"] for row in json.loads(told.stdout)} == viewed
