"""Tracking a campaign that changes under it: what is stored agrees with what is read, a file
is known by its content, a warning is said once, a request can be withdrawn, and lateness the
history shows is reported."""

import json

import pytest

from campaigns import CAMPAIGN, C, rows


@pytest.fixture
def db(tmp_path, cli):
    path = tmp_path / "campaign.db"
    result = cli("campaign", "new", CAMPAIGN, "--db", path)
    assert result.exit_code == 0, result.output
    return path


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
