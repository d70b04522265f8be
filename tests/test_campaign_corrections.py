"""Tracking a campaign that changes under it: what is stored agrees with what is read, a file
is known by its content, a warning is said once, a request can be withdrawn, and lateness the
history shows is reported."""

import json
from datetime import date

from conftest import ROOT
from multiforce.toolkit.campaigns.wdtk import same_file

from campaigns import (
    CAMPAIGN,
    WDTK,
    C,
    answered_on_a_day_nobody_recorded,
    edited_download,
    import_wdtk,
    rows,
)


def campaign_file(write_yaml, old: str, new: str, name: str = "campaign.yaml"):
    """The test campaign's file with one edit."""
    text = CAMPAIGN.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} is not in {CAMPAIGN.name}"
    return write_yaml(name, text.replace(old, new, 1))


def standing(cli, db, *args) -> dict[str, dict]:
    told = cli("requests", "--db", db, "--campaign", C, "--format", "json", *args)
    assert told.exit_code == 0, told.output
    return {row["force_id"]: row for row in json.loads(told.stdout)}


def test_a_response_the_campaign_file_names_is_the_stored_status(cli, tmp_path, write_yaml):
    """The file names Kent's response (undated): the stored status is answered, as every reader
    derives it, not the sent day's awaiting_response."""
    db = tmp_path / "named.db"
    named = campaign_file(write_yaml, "  - kent\n", "  - force: kent\n    response: KT-24-7\n")
    assert cli("campaign", "new", named, "--db", db).exit_code == 0
    where = "FROM requests WHERE force_id = 'kent'"
    assert rows(db, f"SELECT status, response_id {where}") == [("answered", "kent/KT-24-7")]
    (viewed,) = rows(db, "SELECT status, standing FROM request_status WHERE force_id = 'kent'")
    assert viewed == ("answered", "answered")
    told = standing(cli, db)["kent"]
    assert (told["status"], told["standing"]) == ("answered", "answered")


def statuses(db) -> dict[str, str]:
    return dict(rows(db, "SELECT force_id, status FROM requests"))


def test_an_export_renamed_is_seen_by_its_content(cli, db, tmp_path):
    """The first download, saved again under another name and imported today, does not date
    its old states anew over the later download's."""
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    import_wdtk(cli, db, "--as-of", "2024-04-02", WDTK / "batch-download-later.csv")
    held = statuses(db)
    renamed = tmp_path / "scanners-batch.csv"
    renamed.write_bytes((WDTK / "batch-download.csv").read_bytes())
    again = import_wdtk(cli, db, renamed)
    assert again.exit_code == 0, again.output
    assert statuses(db) == held
    said = (
        "kent 'Refused' (rejected) already seen in WhatDoTheyKnow batch CSV "
        "batch-download.csv (sha256"
    )
    assert said in again.output


def test_a_new_export_under_an_old_name_is_read(cli, db, tmp_path):
    """A later download saved under the first one's name is another export: Kent's refusal,
    upheld after the review, is its status again from the day of that download."""
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    import_wdtk(cli, db, "--as-of", "2024-04-02", WDTK / "batch-download-later.csv")
    assert statuses(db)["kent"] == "internal_review"
    upheld = edited_download(
        tmp_path / "batch-download.csv",
        "batch-download-later.csv",
        "Kent Police,2,Awaiting internal review",
        "Kent Police,3,Refused",
    )
    later = import_wdtk(cli, db, "--as-of", "2024-05-02", upheld)
    assert later.exit_code == 0, later.output
    assert "already seen" not in later.output
    where = "FROM requests WHERE force_id = 'kent'"
    assert rows(db, f"SELECT status, status_date, wdtk_state {where}") == [
        ("answered", "2024-05-02", "rejected")
    ]


def test_a_history_written_before_sources_gave_content_is_matched_by_name():
    earlier = "WhatDoTheyKnow batch CSV download.csv"
    assert same_file(earlier, f"{earlier} (sha256 0123456789abcdef)")
    assert not same_file(f"{earlier} (sha256 0123456789abcdef)", f"{earlier} (sha256 fedcba)")
    assert same_file(f"{earlier} (sha256 0123456789abcdef)", "x.csv (sha256 0123456789abcdef)")
    assert not same_file("a\nb.csv (sha256 0123456789abcdef)", "a\nb.csv (sha256 fedcba)")


TRANSCRIPTION = """source_kind: transcription
force_id: {force}
reference: {reference}
title: Scanners
request_date: 2024-01-08
response_date: 2024-03-01
campaign_id: {campaign_id}
source_url: https://example.org/{reference}
outcomes:
  - technology: mobile_fingerprint_scanner
    measure: uses
    period: {{start: 2023-01-01, end: 2023-12-31}}
    status: refused
    exemptions: s31(1)
    locator: answer 1
"""


def transcription(write_yaml, force: str, reference: str, campaign_id: str = C):
    text = TRANSCRIPTION.format(force=force, reference=reference, campaign_id=campaign_id)
    return write_yaml(f"{reference}.yaml", text)


def test_a_campaign_not_held_is_warned_of_once_and_listed_where_looked_up(cli, db, write_yaml):
    """The warning is news: said of the responses an ingest publishes, not again at every
    ingest; the full list is in the `requests` command's notes."""
    mistyped = transcription(write_yaml, "kent", "KT-24-7", campaign_id="scanners-2042")
    first = cli("ingest", "--db", db, mistyped)
    assert first.exit_code == 0, first.output
    assert "1 response(s) published now name campaign 'scanners-2042'" in first.stderr
    assert "kent/KT-24-7" in first.stderr
    later = cli("ingest", "--db", db, transcription(write_yaml, "west-midlands", "WM-24-1"))
    assert later.exit_code == 0, later.output
    assert "scanners-2042" not in later.output
    told = cli("requests", "--db", db, "--campaign", C)
    assert "1 response(s) name campaign 'scanners-2042'" in told.stderr
    assert "kent/KT-24-7" in told.stderr


def test_looking_for_campaigns_not_held_leaves_a_file_not_a_database_to_ingest(cli, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    result = cli("ingest", "--db", junk, CAMPAIGN)
    assert result.exit_code == 1
    assert "this is not a multiforce database" in result.output


def test_a_force_taken_out_of_the_campaign_file_has_its_request_withdrawn(cli, db, write_yaml):
    """Kent was asked by mistake: the file without it withdraws its request, which leaves the
    overdue and silent lists and keeps its history; put back, it is owed again."""
    assert standing(cli, db)["kent"]["standing"] == "overdue"
    without = campaign_file(write_yaml, "  - kent\n", "")
    result = cli("campaign", "new", without, "--db", db)
    assert result.exit_code == 0, result.output
    assert "withdrawn, as the file no longer lists them: kent" in result.output
    today = date.today().isoformat()
    where = "FROM requests WHERE force_id = 'kent'"
    assert rows(db, f"SELECT status, status_date {where}") == [("withdrawn", today)]
    assert [status for (status,) in rows(db, "SELECT status FROM request_events")].count(
        "awaiting_response"
    ) == 4
    assert standing(cli, db)["kent"]["standing"] == "withdrawn"
    assert rows(db, "SELECT standing FROM request_status WHERE force_id = 'kent'") == [
        ("withdrawn",)
    ]
    assert not rows(db, "SELECT * FROM silence WHERE force_id = 'kent'")
    assert cli("campaign", "new", without, "--db", db).output.count("nothing changed") == 1
    again = cli("campaign", "new", CAMPAIGN, "--db", db)
    assert "listed again: kent" in again.output
    assert standing(cli, db)["kent"]["standing"] == "overdue"
    cli("campaign", "new", without, "--db", db)  # the same day's second thoughts, each recorded
    assert standing(cli, db)["kent"]["standing"] == "withdrawn"
    cli("campaign", "new", CAMPAIGN, "--db", db)
    assert standing(cli, db)["kent"]["standing"] == "overdue"


def test_a_force_import_wdtk_added_is_not_withdrawn_by_the_campaign_file(cli, db, tmp_path):
    data = json.loads((WDTK / "scanner_use_by_force.json").read_text(encoding="utf-8"))
    data["public_body"] = {"id": 9, "url_name": "essex_police", "name": "Essex Police"}
    essex = tmp_path / "essex.json"
    essex.write_text(json.dumps(data), encoding="utf-8")
    assert import_wdtk(cli, db, essex).exit_code == 0
    held = statuses(db)["essex"]
    result = cli("campaign", "new", CAMPAIGN, "--db", db)
    assert "withdrawn" not in result.output
    assert statuses(db)["essex"] == held


def test_a_request_no_campaign_file_listed_is_withdrawn_by_the_command(cli, db, tmp_path):
    """Essex's request came into the campaign by a mistyped --campaign: `campaign withdraw`
    takes it out of the overdue and silent lists, its history kept."""
    data = json.loads((WDTK / "scanner_use_by_force.json").read_text(encoding="utf-8"))
    data["public_body"] = {"id": 9, "url_name": "essex_police", "name": "Essex Police"}
    data["described_state"] = "waiting_response"
    data["info_request_events"] = data["info_request_events"][:1]
    essex = tmp_path / "essex.json"
    essex.write_text(json.dumps(data), encoding="utf-8")
    assert import_wdtk(cli, db, essex).exit_code == 0
    assert standing(cli, db)["essex"]["standing"] == "overdue"
    held = rows(db, "SELECT date, status FROM request_events WHERE request_id = ?", f"{C}/essex")
    result = cli("campaign", "withdraw", f"{C}/essex", "--db", db)
    assert result.exit_code == 0, result.output
    assert f"{C}/essex withdrawn" in result.output
    assert standing(cli, db)["essex"]["standing"] == "withdrawn"
    assert not rows(db, "SELECT * FROM silence WHERE force_id = 'essex'")
    history = rows(db, "SELECT date, status FROM request_events WHERE request_id = ?", f"{C}/essex")
    assert history == [*held, (date.today().isoformat(), "withdrawn")]
    again = cli("campaign", "withdraw", f"{C}/essex", "--db", db)
    assert again.exit_code == 0 and "withdrawn already; nothing changed" in again.output


def test_withdrawing_a_request_not_held_names_those_held(cli, db):
    result = cli("campaign", "withdraw", f"{C}/kentt", "--db", db)
    assert result.exit_code == 1
    assert (
        f"no request '{C}/kentt'" in result.output
        and f"(did you mean '{C}/kent'?)" in result.output
    )


def test_an_answer_after_the_request_was_seen_overdue_is_at_least_that_late(cli, db, tmp_path):
    """Devon and Cornwall was long overdue on 1 March (19 working days after 5 February) and
    had answered by 2 April, on a day nobody recorded: at least 19 working days late."""
    answered_on_a_day_nobody_recorded(cli, db, tmp_path)
    devon = standing(cli, db, "--on", "2024-04-10")["devon-and-cornwall"]
    assert devon["standing"] == "answered" and devon["working_days_late"] is None
    assert devon["working_days_late_at_least"] == 19
    kent = standing(cli, db, "--on", "2024-04-10")["kent"]  # refused by 1 March: not known
    assert kent["working_days_late"] is None and kent["working_days_late_at_least"] is None
    table = cli("requests", "--db", db, "--campaign", C, "--on", "2024-04-10").output
    (line,) = [line for line in table.splitlines() if line.startswith(f"{C}/devon")]
    assert "at least 19 wd" in line


def test_the_lock_file_stays_beside_the_database_and_the_docs_say_why(db):
    """Removing it on release would let two writers hold 'the' lock at once (one on the removed
    file, one on a new one): it stays, and docs/campaigns.md says so for whoever finds it."""
    assert db.with_name(db.name + ".lock").exists()
    page = (ROOT / "docs" / "campaigns.md").read_text(encoding="utf-8")
    section = page[page.index("## Files beside the database") :]
    assert "scanners.db.lock" in section and "two writers" in section
