"""Transcriptions: responses recorded by hand in YAML, read through the same gate as documents."""

import re
import sqlite3

import pytest
from conftest import MET_TEXT, ROOT
from multiforce.schemas.register import force_ids
from multiforce.toolkit.errors import DocumentError
from multiforce.toolkit.formats.transcription import Transcription
from multiforce.toolkit.pipeline import check, parse
from multiforce.toolkit.validation import validate

BUNDLED = Transcription.bundled_documents()
NORTHUMBRIA_208 = ROOT / "forces" / "northumbria" / "transcriptions" / "208-20.yaml"

GOOD = """\
source_kind: transcription
force_id: northumbria
reference: 999/99
title: A test response
response_date: 2020-03-02
source_url: https://example.org/999-99
figures:
  - technology: phone_extraction
    measure: devices_awaiting_examination
    period: 2020-02-05
    value: 1345
    locator: answer 1
outcomes:
  - technology: phone_extraction
    measure: [devices_awaiting_examination, time_to_examination]
    status: not_held
    locator: answer 2
"""


def rows(path, table, force=None):
    return parse(path, force).extraction.rows[table]


def test_the_nine_reference_responses_and_two_more_are_transcribed():
    references = {
        (row["force_id"], row["reference"]) for path in BUNDLED for row in rows(path, "responses")
    }
    nine = {
        ("northumbria", "711/19"),
        ("northumbria", "1130/20"),
        ("northumbria", "447/22"),
        ("northumbria", "049/19"),
        ("northumbria", "230/20"),
        ("northumbria", "208/20"),
        ("west-midlands", "355A/20"),
        ("west-midlands", "1114A/23"),
        ("psni", "FOI/15700"),
    }
    assert nine | {("north-wales", "2020/138"), ("cumbria", "FOI/69/20")} <= references


@pytest.mark.parametrize("path", BUNDLED, ids=[f"{p.parent.parent.name}/{p.name}" for p in BUNDLED])
def test_each_file_sits_in_its_forces_folder_named_by_its_reference(path):
    [response] = rows(path, "responses")
    assert response["force_id"] in force_ids()
    assert path.parent.parent.name == response["force_id"].replace("-", "_")
    assert path.stem == re.sub(r"[^A-Za-z0-9]+", "-", response["reference"]).strip("-")
    assert response["source_kind"] == "transcription" and response["source_url"].startswith(
        "https://"
    )


@pytest.mark.parametrize("path", BUNDLED, ids=[f"{p.parent.parent.name}/{p.name}" for p in BUNDLED])
def test_transcribed_rows_carry_a_locator_and_no_document(path):
    extraction = parse(path).extraction
    check(extraction)
    assert not extraction.rows["documents"]
    for table in ("observations", "outcomes"):
        for row in extraction.rows[table]:
            assert row["document_id"] is None and row["quote"] is None and row["locator"]


def test_statuses_follow_the_reference_notes():
    def statuses(name):
        path = next(p for p in BUNDLED if p.name == name)
        return {
            (r["measure"], r["breakdown"]): (r["status"], r["exemptions"])
            for r in rows(path, "outcomes")
        }

    assert statuses("711-19.yaml")[("in_use", "none")] == ("disclosed", None)  # "1. No"
    assert statuses("711-19.yaml")[("uses", "none")] == ("not_held", None)
    assert set(statuses("049-19.yaml").values()) == {("cost_limit", "s12(1)")}
    assert statuses("208-20.yaml")[("time_to_examination", "none")] == ("not_held", None)
    assert set(statuses("355A-20.yaml").values()) == {("cost_limit", "s12")}
    assert statuses("1114A-23.yaml")[("arrests", "none")] == ("not_held", None)
    assert set(statuses("FOI-15700.yaml").values()) == {("neither_confirm_nor_deny", None)}


def test_a_disclosed_figure_is_an_observation_with_its_locator():
    [figure] = rows(NORTHUMBRIA_208, "observations")
    assert (figure["measure"], figure["value"], figure["period_start"], figure["period_end"]) == (
        "devices_awaiting_examination",
        1345,
        "2020-02-05",
        "2020-02-05",
    )
    assert figure["locator"] == "answer on devices awaiting forensic examination"
    [no] = rows(next(p for p in BUNDLED if p.name == "711-19.yaml"), "observations")
    assert (no["measure"], no["value"], no["unit"]) == ("in_use", 0, "yes_no")


def test_a_changed_figure_or_status_changes_the_output(write_yaml):
    text = NORTHUMBRIA_208.read_text(encoding="utf-8")
    assert "value: 1345" in text and "status: not_held" in text
    changed = write_yaml(
        "208-20.yaml",
        text.replace("value: 1345", "value: 1346").replace(
            "status: not_held", "status: cost_limit\n    exemptions: s12"
        ),
    )
    [figure] = rows(changed, "observations")
    assert figure["value"] == 1346
    backlog = next(r for r in rows(changed, "outcomes") if r["measure"] == "time_to_examination")
    assert (backlog["status"], backlog["exemptions"]) == ("cost_limit", "s12")


def test_a_good_file_anywhere_is_recognised_by_its_content(write_yaml):
    path = write_yaml("notes.txt", GOOD)
    extraction = parse(path).extraction
    check(extraction)
    assert extraction.counts() == {
        "responses": 1,
        "documents": 0,
        "questions": 0,
        "observations": 1,
        "outcomes": 2,
    }
    assert extraction.rows["responses"][0]["response_id"] == "northumbria/999-99"
    assert extraction.rows["responses"][0]["reference"] == "999/99"


def test_every_problem_in_a_bad_file_is_in_one_report(write_yaml):
    bad = write_yaml(
        "bad.yaml",
        GOOD.replace("force_id: northumbria", "force_id: gotham")
        .replace("response_date: 2020-03-02", "response_date: 2020-02-30")
        .replace("status: not_held", "status: declined")
        .replace("    locator: answer 1", "    locator: answer 1\n    colour: blue"),
    )
    with pytest.raises(DocumentError) as failure:
        parse(bad)
    message = str(failure.value)
    assert message.startswith(f"{bad}: 4 problem(s) in this transcription")
    assert "force_id: 'gotham' is not a force in the register" in message
    assert "response_date: '2020-02-30' is not a date" in message
    assert "outcome 1: status: 'declined' is not a status" in message and "not_held" in message
    assert "figure 1: unknown key 'colour'" in message


def test_the_rules_across_rows_are_in_the_same_report_as_the_entries_problems(write_yaml):
    twice = "    value: 1345\n    locator: answer 1\n"
    bad = write_yaml(
        "bad.yaml",
        GOOD.replace("response_date: 2020-03-02", "response_date: 2020-02-30").replace(
            twice,
            twice + "  - technology: phone_extraction\n    measure: devices_awaiting_examination\n"
            "    period: 2020-02-05\n    value: 1346\n    locator: answer 3\n",
        ),
    )
    with pytest.raises(DocumentError) as failure:
        parse(bad)
    message = str(failure.value)
    assert message.startswith(f"{bad}: 2 problem(s) in this transcription")
    assert "response_date: '2020-02-30' is not a date" in message
    assert "figure 2: one value per key:" in message and "1345" in message


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("title: A test response\n", "", "title: missing (required)"),
        ("force_id: northumbria", "force_id: northumbira", "(did you mean 'northumbria'?)"),
        (
            "    measure: devices_awaiting_examination\n    period",
            "    measure: in_use\n    unit: count\n    period",
            "unit: yes/no measures have unit yes_no and value 0 or 1: found unit 'count'",
        ),
        (
            "    measure: devices_awaiting_examination\n    period",
            "    measure: in_use\n    period",
            "yes/no measures have unit yes_no and value 0 or 1: found unit 'yes_no', "
            "measure 'in_use', value 1345",
        ),
        ("    value: 1345", "    value: lots", "value: 'lots' is not a figure"),
        (
            "    period: 2020-02-05",
            "    period: {start: 2021, end: 2020}",
            "starts (2021-01-01) after it ends",
        ),
        (
            "    value: 1345",
            "    value: 1345\n    breakdown: database\n    breakdown_value: interpol",
            "found breakdown_value 'interpol', breakdown 'database'; a database is one of",
        ),
        (
            "    status: not_held",
            "    status: refused\n    exemptions: law enforcement",
            "'law enforcement' is not a list of sections of the Act",
        ),
        (
            "    status: not_held",
            "    status: not_held\n    status: refused",
            "the key 'status' is given twice",
        ),
        ("figures:\n", "figures:\n  - oops\n", "expected a mapping of keys"),
        ("    locator: answer 2\n", "", "locator: missing (required)"),
        (
            "    measure: [devices_awaiting_examination",
            "    measure: [backlog",
            "'backlog' is not a measure",
        ),
    ],
)
def test_each_kind_of_mistake_is_named(write_yaml, old, new, expected):
    assert old in GOOD
    with pytest.raises(DocumentError, match=re.escape(expected)):
        parse(write_yaml("bad.yaml", GOOD.replace(old, new)))


def test_a_missing_key_is_one_problem(write_yaml):
    with pytest.raises(DocumentError, match=r"1 problem\(s\)") as raised:
        parse(write_yaml("bad.yaml", GOOD.replace("title: A test response\n", "")))
    assert str(raised.value).count("title: missing") == 1


def test_broken_yaml_is_a_clear_error(write_yaml):
    with pytest.raises(DocumentError, match=r"not valid YAML .*line"):
        parse(write_yaml("broken.yaml", GOOD.replace("title: A test response", "title: [unclosed")))


def test_force_option_must_agree_with_the_file(write_yaml):
    with pytest.raises(DocumentError, match="--force says 'psni'"):
        parse(write_yaml("x.yaml", GOOD), "psni")
    assert rows(write_yaml("y.yaml", GOOD), "responses", "northumbria")


def test_ingest_publishes_a_transcription(cli, tmp_path, write_yaml):
    db = tmp_path / "campaign.db"
    result = cli("ingest", "--db", db, write_yaml("999-99.yaml", GOOD))
    assert result.exit_code == 0, result.output
    assert "northumbria: 999-99.yaml: 1 figure, 2 outcomes" in result.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT source_kind FROM responses").fetchall() == [("transcription",)]
    assert conn.execute(
        "SELECT value, locator, quote, document_id FROM observations"
    ).fetchall() == [(1345.0, "answer 1", None, None)]


def test_validation_requires_provenance_of_every_row(write_yaml):
    extraction = parse(write_yaml("x.yaml", GOOD)).extraction
    extraction.rows["outcomes"][0]["locator"] = None
    met = parse(MET_TEXT, "metropolitan").extraction
    met.rows["observations"][0]["quote"] = None
    extraction.extend(met)
    found = {p.rule for p in validate(extraction).problems}
    assert {"a row without a document has a locator", "a row with a document has a quote"} <= found


def test_a_corrected_transcription_replaces_its_earlier_rows(cli, tmp_path, write_yaml):
    db = tmp_path / "campaign.db"
    assert cli("ingest", "--db", db, write_yaml("999-99.yaml", GOOD)).exit_code == 0
    corrected = GOOD.replace("value: 1345", "value: 1354").replace(
        "    measure: [devices_awaiting_examination, time_to_examination]\n",
        "    measure: time_to_examination\n",
    )
    result = cli("ingest", "--db", db, write_yaml("999-99.yaml", corrected))
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT value FROM observations").fetchall() == [(1354.0,)]
    assert conn.execute("SELECT measure FROM outcomes").fetchall() == [("time_to_examination",)]
