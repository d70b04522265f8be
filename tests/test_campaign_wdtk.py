"""import-wdtk on WhatDoTheyKnow's file formats (fixtures written for the tests), history
across imports, and hostile files that must leave the database byte for byte as it was."""

import hashlib
import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT
from multiforce.toolkit.campaigns import wdtk

from campaigns import WDTK, C, edited_download, import_wdtk, rows


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_request_json_gives_dates_history_and_time_to_answer(cli, db):
    result = import_wdtk(cli, db, WDTK / "scanner_use_by_force.json")
    assert result.exit_code == 0, result.output
    (request,) = rows(
        db,
        "SELECT sent_date, due_date, status, status_date, wdtk_state, answered_date, "
        "working_days_to_answer, wdtk_url FROM requests WHERE force_id = 'west-midlands'",
    )
    # Answered by the response of 9 February (classified on the 12th): 24 working days.
    assert request == (
        "2024-01-08",
        "2024-02-05",
        "answered",
        "2024-02-12",
        "partially_successful",
        "2024-02-09",
        24,
        "https://www.whatdotheyknow.com/request/scanner_use_by_force",
    )
    history = rows(
        db,
        "SELECT date, status, wdtk_state FROM request_events "
        "WHERE request_id = 'scanners-2024/west-midlands' ORDER BY rowid",
    )
    assert history[-2:] == [
        ("2024-01-08", "awaiting_response", "waiting_response"),
        ("2024-02-12", "answered", "partially_successful"),
    ]


def test_police_scotland_runs_on_the_scottish_clock(cli, db):
    result = import_wdtk(cli, db, WDTK / "scanner_use_by_force_2.json")
    # the request's own day replaces the campaign file's, and the summary says so
    assert "(by WhatDoTheyKnow: police-scotland sent 2024-11-25, not 2024-01-08)" in result.output
    assert rows(
        db, "SELECT regime, sent_date, due_date FROM requests WHERE force_id = ?", "police-scotland"
    ) == [("foisa", "2024-11-25", "2024-12-24")]


def test_importing_the_same_files_twice_changes_nothing(cli, db):
    files = [
        WDTK / "batch-download.csv",
        WDTK / "batch-download.zip",
        WDTK / "scanner_use_by_force.json",
    ]
    first = import_wdtk(cli, db, "--as-of", "2024-03-01", *files)
    assert first.exit_code == 0, first.output
    before = digest(db)
    again = import_wdtk(cli, db, "--as-of", "2024-03-05", *files)
    assert again.exit_code == 0 and "nothing new" in again.output
    assert digest(db) == before


def test_a_later_export_updates_statuses_and_keeps_history(cli, db):
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    import_wdtk(cli, db, "--as-of", "2024-04-02", WDTK / "batch-download-later.csv")
    status = dict(rows(db, "SELECT force_id, status FROM requests"))
    assert status == {
        "west-midlands": "answered",
        "devon-and-cornwall": "awaiting_response",
        "kent": "internal_review",
        "police-scotland": "answered",
    }
    kent = rows(
        db,
        "SELECT date, status, wdtk_state, source FROM request_events "
        "WHERE request_id = 'scanners-2024/kent' ORDER BY rowid",
    )
    assert [event[:3] for event in kent] == [
        ("2024-01-08", "awaiting_response", None),
        ("2024-03-01", "answered", "rejected"),
        ("2024-04-02", "internal_review", "internal_review"),
    ]
    content = digest(WDTK / "batch-download-later.csv")[:16]
    assert kent[-1][3] == f"WhatDoTheyKnow batch CSV batch-download-later.csv (sha256 {content})"
    # Devon and Cornwall's status did not change: no event added by the second export.
    assert (
        len(
            rows(
                db,
                "SELECT 1 FROM request_events WHERE request_id = ?",
                "scanners-2024/devon-and-cornwall",
            )
        )
        == 2
    )


def test_an_export_adds_only_what_the_dated_history_lacks(cli, db):
    import_wdtk(
        cli,
        db,
        "--as-of",
        "2024-03-01",
        WDTK / "batch-download.csv",
        WDTK / "scanner_use_by_force.json",
    )
    assert rows(
        db, "SELECT status, status_date FROM requests WHERE force_id = 'west-midlands'"
    ) == [("answered", "2024-02-12")]
    assert rows(
        db,
        "SELECT count(*) FROM request_events WHERE status = 'answered' "
        "AND request_id = 'scanners-2024/west-midlands'",
    ) == [(1,)]


def test_batch_zip_saves_attachments_and_drafts_them(cli, db, tmp_path):
    out = tmp_path / "attachments"
    result = import_wdtk(cli, db, "--attachments", out, WDTK / "batch-download.zip")
    assert result.exit_code == 0, result.output
    saved = out / C / "kent" / "22" / "refusal.txt"
    assert saved.read_text(encoding="utf-8").startswith("Reference K-77")
    # Drafting is installed: each attachment is drafted beside it, or said to be a person's to
    # transcribe (these two-line fixtures hold too little to read), and the import stands.
    for attachment in (saved, out / C / "west-midlands" / "21" / "reply-0042-24.txt"):
        drafted = str(attachment) + ".yaml" in result.output
        said = f"not drafted, for a person to transcribe: {attachment}:" in result.output
        assert drafted != said, result.output
    assert rows(
        db,
        "SELECT request_id, date, path, source_url FROM request_attachments "
        "WHERE filename = 'refusal.txt'",
    ) == [
        (
            "scanners-2024/kent",
            "2024-02-20",
            str(saved.resolve()),
            "https://www.whatdotheyknow.com/request/scanner_use_by_force_4#incoming-22",
        )
    ]


def test_attachments_go_to_drafting_when_it_is_installed(cli, db, tmp_path, monkeypatch):
    import sys
    import types

    drafted = []
    module = types.ModuleType("multiforce.toolkit.drafting")
    module.draft_attachment = lambda *args: drafted.append(args)
    module.__spec__ = types.SimpleNamespace(name=module.__name__)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr("importlib.util.find_spec", lambda name: module.__spec__)
    result = import_wdtk(cli, db, "--attachments", tmp_path / "a", WDTK / "batch-download.zip")
    assert result.exit_code == 0, result.output
    assert sorted(
        (Path(path).name, force, campaign) for path, _, force, campaign, _ in drafted
    ) == [
        ("refusal.txt", "kent", C),
        ("reply-0042-24.txt", "west-midlands", C),
    ]


def test_a_missing_campaign_is_made_and_titled_from_the_request(cli, tmp_path):
    db = tmp_path / "new.db"
    result = cli(
        "import-wdtk", "--db", db, "--campaign", "from-wdtk", WDTK / "scanner_use_by_force.json"
    )
    assert result.exit_code == 0, result.output
    assert rows(db, "SELECT campaign_id, title, sent_date FROM campaigns") == [
        ("from-wdtk", "Scanner use by force", "2024-01-08")
    ]


def test_a_changed_state_in_the_json_changes_the_status(cli, db, tmp_path):
    data = json.loads((WDTK / "scanner_use_by_force.json").read_text(encoding="utf-8"))
    data["described_state"] = data["info_request_events"][-1]["described_state"] = "rejected"
    edited = tmp_path / "scanner_use_by_force.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    import_wdtk(cli, db, edited)
    assert rows(db, "SELECT wdtk_state FROM requests WHERE force_id = 'west-midlands'") == [
        ("rejected",)
    ]


# -- hostile files


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _hostile(tmp_path: Path, kind: str) -> Path:
    folder = "Kent Police - scanner_use_by_force_4/2024-02-20"
    if kind == "zip-slip":
        return _zip(tmp_path / "slip.zip", {f"{folder}/attachments-22/../../../../evil.txt": b"x"})
    if kind == "zip-bomb":
        return _zip(
            tmp_path / "bomb.zip", {f"{folder}/attachments-22/zeros.txt": bytes(20 * 2**20)}
        )
    if kind == "truncated-zip":
        data = (WDTK / "batch-download.zip").read_bytes()
        (tmp_path / "cut.zip").write_bytes(data[: len(data) // 2])
        return tmp_path / "cut.zip"
    if kind == "zip-unknown-layout":
        return _zip(tmp_path / "odd.zip", {"notes/readme.txt": b"hello"})
    if kind == "malformed-json":
        (tmp_path / "bad.json").write_text('{"url_title": "x", ', encoding="utf-8")
        return tmp_path / "bad.json"
    if kind == "deep-json":
        (tmp_path / "deep.json").write_text("{" + '"a":[' * 100000, encoding="utf-8")
        return tmp_path / "deep.json"
    if kind == "huge-json":
        path = tmp_path / "huge.json"
        with open(path, "w", encoding="utf-8") as handle:
            handle.write('{"url_title": "x", "title": "')
            handle.write("a" * (11 * 2**20))
            handle.write('"}')
        return path
    if kind == "json-unknown-body":
        data = json.loads((WDTK / "scanner_use_by_force.json").read_text(encoding="utf-8"))
        data["public_body"] = {"url_name": "home_office", "name": "Home Office"}
        (tmp_path / "home.json").write_text(json.dumps(data), encoding="utf-8")
        return tmp_path / "home.json"
    if kind == "json-impossible-date":
        data = json.loads((WDTK / "scanner_use_by_force.json").read_text(encoding="utf-8"))
        data["created_at"] = "2024-13-45T00:00:00"
        (tmp_path / "date.json").write_text(json.dumps(data), encoding="utf-8")
        return tmp_path / "date.json"
    if kind == "csv-unknown-column":
        text = (WDTK / "batch-download.csv").read_text(encoding="utf-8")
        (tmp_path / "extra.csv").write_text(
            text.replace("request_status", "request_status,secret", 1), encoding="utf-8"
        )
        return tmp_path / "extra.csv"
    if kind == "csv-unknown-body":
        text = (WDTK / "batch-download.csv").read_text(encoding="utf-8")
        (tmp_path / "body.csv").write_text(text.replace("Kent Police", "Home Office"), "utf-8")
        return tmp_path / "body.csv"
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind,says",
    [
        ("zip-slip", "points outside the archive"),
        ("zip-bomb", "zip bomb"),
        ("truncated-zip", "damaged"),
        ("zip-unknown-layout", "is not where a batch download puts files"),
        ("malformed-json", "not valid JSON"),
        ("deep-json", "not valid JSON"),
        ("huge-json", "larger than"),
        ("json-unknown-body", "'Home Office' (url_name 'home_office') is not a police force"),
        ("json-impossible-date", "its created_at is '2024-13-45T00:00:00', not a date"),
        ("csv-unknown-column", "unknown column(s) secret"),
        ("csv-unknown-body", "'Home Office' is not a police force"),
    ],
)
def test_hostile_files_are_refused_and_nothing_is_written(cli, db, tmp_path, kind, says):
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    before = digest(db)
    hostile = _hostile(tmp_path, kind)
    out = tmp_path / "attachments"
    # A good file beside the bad one: nothing of it is written either.
    result = import_wdtk(
        cli,
        db,
        "--attachments",
        out,
        WDTK / "batch-download-later.csv",
        WDTK / "batch-download.zip",
        hostile,
    )
    assert result.exit_code == 1
    message = result.output.strip()
    assert message.startswith(f"Error: {hostile}:") and says in message, message
    assert "Expected" in message and "Traceback" not in message and "\n" not in message
    assert digest(db) == before
    assert not out.exists()
    assert not (tmp_path / "evil.txt").exists()


def test_an_unknown_body_says_how_to_add_it(cli, db, tmp_path):
    result = import_wdtk(cli, db, _hostile(tmp_path, "json-unknown-body"))
    assert "whatdotheyknow_slug column" in result.output and "schemas/forces.csv" in result.output


def test_a_missing_database_is_not_created_by_a_bad_file(cli, tmp_path):
    db = tmp_path / "none.db"
    result = import_wdtk(cli, db, _hostile(tmp_path, "malformed-json"))
    assert result.exit_code == 1 and not db.exists()


def test_files_copied_elsewhere_import_the_same(cli, db, tmp_path):
    copy = tmp_path / "copy.csv"
    shutil.copy(WDTK / "batch-download.csv", copy)
    import_wdtk(cli, db, "--as-of", "2024-03-01", copy)
    assert rows(db, "SELECT count(*) FROM requests WHERE wdtk_url IS NOT NULL") == [(4,)]


def test_an_answer_on_a_day_nobody_recorded_is_not_called_on_time(cli, db):
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    answered = rows(
        db,
        "SELECT force_id, working_days_late FROM request_status "
        "WHERE standing = 'answered' AND working_days_to_answer IS NULL",
    )
    assert answered and all(late is None for _, late in answered)


def test_the_working_days_run_years_past_the_last_write(db):
    (last,) = rows(db, "SELECT max(date) FROM working_days")[0]
    assert last >= f"{date.today().year + 9}-12-31"  # the views count up to the day they are read


def test_an_internal_review_answers_nothing(cli, db, tmp_path):
    """Kent refused, then a review of its refusal was asked for: it stays answered, refused as
    reported. Devon and Cornwall never answered, and a review was asked for: still overdue."""
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    later = edited_download(
        tmp_path / "reviews.csv",
        "batch-download-later.csv",
        "Devon & Cornwall Police,0,Long overdue",
        "Devon & Cornwall Police,0,Awaiting internal review",
    )
    import_wdtk(cli, db, "--as-of", "2024-04-02", later)
    status = {
        force: rest
        for force, *rest in rows(
            db, "SELECT force_id, status, standing, outcome, reported_outcome FROM request_status"
        )
    }
    assert status["devon-and-cornwall"] == ["internal_review", "overdue", "no_response", None]
    assert status["kent"] == ["internal_review", "answered", None, "refused"]
    assert [force for (force,) in rows(db, "SELECT force_id FROM silence")] == [
        "devon-and-cornwall"
    ]
    cells = dict(rows(db, "SELECT force_id, statuses FROM request_cells"))
    assert cells["devon-and-cornwall"] == "no_response"
    assert cells["kent"] == "answered (reported: refused)"
    told = cli("requests", "--db", db, "--on", "2024-04-10", "--format", "json")
    standing = {row["force_id"]: row["standing"] for row in json.loads(told.stdout)}
    assert standing["devon-and-cornwall"] == "overdue" and standing["kent"] == "answered"


def test_the_requests_command_gives_the_state_as_of_its_day(cli, db):
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    import_wdtk(cli, db, "--as-of", "2024-04-02", WDTK / "batch-download-later.csv")
    states = {}
    for day in ("2024-02-01", "2024-03-15", "2024-04-10"):
        told = cli("requests", "--db", db, "--on", day, "--format", "json")
        states[day] = {row["force_id"]: row["wdtk_state"] for row in json.loads(told.stdout)}
    assert [states[day]["kent"] for day in states] == [None, "rejected", "internal_review"]


def test_the_docs_say_how_far_the_working_days_run():
    from multiforce.toolkit.campaigns.store import CALENDAR_YEARS_AHEAD
    from multiforce.toolkit.serving import METADATA_FILE

    metadata = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    (described,) = [
        table["description"]
        for database in metadata["databases"].values()
        for name, table in database.get("tables", {}).items()
        if name == "working_days"
    ]
    said = [
        described,
        (ROOT / "docs" / "campaigns.md").read_text(encoding="utf-8"),
        (ROOT / "docs" / "views.md").read_text(encoding="utf-8"),
    ]
    for text in said:
        assert f"{CALENDAR_YEARS_AHEAD} years past" in " ".join(text.split())


def test_a_download_day_after_today_is_refused(cli, db):
    before = digest(db)
    tomorrow = date.fromordinal(date.today().toordinal() + 1).isoformat()
    result = import_wdtk(cli, db, "--as-of", tomorrow, WDTK / "batch-download.csv")
    assert result.exit_code != 0
    assert f"--as-of {tomorrow}" in result.output and "batch-download.csv" in result.output
    assert digest(db) == before


def test_an_older_export_imported_again_does_not_rewrite_who_answered(cli, db, tmp_path):
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    import_wdtk(cli, db, "--as-of", "2024-04-02", WDTK / "batch-download-later.csv")
    held = rows(db, "SELECT force_id, status FROM requests ORDER BY force_id")
    again = import_wdtk(cli, db, WDTK / "batch-download.csv")  # dated today
    assert again.exit_code == 0, again.output
    assert rows(db, "SELECT force_id, status FROM requests ORDER BY force_id") == held
    assert "kent 'Refused' (rejected) already seen" in again.output
    older = edited_download(
        tmp_path / "older.csv",
        "batch-download.csv",
        "Kent Police,1,Refused",
        "Kent Police,1,Successful",
    )
    earlier = import_wdtk(cli, db, "--as-of", "2024-02-01", older)
    assert rows(db, "SELECT force_id, status FROM requests ORDER BY force_id") == held
    assert (
        "kent 'Successful' (successful) as of 2024-02-01, before the latest held" in earlier.output
    )


def test_the_clock_starts_again_when_a_clarification_comes(cli, db, tmp_path):
    """FOIA s.10(6): the 20 working days run from the clarification the force asked for."""
    data = json.loads((WDTK / "scanner_use_by_force.json").read_text(encoding="utf-8"))
    sent, _, answer, described = data["info_request_events"]
    asked = {**described, "id": 5, "event_type": "status_update"}
    asked.update(created_at="2024-01-10T10:00:00.000+00:00")
    asked.update(described_state="waiting_clarification", calculated_state="waiting_clarification")
    clarified = {**asked, "id": 6, "event_type": "followup_sent"}
    clarified.update(created_at="2024-01-22T09:00:00.000+00:00")
    clarified.update(described_state="waiting_response", calculated_state="waiting_response")
    data["info_request_events"] = [sent, asked, clarified, answer, described]
    edited = tmp_path / "scanner_use_by_force.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    assert import_wdtk(cli, db, edited).exit_code == 0
    # 20 working days after 22 January, not after 8 January (due 5 February)
    where = "WHERE force_id = 'west-midlands'"
    assert rows(db, f"SELECT due_date FROM requests {where}") == [("2024-02-19",)]
    assert rows(db, f"SELECT working_days_late, on_time FROM response_times {where}") == [(0, 1)]
    before = cli("requests", "--db", db, "--on", "2024-02-07", "--format", "json")
    west = next(row for row in json.loads(before.stdout) if row["force_id"] == "west-midlands")
    assert (west["standing"], west["overdue_working_days"]) == ("awaiting_response", 0)


def test_an_import_says_what_it_added_that_no_campaign_file_listed(cli, db, tmp_path):
    data = json.loads((WDTK / "scanner_use_by_force.json").read_text(encoding="utf-8"))
    data["public_body"] = {"id": 9, "url_name": "essex_police", "name": "Essex Police"}
    essex = tmp_path / "essex.json"
    essex.write_text(json.dumps(data), encoding="utf-8")
    added = import_wdtk(cli, db, essex)
    assert added.exit_code == 0, added.output
    assert f"requests added to {C} for forces it did not hold: essex" in added.stderr
    mistyped = cli("import-wdtk", "--db", db, "--campaign", C[:-1] + "5", essex)
    assert mistyped.exit_code == 0, mistyped.output
    assert f"no campaign '{C[:-1]}5' was held, so one was made" in mistyped.stderr
    assert f"(did you mean '{C}'?)" in mistyped.stderr
    again = import_wdtk(cli, db, WDTK / "scanner_use_by_force.json")  # a force it listed
    assert "Note:" not in again.stderr


@pytest.mark.parametrize(
    "label,state",
    [
        ("Withdrawn", "user_withdrawn"),
        ("Withdrawn by the requester", "user_withdrawn"),
        ("Reported", "attention_requested"),
        ("Needs status update", "waiting_classification"),
        ("Handled by postal mail", "gone_postal"),
        ("Waiting clarification", "waiting_clarification"),
        ("Requires admin attention", "requires_admin"),
    ],
)
def test_a_download_s_status_in_any_wording_the_site_has_used_is_read(tmp_path, label, state):
    download = edited_download(
        tmp_path / "download.csv",
        "batch-download.csv",
        "Kent Police,1,Refused",
        f"Kent Police,1,{label}",
    )
    kent = next(seen for seen in wdtk.read(download) if seen.force_id == "kent")
    assert kent.state_now == state


def test_an_attachment_is_written_once_however_often_an_import_meets_it():
    from multiforce.toolkit.campaigns.store import Changes, Held

    def attachment(request_id, message, filename):
        return {"request_id": request_id, "incoming_message_id": message, "filename": filename}

    changes = Changes(Held(attachments={("r1", 7, "held.pdf")}))
    met = [
        attachment("r1", 7, "held.pdf"),
        attachment("r1", 7, "reply.pdf"),
        attachment("r1", 7, "reply.pdf"),
        attachment("r1", 8, "reply.pdf"),
        attachment("r2", 7, "reply.pdf"),
    ]
    assert [changes.attachment(row) for row in met] == [False, True, False, True, True]
    assert changes.attachments == [met[1], met[3], met[4]]
