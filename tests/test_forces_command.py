"""`multiforce forces`: the coverage table of all 48 forces a campaign reads at a glance."""

import io

from conftest import MET_TEXT, ROOT
from multiforce.schemas.vocabulary import TECHNOLOGIES
from multiforce.toolkit.commands.forces import plain_table, rich_table
from multiforce.toolkit.inventory import NOT_ASKED, coverage
from multiforce.toolkit.pipeline import ingest
from rich.console import Console

TRANSCRIPTION = """\
source_kind: transcription
force_id: northumbria
reference: {reference}
title: Mobile fingerprint technology
{date}source_url: https://example.org/{slug}
outcomes:
  - technology: mobile_fingerprint_scanner
    measure: uses
    status: {status}
    locator: answer 1
"""


def lines(output):
    return {
        line.split()[0]: line
        for line in output.splitlines()
        if line and not line.startswith(("48 forces", "("))
    }


def by_force(db):
    return {row.force_id: row for row in coverage(db)}


def test_without_a_database_all_48_forces_and_the_adapters_show(cli, tmp_path):
    result = cli("forces", "--db", tmp_path / "none.db")
    assert result.exit_code == 0, result.output
    rows = lines(result.output)
    assert len(rows) == 49  # a heading and 48 forces
    assert (
        "Metropolitan" in rows["metropolitan"]
        and "Police Service of Northern Ireland" in rows["psni"]
    )
    assert rows["kent"].count(NOT_ASKED) == len(TECHNOLOGIES)
    assert "none.db does not exist yet" in result.output
    assert not (tmp_path / "none.db").exists()


FORCES = ROOT / "forces"
SOURCES = [
    MET_TEXT,
    *(FORCES / "northumbria" / "transcriptions" / f"{name}.yaml" for name in ("208-20", "447-22")),
    FORCES / "psni" / "transcriptions" / "FOI-15700.yaml",
    FORCES / "_compilations" / "bbc-2009.yaml",
    FORCES / "_compilations" / "privacy-international-2018.yaml",
]


def test_a_database_shows_responses_by_kind_and_latest_outcomes(tmp_path):
    """What these bundled files give, whatever else is bundled."""
    db = tmp_path / "some.db"
    ingest(db, SOURCES)
    rows = by_force(db)
    met = rows["metropolitan"]
    assert (met.adapter, met.responses) == (
        "Metropolitan",
        {"document": 1, "transcription": 0, "compilation": 2},
    )
    assert met.latest["mobile_fingerprint_scanner"] == "disclosed, not_held, refused s31(1)"
    assert met.latest["knife_arch"] == "not_held"
    northumbria = rows["northumbria"]
    assert northumbria.responses == {"document": 0, "transcription": 2, "compilation": 1}
    assert (
        northumbria.latest["mobile_fingerprint_scanner"] == "not_held"
    )  # 447/22 of 2022-04-14 is the latest
    assert northumbria.latest["digital_forensics"] == "disclosed, not_held"  # 208/20
    assert rows["psni"].latest["phone_extraction"] == "neither_confirm_nor_deny"
    assert (
        rows["kent"].latest["phone_extraction"] == "disclosed (compilation)"
    )  # secondary, and marked so
    assert rows["essex"].latest["mobile_fingerprint_scanner"] == "figures only (compilation)"
    assert rows["cheshire"].latest == dict.fromkeys(met.latest, NOT_ASKED)
    assert len(rows) == 48


def test_the_latest_response_wins_by_date_then_reference(cli, tmp_path, write_yaml):
    db = tmp_path / "c.db"

    def ingest(reference, status, date=None):
        slug = reference.replace("/", "-")
        text = TRANSCRIPTION.format(
            reference=reference,
            slug=slug,
            status=status,
            date=f"response_date: {date}\n" if date else "",
        )
        assert cli("ingest", "--db", db, write_yaml(f"{slug}.yaml", text)).exit_code == 0

    ingest("100/21", "refused", "2021-05-01")
    ingest("200/20", "not_held")  # undated: counts as older than any dated response
    assert by_force(db)["northumbria"].latest["mobile_fingerprint_scanner"] == "refused"
    ingest("300/21", "cost_limit", "2021-05-01")  # same date: the later reference wins
    assert by_force(db)["northumbria"].latest["mobile_fingerprint_scanner"] == "cost_limit"
    ingest("050/22", "disclosed", "2022-01-10")
    assert by_force(db)["northumbria"].latest["mobile_fingerprint_scanner"] == "disclosed"


def test_a_file_that_is_not_a_database_is_a_clear_error(cli, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    result = cli("forces", "--db", junk)
    assert result.exit_code != 0 and "is not a multiforce database" in result.output


def test_terminal_and_plain_tables_hold_the_same_cells():
    heading = ["force", "name", "adapter", "documents", "transcribed", "compiled", "knife_arch"]
    cells = [
        ["kent", "Kent Police", "-", "0", "0", "2", "not asked"],
        ["metropolitan", "Metropolitan Police Service", "Metropolitan", "1", "0", "5", "not_held"],
    ]
    plain = plain_table(heading, cells).splitlines()
    assert plain[2].split() == [
        "metropolitan",
        "Metropolitan",
        "Police",
        "Service",
        "Metropolitan",
        "1",
        "0",
        "5",
        "not_held",
    ]
    wide, narrow = (
        Console(file=io.StringIO(), width=width, force_terminal=True, color_system=None)
        for width in (200, 100)
    )
    rich_table(heading, cells, [True, False], wide)
    rich_table(heading, cells, [True, False], narrow)
    assert (
        "Metropolitan Police Service" in wide.file.getvalue() and "not_held" in wide.file.getvalue()
    )
    assert (
        "Metropolitan Police Service" not in narrow.file.getvalue()
        and "knife arch" in narrow.file.getvalue()
    )
