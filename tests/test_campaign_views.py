"""What campaign tracking knows is in the views, as the `requests` command tells it: the views
and the command read one definition."""

import json

import pytest

from campaigns import CAMPAIGN, WDTK, C, import_wdtk, rows


@pytest.fixture
def db(tmp_path, cli):
    path = tmp_path / "campaign.db"
    result = cli("campaign", "new", CAMPAIGN, "--db", path)
    assert result.exit_code == 0, result.output
    return path


def told(cli, db) -> dict[str, dict]:
    result = cli("requests", "--db", db, "--campaign", C, "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["force_id"]: row for row in json.loads(result.stdout)}


def answered_on_a_day_nobody_recorded(cli, db, tmp_path):
    """Devon and Cornwall, seen long overdue on 1 March, had answered by 2 April."""
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    answered = tmp_path / "answered.csv"
    answered.write_text(
        (WDTK / "batch-download-later.csv")
        .read_text(encoding="utf-8")
        .replace("Devon & Cornwall Police,0,Long overdue", "Devon & Cornwall Police,1,Successful"),
        encoding="utf-8",
    )
    import_wdtk(cli, db, "--as-of", "2024-04-02", answered)


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
