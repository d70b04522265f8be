"""What campaign tracking knows is in the views, as the `requests` command tells it: the views
and the command read one definition."""

import json
import sqlite3
from datetime import date

from multiforce.toolkit.campaigns import clock
from multiforce.toolkit.campaigns.views import working_days_after
from multiforce.toolkit.serving import dashboard_queries

from campaigns import (
    CAMPAIGN,
    WDTK,
    C,
    answered_on_a_day_nobody_recorded,
    edited_download,
    import_wdtk,
    rows,
)


def told(cli, db) -> dict[str, dict]:
    result = cli("requests", "--db", db, "--campaign", C, "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["force_id"]: row for row in json.loads(result.stdout)}


def test_request_status_knows_how_late_an_answer_was_at_least_as_the_command_does(
    cli, db, tmp_path
):
    answered_on_a_day_nobody_recorded(cli, db, tmp_path)
    viewed = dict(
        rows(
            db,
            "SELECT force_id, working_days_late_at_least FROM request_status WHERE campaign_id = ?",
            C,
        )
    )
    assert viewed["devon-and-cornwall"] == 19
    by_command = told(cli, db)
    assert viewed == {force: row["working_days_late_at_least"] for force, row in by_command.items()}
    late = dict(rows(db, "SELECT force_id, working_days_late FROM request_status"))
    assert late == {force: row["working_days_late"] for force, row in by_command.items()}


def panel(db, chart: str) -> list[tuple]:
    """The rows of one of the dashboard's charts, as its page asks for them with the test
    campaign picked."""
    conn = sqlite3.connect(db)
    try:
        sql = dashboard_queries({"campaign": C})[f"chart {chart}"]
        return conn.execute(sql, {"campaign": C}).fetchall()
    finally:
        conn.close()


def test_the_dashboards_campaign_panels_show_how_late_an_answer_was_at_least(
    cli, db, tmp_path, write_yaml
):
    """Devon and Cornwall answered on a day nobody recorded, at least 19 working days late: the
    table says 'at least 19' and the chart draws 19 as 'answered (at least)'. Essex, overdue,
    and the requests whose lateness is not known show as request_status gives them."""
    listed = CAMPAIGN.read_text(encoding="utf-8").replace("  - kent\n", "  - kent\n  - essex\n")
    assert cli("campaign", "new", write_yaml("with-essex.yaml", listed), "--db", db).exit_code == 0
    answered_on_a_day_nobody_recorded(cli, db, tmp_path)
    shown = {force: late for force, _, _, late, *_ in panel(db, "campaign-requests")}
    drawn = {force: (standing, late) for force, standing, late in panel(db, "campaign-late")}
    viewed = rows(
        db,
        "SELECT force_name, standing, working_days_late, working_days_late_at_least "
        "FROM request_status WHERE campaign_id = ?",
        C,
    )
    assert shown["Devon & Cornwall Police"] == "at least 19"
    assert drawn["Devon & Cornwall Police"] == ("answered (at least)", 19)
    assert shown["Essex Police"] == drawn["Essex Police"][1] > 0
    for force, standing, late, at_least in viewed:
        if late is not None or at_least is None:
            assert shown[force] == late and drawn[force] == (standing, late)


def _working_day_lookups(db, columns: str, source: str = "request_status") -> int:
    """How many lookups of the working-days calendar SQLite's program for reading `columns` of
    `source` holds: each is run for every row it reaches."""
    conn = sqlite3.connect(db)
    try:
        calendar = {
            page
            for (page,) in conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'working_days'"
            )
        }
        program = conn.execute(f"EXPLAIN SELECT {columns} FROM {source}").fetchall()
    finally:
        conn.close()
    return sum(1 for step in program if step[1] == "OpenRead" and step[3] in calendar)


def test_how_late_a_request_is_is_counted_once_a_row(db):
    """working_days_late_at_least is working_days_late but for an answer on a day nobody
    recorded: reading it beside working_days_late adds only the count of that 'at least'."""
    one_count = _working_day_lookups(
        db, working_days_after("q.due_date", "q.sent_date"), "requests q"
    )
    alone = _working_day_lookups(db, "working_days_late")
    both = _working_day_lookups(db, "working_days_late, working_days_late_at_least")
    assert one_count and both == alone + one_count


RESPONSE = """source_kind: transcription
force_id: kent
reference: KT-24-7
title: Scanners
request_date: 2024-01-08
response_date: 2024-03-01
campaign_id: scanners-2042
source_url: https://example.org/KT-24-7
outcomes:
  - technology: mobile_fingerprint_scanner
    measure: uses
    period: {start: 2023-01-01, end: 2023-12-31}
    status: refused
    exemptions: s31(1)
    locator: answer 1
"""


def test_responses_naming_a_campaign_not_held_are_a_view_the_command_reads(cli, db, write_yaml):
    assert cli("ingest", "--db", db, write_yaml("KT-24-7.yaml", RESPONSE)).exit_code == 0
    listed = rows(
        db,
        "SELECT campaign_id, response_id, force_name, response_date "
        "FROM responses_naming_unknown_campaigns",
    )
    assert listed == [("scanners-2042", "kent/KT-24-7", "Kent Police", "2024-03-01")]
    conn = sqlite3.connect(db)
    try:  # the command says what the view holds
        conn.execute("DROP VIEW responses_naming_unknown_campaigns")
        conn.execute(
            "CREATE VIEW responses_naming_unknown_campaigns AS "
            "SELECT 'scanners-2043' AS campaign_id, 'kent/KT-24-8' AS response_id"
        )
        conn.commit()
    finally:
        conn.close()
    said = cli("requests", "--db", db, "--campaign", C).stderr
    assert "1 response(s) name campaign 'scanners-2043'" in said and "kent/KT-24-8" in said
    assert "scanners-2042" not in said


def test_a_database_published_before_the_view_still_lists_them(cli, db, write_yaml):
    assert cli("ingest", "--db", db, write_yaml("KT-24-7.yaml", RESPONSE)).exit_code == 0
    conn = sqlite3.connect(db)
    try:
        conn.execute("DROP VIEW responses_naming_unknown_campaigns")
        conn.commit()
    finally:
        conn.close()
    said = cli("requests", "--db", db, "--campaign", C).stderr
    assert "1 response(s) name campaign 'scanners-2042'" in said and "kent/KT-24-7" in said


def test_a_withdrawal_stands_until_whatdotheyknow_reports_something_new(cli, db, tmp_path):
    """Devon and Cornwall's request, seen long overdue, is withdrawn; the next download still
    says long overdue, which is no news: it stays withdrawn, and the import says why. An
    answer after it moves it on."""
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    assert cli("campaign", "withdraw", f"{C}/devon-and-cornwall", "--db", db).exit_code == 0
    later = import_wdtk(cli, db, WDTK / "batch-download-later.csv")
    assert later.exit_code == 0, later.output
    assert told(cli, db)["devon-and-cornwall"]["standing"] == "withdrawn"
    assert (
        "devon-and-cornwall 'Long overdue' (waiting_response_very_overdue) as of "
        f"{date.today().isoformat()}, no news since it was withdrawn on "
        f"{date.today().isoformat()} (multiforce campaign withdraw): it stays withdrawn"
    ) in later.output
    assert not rows(db, "SELECT * FROM silence WHERE force_id = 'devon-and-cornwall'")
    answered = edited_download(
        tmp_path / "answered.csv",
        "batch-download-later.csv",
        "Devon & Cornwall Police,0,Long overdue",
        "Devon & Cornwall Police,1,Successful",
    )
    assert import_wdtk(cli, db, answered).exit_code == 0
    assert told(cli, db)["devon-and-cornwall"]["standing"] == "answered"


def test_a_withdrawal_before_any_download_stands_against_its_waiting_state(cli, db):
    assert cli("campaign", "withdraw", f"{C}/police-scotland", "--db", db).exit_code == 0
    assert import_wdtk(cli, db, WDTK / "batch-download.csv").exit_code == 0
    assert told(cli, db)["police-scotland"]["standing"] == "withdrawn"


def test_a_force_taken_out_of_a_file_with_no_sent_date_is_withdrawn(cli, tmp_path, write_yaml):
    """A campaign not sent yet (no `sent:`) and no response named: Kent, taken out of the file,
    has its request withdrawn as any listed force's is; the status before it is unchanged."""
    text = CAMPAIGN.read_text(encoding="utf-8").replace("sent: 2024-01-08\n", "")
    db = tmp_path / "unsent.db"
    assert cli("campaign", "new", write_yaml("unsent.yaml", text), "--db", db).exit_code == 0
    assert told(cli, db)["kent"]["standing"] == "awaiting_response"
    again = cli("campaign", "new", write_yaml("unsent.yaml", text), "--db", db)
    assert "nothing changed" in again.output
    without = write_yaml("unsent.yaml", text.replace("  - kent\n", ""))
    result = cli("campaign", "new", without, "--db", db)
    assert "withdrawn, as the file no longer lists them: kent" in result.output
    assert told(cli, db)["kent"]["standing"] == "withdrawn"


def test_a_force_listed_undated_then_imported_is_withdrawn_when_taken_out(
    cli, tmp_path, write_yaml
):
    """Listed by a file with no `sent:`, then imported from WhatDoTheyKnow, Devon and Cornwall's
    request is still the file's: taken out of the file, it is withdrawn."""
    text = CAMPAIGN.read_text(encoding="utf-8").replace("sent: 2024-01-08\n", "")
    db = tmp_path / "unsent.db"
    assert cli("campaign", "new", write_yaml("unsent.yaml", text), "--db", db).exit_code == 0
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    without = write_yaml("unsent.yaml", text.replace("  - devon-and-cornwall\n", ""))
    result = cli("campaign", "new", without, "--db", db)
    assert "withdrawn, as the file no longer lists them: devon-and-cornwall" in result.output
    assert told(cli, db)["devon-and-cornwall"]["standing"] == "withdrawn"


def test_a_file_listing_a_force_undated_leaves_the_status_whatdotheyknow_dates(
    cli, tmp_path, write_yaml
):
    text = CAMPAIGN.read_text(encoding="utf-8").replace("sent: 2024-01-08\n", "")
    db = tmp_path / "unsent.db"
    assert cli("campaign", "new", write_yaml("unsent.yaml", text), "--db", db).exit_code == 0
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    where = "FROM requests WHERE force_id = 'devon-and-cornwall'"
    assert rows(db, f"SELECT status, status_date {where}") == [("awaiting_response", "2024-03-01")]


def test_the_same_campaign_from_another_path_changes_nothing(cli, db, tmp_path):
    copy = tmp_path / "scanners-copy.yaml"
    copy.write_bytes(CAMPAIGN.read_bytes())
    result = cli("campaign", "new", copy, "--db", db)
    assert result.exit_code == 0, result.output
    assert f"{C}: {db} holds it already; nothing changed." in result.output
    edited = tmp_path / "edited.yaml"
    edited.write_text(
        CAMPAIGN.read_text(encoding="utf-8").replace("title: Mobile", "title: Handheld"),
        encoding="utf-8",
    )
    assert "1 campaign(s)" in cli("campaign", "new", edited, "--db", db).output
    assert rows(db, "SELECT title, source FROM campaigns") == [
        ("Handheld fingerprint scanners in 2023", "edited.yaml")
    ]


def test_the_views_count_working_days_as_the_clock_does(db):
    """A count from the calendar's numbers is the clock's count: across holidays and weekends,
    for a day before the other (none), in either regime, and for a day not known (none)."""
    pairs = [
        ("2024-03-28", "2024-04-02"),  # Good Friday and Easter Monday
        ("2024-12-20", "2025-01-06"),  # Christmas, Boxing Day, New Year's Day
        ("2024-01-06", "2024-01-07"),  # a weekend
        ("2024-02-01", "2024-01-15"),  # the end before the start
        ("2024-01-08", "2024-01-08"),
    ]
    for regime in ("foia", "foisa"):
        for start, end in pairs:
            counted = rows(
                db,
                f"SELECT {working_days_after('q.start', 'q.end')} FROM "
                "(SELECT ? AS regime, ? AS start, ? AS end) q",
                regime,
                start,
                end,
            )
            expected = clock.working_days_between(
                date.fromisoformat(start), date.fromisoformat(end), regime
            )
            assert counted == [(expected,)], (regime, start, end)
    unknown = f"SELECT {working_days_after('q.start', 'q.end')} FROM (SELECT 'foia' AS regime, "
    assert rows(db, unknown + "NULL AS start, '2024-02-01' AS end) q") == [(0,)]
    assert rows(db, unknown + "'2024-02-01' AS start, NULL AS end) q") == [(0,)]


def test_a_calendar_an_earlier_version_made_is_made_again(cli, db, tmp_path):
    """A calendar of working days without their numbers (an earlier version's) is derived: the
    next write makes it again, and the views count as before."""
    before = rows(db, "SELECT request_id, working_days_late FROM request_status ORDER BY 1")
    conn = sqlite3.connect(db)
    held = conn.execute("SELECT regime, date FROM working_days").fetchall()
    conn.execute("DROP TABLE working_days")
    conn.execute("CREATE TABLE working_days (regime TEXT, date TEXT, PRIMARY KEY (regime, date))")
    conn.executemany("INSERT INTO working_days VALUES (?, ?)", held)
    conn.commit()
    conn.close()
    result = cli("campaign", "withdraw", f"{C}/kent", "--db", db)
    assert result.exit_code == 0, result.output
    assert rows(db, "SELECT count(*) FROM working_days WHERE number IS NULL") == [(0,)]
    after = dict(rows(db, "SELECT request_id, working_days_late FROM request_status"))
    assert {key: value for key, value in before if key != f"{C}/kent"} == {
        key: value for key, value in after.items() if key != f"{C}/kent"
    }
