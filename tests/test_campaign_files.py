"""Campaign files: into the database, out as a question map and an answer template; where a
campaign stands (`multiforce requests`), and silence in the views."""

import csv
import hashlib
import io
import json
import sqlite3

import pytest
from multiforce.schemas import campaign as bundled
from multiforce.schemas.models import columns
from multiforce.toolkit.campaigns import question_map
from multiforce.toolkit.errors import MultiforceError
from multiforce.toolkit.readers import read_document

from campaigns import CAMPAIGN, WDTK, C, import_wdtk, rows


def test_campaign_new_writes_the_campaign_its_questions_and_requests(db):
    assert rows(
        db, "SELECT campaign_id, title, sent_date, period_start, period_end FROM campaigns"
    ) == [(C, "Mobile fingerprint scanners in 2023", "2024-01-08", "2023-01-01", "2023-12-31")]
    assert rows(
        db, "SELECT number, technology, measure, breakdown FROM campaign_questions ORDER BY rowid"
    ) == [
        ("1", "mobile_fingerprint_scanner", "devices_in_service", "none"),
        ("2", "mobile_fingerprint_scanner", "uses", "none"),
        ("2", "mobile_fingerprint_scanner", "matches", "database"),
    ]
    assert rows(
        db, "SELECT force_id, sent_date, due_date, status, regime FROM requests ORDER BY force_id"
    ) == [
        ("devon-and-cornwall", "2024-01-08", "2024-02-05", "awaiting_response", "foia"),
        ("kent", "2024-01-08", "2024-02-05", "awaiting_response", "foia"),
        ("police-scotland", "2024-01-08", "2024-02-05", "awaiting_response", "foisa"),
        ("west-midlands", "2024-01-08", "2024-02-05", "awaiting_response", "foia"),
    ]


def test_campaign_new_again_changes_nothing(cli, db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = cli("campaign", "new", CAMPAIGN, "--db", db)
    assert "nothing changed" in result.output
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_changed_sent_date_moves_the_due_dates(cli, db, write_yaml):
    text = CAMPAIGN.read_text(encoding="utf-8").replace("sent: 2024-01-08", "sent: 2024-03-11")
    cli("campaign", "new", write_yaml("c.yaml", text), "--db", db)
    assert rows(db, "SELECT DISTINCT due_date FROM requests WHERE regime = 'foia'") == [
        ("2024-04-11",)
    ]
    assert rows(db, "SELECT due_date FROM requests WHERE regime = 'foisa'") == [("2024-04-09",)]


@pytest.mark.parametrize(
    "old,new,says",
    [
        (
            "technology: mobile_fingerprint_scanner, measure: uses",
            "technology: drones, measure: uses",
            "technology 'drones' is not one of",
        ),
        ("  - kent\n", "  - kent-police\n", "'kent-police' is not a force id"),
        ("sent: 2024-01-08", "sent: 8/1/2024", "not a date as YYYY-MM-DD"),
        ("sent: 2024-01-08", "sent: 2024-13-08", "sent is '2024-13-08', not a date"),
        ("title:", "colour: blue\ntitle:", "unknown key(s) colour"),
    ],
)
def test_a_wrong_campaign_file_is_one_clear_error(cli, db, write_yaml, old, new, says):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    text = CAMPAIGN.read_text(encoding="utf-8")
    assert old in text
    bad = write_yaml("bad.yaml", text.replace(old, new, 1))
    result = cli("campaign", "new", bad, "--db", db)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}:") and says in result.output
    assert "Expected a campaign YAML" in result.output
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_question_map_of_a_campaign_in_the_database_and_of_a_bundled_one(db):
    found = question_map(C, db)
    assert [
        (t.technology, t.measure, t.breakdown)
        for t in found[
            "How many times were they used in 2023, and how many searches matched each database?"
        ]
    ] == [
        ("mobile_fingerprint_scanner", "uses", "none"),
        ("mobile_fingerprint_scanner", "matches", "database"),
    ]
    first = question_map(bundled.FIRST_CAMPAIGN)
    topics = first["The number of knife wands owned by your force in each year"]
    assert [(t.technology, t.measure, t.period_start) for t in topics] == [
        ("knife_wand", "devices_in_service", "2015-01-01")
    ]
    with pytest.raises(MultiforceError, match="no campaign 'nope'"):
        question_map("nope", db)


def test_the_template_topics_are_the_bundled_campaign_files(tmp_path):
    path = bundled.bundled_campaign_files()[0]
    text = path.read_text(encoding="utf-8").replace(
        "The number of knife wands owned by your force in each year", "How many wands?"
    )
    edited = tmp_path / path.name
    edited.write_text(text, encoding="utf-8")
    topics = bundled.template_topics(bundled.read_campaign(edited))
    assert ("knife_wand", "devices_in_service", "How many wands?") in [
        (t.technology, t.measure, t.question) for t in topics
    ]
    assert [t.question for t in bundled.TOPICS] == [
        t.question for t in bundled.template_topics(bundled.read_campaign(path))
    ]


def test_template_for_a_campaign_has_its_questions_rows(cli, db, tmp_path):
    out = tmp_path / "t.csv"
    result = cli("template", "--campaign", C, "--db", db, "--out", out)
    assert result.exit_code == 0, result.output
    answers = read_document(out).tables[0]
    header = next(i for i, row in enumerate(answers) if row[:2] == ["technology", "measure"])
    assert [row[:6] for row in answers[header + 1 :]] == [
        [
            "mobile_fingerprint_scanner",
            "devices_in_service",
            "2023-01-01",
            "2023-12-31",
            "none",
            "",
        ],
        ["mobile_fingerprint_scanner", "uses", "2023-01-01", "2023-12-31", "none", ""],
        [
            "mobile_fingerprint_scanner",
            "matches",
            "2023-01-01",
            "2023-12-31",
            "database",
            "immigration",
        ],
        ["mobile_fingerprint_scanner", "matches", "2023-01-01", "2023-12-31", "database", "police"],
    ]


def _imported(cli, db):
    for args in (
        ["--as-of", "2024-03-01", WDTK / "batch-download.csv"],
        [WDTK / "scanner_use_by_force.json", WDTK / "scanner_use_by_force_2.json"],
    ):
        result = import_wdtk(cli, db, *args)
        assert result.exit_code == 0, result.output


def test_requests_as_json_on_a_date(cli, db):
    _imported(cli, db)
    result = cli("requests", "--db", db, "--campaign", C, "--on", "2024-03-01", "--format", "json")
    found = {row["force_id"]: row for row in json.loads(result.stdout)}
    assert set(found) == {"west-midlands", "devon-and-cornwall", "kent"}  # Scotland: sent later
    assert list(found["kent"]) == [
        *columns("requests"),
        "standing",
        "overdue_working_days",
        "working_days_late",
        "working_days_late_at_least",
    ]
    # Due 5 February; 1 March is the 19th working day after it.
    assert found["devon-and-cornwall"]["overdue_working_days"] == 19
    assert found["devon-and-cornwall"]["status"] == "awaiting_response"
    assert found["west-midlands"]["overdue_working_days"] == 0
    assert found["west-midlands"]["status"] == "answered"
    # answered after its due date: late as request_status counts it, not blank
    ((viewed,),) = rows(
        db, "SELECT working_days_late FROM request_status WHERE force_id = 'west-midlands'"
    )
    assert found["west-midlands"]["working_days_late"] == viewed > 0
    assert found["devon-and-cornwall"]["working_days_late"] == 19
    earlier = cli("requests", "--db", db, "--on", "2024-02-07", "--format", "json")
    west = next(r for r in json.loads(earlier.stdout) if r["force_id"] == "west-midlands")
    assert (west["status"], west["overdue_working_days"]) == ("awaiting_response", 2)
    assert west["standing"] == "overdue"
    # answered after that day: as of the day, not yet
    assert found["west-midlands"]["answered_date"] is not None
    assert (west["answered_date"], west["working_days_to_answer"]) == (None, None)


def test_requests_as_csv_and_table_with_a_summary(cli, db):
    _imported(cli, db)
    result = cli("requests", "--db", db, "--on", "2025-01-10", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    scotland = next(row for row in table if row["force_id"] == "police-scotland")
    # Due 24 December; the 27th, 30th, 31st, 3rd and 6th to 10th January are working days.
    assert (scotland["due_date"], scotland["overdue_working_days"]) == ("2024-12-24", "9")
    assert (scotland["standing"], scotland["regime"]) == ("overdue", "foisa")
    shown = cli("requests", "--db", db, "--on", "2025-01-10")
    assert "4 requests as of 2025-01-10: 2 answered, 2 overdue" in shown.output
    assert "Police Service of Scotland" in shown.output and "9 wd" in shown.output


def test_silence_is_derived_in_the_views(cli, db):
    _imported(cli, db)
    silent = rows(
        db, "SELECT force_id, status, overdue_working_days > 0 FROM silence ORDER BY force_id"
    )
    assert silent == [
        ("devon-and-cornwall", "no_response", 1),
        ("police-scotland", "no_response", 1),
    ]
    assert rows(db, "SELECT count(*) FROM outcomes WHERE status = 'no_response'") == [(0,)]
    assert rows(
        db,
        "SELECT force_id, campaign_id, technology, status FROM request_outcome_cells "
        "ORDER BY force_id",
    ) == [
        ("devon-and-cornwall", C, "mobile_fingerprint_scanner", "no_response"),
        ("police-scotland", C, "mobile_fingerprint_scanner", "no_response"),
    ]
    listed = rows(
        db,
        "SELECT force_name, measure, status FROM refusals_and_silence "
        "WHERE campaign_id = ? ORDER BY force_name, measure",
        C,
    )
    assert ("Devon & Cornwall Police", "uses", "no_response") in listed
    assert rows(
        db,
        "SELECT force_id, working_days_to_answer, working_days_late, on_time FROM response_times",
    ) == [("west-midlands", 24, 4, 0)]


def test_campaign_new_is_a_subcommand_only(cli):
    listed = cli("--help").output
    assert "  campaign " in listed and "\n  new " not in listed
    assert "new " in cli("campaign", "--help").output


TRANSCRIPTION = """source_kind: transcription
force_id: kent
reference: KENT-2024-1
title: Scanners
response_date: 2024-03-01
source_url: https://example.org/kent-2024-1
outcomes:
  - technology: mobile_fingerprint_scanner
    measure: uses
    period: {start: 2023-01-01, end: 2023-12-31}
    status: refused
    exemptions: s31(1)
    locator: answer 1
"""


@pytest.mark.parametrize("command", ["campaign new", "import-wdtk", "ingest"])
def test_no_writer_adopts_another_programs_database(cli, tmp_path, command):
    """A SQLite file of another program's is refused, as `build` refuses it, and left as it
    was: writing would publish multiforce's tables in its place."""
    other = tmp_path / "notes.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.execute("INSERT INTO notes VALUES ('kept')")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    response = tmp_path / "kent.yaml"
    response.write_text(TRANSCRIPTION, "utf-8")
    given = {
        "campaign new": ("campaign", "new", CAMPAIGN),
        "import-wdtk": ("import-wdtk", "--campaign", C, WDTK / "batch-download.csv"),
        "ingest": ("ingest", response),
    }[command]
    result = cli(*given, "--db", other)
    assert result.exit_code != 0
    assert f"{other}: this is not a multiforce database (its tables: notes)" in result.output
    assert other.read_bytes() == before


def test_a_database_whose_path_holds_uri_characters_is_read_and_written(cli, tmp_path):
    folder = tmp_path / "notes #2?"
    folder.mkdir()
    db = folder / "campaign.db"
    assert cli("campaign", "new", CAMPAIGN, "--db", db).exit_code == 0
    assert cli("campaign", "new", CAMPAIGN, "--db", db).exit_code == 0  # read what it holds
    shown = cli("requests", "--db", db, "--on", "2024-03-01", "--format", "json")
    assert shown.exit_code == 0, shown.output
    assert len(json.loads(shown.stdout)) > 0
