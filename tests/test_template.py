"""The answer template: written from the campaign's topics, filled by a force, read back."""

import sqlite3

import makers
import pytest
from conftest import FIXTURES
from multiforce.schemas import campaign
from multiforce.schemas.vocabulary import STATUSES, TECHNOLOGIES
from multiforce.toolkit.errors import DocumentError
from multiforce.toolkit.formats.template import COLUMNS, RESPONSE_FIELDS, AnswerTemplate
from multiforce.toolkit.pipeline import bundled_corpus, check, parse
from multiforce.toolkit.readers import read_document

SCANNER, ARCH, PHONES = "mobile_fingerprint_scanner", "knife_arch", "phone_extraction"
EXAMPLE_CSV = FIXTURES / "templates" / "MADE-UP-EXAMPLE-0001.csv"
ANSWERS = {
    (SCANNER, "uses", 2019, "none", ""): {"value": 27217, "status": "disclosed"},
    (SCANNER, "uses", 2020, "none", ""): {
        "value": 24494,
        "status": "disclosed",
        "note": "approximately; kiosk logs",
    },
    (SCANNER, "matches", 2019, "database", "police"): {"value": 11478, "status": "disclosed"},
    (SCANNER, "matches", 2019, "database", "immigration"): {"value": 1449, "status": "disclosed"},
    (SCANNER, "people", 2019, "none", ""): {
        "status": "not_held",
        "note": "We do not record who was scanned.",
    },
    (ARCH, "devices_in_service", 2019, "none", ""): {
        "status": "refused",
        "exemptions": "S31(1), s 24(1)",
    },
    (PHONES, "uses", 2021, "none", ""): {"status": "cost_limit"},
}
PEOPLE_BY_AGE = [
    SCANNER,
    "people",
    "2021-01-01",
    "2021-12-31",
    "age",
    "18-24",
    310,
    "count",
    "partially_disclosed",
    "",
    "people stopped in the street only",
]


def expected_rows() -> int:
    return sum(
        (campaign.LAST_YEAR - campaign.FIRST_YEAR + 1) * len(campaign.breakdown_values(b))
        for topic in campaign.TOPICS
        for b in topic.breakdowns
    )


@pytest.fixture
def written(cli, tmp_path):
    def write(suffix):
        out = tmp_path / f"answer-template{suffix}"
        result = cli("template", "--out", out)
        assert result.exit_code == 0, result.output
        return out

    return write


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_template_has_a_row_per_topic_year_and_breakdown(written, suffix):
    document = read_document(written(suffix))
    answers = document.tables[0]
    header = next(i for i, row in enumerate(answers) if row[: len(COLUMNS)] == list(COLUMNS))
    rows = answers[header + 1 :]
    assert len(rows) == expected_rows() == 189
    assert {row[0] for row in rows} == {topic.technology for topic in campaign.TOPICS}
    assert {row[0] for row in rows} <= set(TECHNOLOGIES)
    assert [SCANNER, "matches", "2019-01-01", "2019-12-31", "database", "police", "", "count"] in [
        row[:8] for row in rows
    ]
    assert [ARCH, "people", "2015-01-01", "2015-12-31", "ethnicity"] in [row[:5] for row in rows]
    assert all(
        row[6] == "" and (len(row) < 9 or row[8] == "") for row in rows
    )  # value and status left to fill


def test_xlsx_template_explains_every_column_on_a_help_sheet(written):
    document = read_document(written(".xlsx"))
    assert document.table_names == ["Answers", "Response", "Help", "Lists"]
    assert [row[0] for row in document.tables[1][1:]] == [name for name, _ in RESPONSE_FIELDS]
    help_text = "\n".join(" | ".join(row) for row in document.tables[2])
    for column in COLUMNS:
        assert f"\n{column} | " in help_text
    assert all(status in help_text for status in STATUSES)
    assert all(topic.question in help_text for topic in campaign.TOPICS)


def test_csv_template_explains_every_column_in_comment_lines(written):
    lines = written(".csv").read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    # the comments come first, then the response's details to fill, then the header
    fields = [name for name, _ in RESPONSE_FIELDS]
    assert lines[len(comments) : len(comments) + len(fields)] == [f"{name}," for name in fields]
    assert lines[len(comments) + len(fields)] == ",".join(COLUMNS)
    assert all("," not in line for line in comments)  # a spreadsheet shows each in one cell
    for column in COLUMNS:
        assert any(line.startswith(f"# {column}: ") for line in comments)
    assert all(status in "\n".join(comments) for status in STATUSES)


def test_template_refuses_other_formats_and_existing_files(cli, tmp_path):
    assert "as .xlsx or .csv" in cli("template", "--out", tmp_path / "t.ods").output
    (tmp_path / "t.csv").write_text("mine", encoding="utf-8")
    result = cli("template", "--out", tmp_path / "t.csv")
    assert result.exit_code != 0 and "--replace" in result.output
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip(cli, written, tmp_path, suffix):
    details = {
        "force_id": "West Midlands Police",
        "reference": "FOI/2023/0456",
        "title": "Fingerprint scanners",
        "request_date": "2023-04-03",
        "response_date": "02/05/2023" if suffix == ".csv" else "2023-05-02",
        "source_url": "https://example.org/foi/2023-0456",
    }
    filled = makers.fill_template(
        written(suffix), tmp_path / f"answers{suffix}", ANSWERS, [PEOPLE_BY_AGE], details
    )
    db = tmp_path / "campaign.db"
    result = cli("ingest", "--db", db, filled)  # the file says which force answered
    assert result.exit_code == 0, result.output
    assert "west-midlands: answers" in result.output and "5 figures, 7 outcomes" in result.output
    conn = sqlite3.connect(db)
    response = conn.execute(
        "SELECT response_id, reference, source_kind, title, request_date, response_date, "
        "source_url FROM responses"
    ).fetchall()
    assert response == [
        (
            "west-midlands/FOI-2023-0456",
            "FOI/2023/0456",
            "document",
            "Fingerprint scanners",
            "2023-04-03",
            "2023-05-02",
            "https://example.org/foi/2023-0456",
        )
    ]
    figures = {
        row[:3]: row[3:]
        for row in conn.execute(
            "SELECT measure, period_start, coalesce(breakdown_value, ''), value, qualifier, "
            "caveat, period_label FROM observations WHERE force_id = 'west-midlands'"
        )
    }
    assert figures[("uses", "2019-01-01", "")] == (27217, "exact", None, "2019")
    assert figures[("uses", "2020-01-01", "")] == (
        24494,
        "approximate",
        "approximately; kiosk logs",
        "2020",
    )
    assert figures[("matches", "2019-01-01", "immigration")][0] == 1449
    assert figures[("people", "2021-01-01", "18-24")][0] == 310
    outcomes = {
        row[:3]: row[3:]
        for row in conn.execute(
            "SELECT technology, measure, period_start, status, exemptions, reason FROM outcomes"
        )
    }
    assert outcomes[(ARCH, "devices_in_service", "2019-01-01")] == (
        "refused",
        "s24(1);s31(1)",
        None,
    )
    assert outcomes[(PHONES, "uses", "2021-01-01")] == ("cost_limit", "s12", None)
    assert outcomes[(SCANNER, "people", "2019-01-01")] == (
        "not_held",
        None,
        "We do not record who was scanned.",
    )
    assert outcomes[(SCANNER, "matches", "2019-01-01")][0] == "disclosed"  # two rows, one topic
    text = conn.execute("SELECT text FROM documents").fetchone()[0]
    for (quote,) in conn.execute(
        "SELECT quote FROM observations UNION ALL SELECT quote FROM outcomes"
    ):
        assert quote in text.splitlines()


def test_a_changed_value_changes_the_figure(written, tmp_path):
    answers = {
        **ANSWERS,
        (SCANNER, "uses", 2019, "none", ""): {"value": 27218, "status": "disclosed"},
    }
    filled = makers.fill_template(written(".xlsx"), tmp_path / "FOI-1.xlsx", answers)
    rows = parse(filled, "west-midlands").extraction.rows["observations"]
    assert {
        r["value"] for r in rows if r["measure"] == "uses" and r["period_start"] == "2019-01-01"
    } == {27218}


def test_an_ods_template_reads_too(tmp_path):
    rows = [
        list(COLUMNS),
        [
            SCANNER,
            "uses",
            "2019-01-01",
            "2019-12-31",
            "none",
            "",
            27217,
            "count",
            "disclosed",
            "",
            "",
        ],
        [],
        [SCANNER, "uses", "2020-01-01", "2020-12-31", "none", "", "", "count", "", "", ""],
    ]
    filled = makers.ods_spreadsheet(
        tmp_path / "FOI-9.ods", {"Answers": rows, "Response": [["reference", "FOI 9"]]}
    )
    extraction = parse(filled, "dyfed-powys").extraction
    check(extraction)
    assert [r["value"] for r in extraction.rows["observations"]] == [27217]
    assert (
        extraction.rows["observations"][0]["quote"]
        == f"{SCANNER} | uses | 2019-01-01 | 2019-12-31 | none |  | 27217 | count | disclosed"
    )


def test_bad_cells_are_all_reported_with_sheet_row_and_column(written, tmp_path):
    answers = {
        (SCANNER, "uses", 2019, "none", ""): {"value": "about twelve"},
        (SCANNER, "uses", 2020, "none", ""): {"status": "declined"},
        (SCANNER, "uses", 2021, "none", ""): {"value": 5, "period_start": "1899-01-01"},
        (ARCH, "uses", 2019, "none", ""): {"status": "refused", "exemptions": "Law enforcement"},
        (PHONES, "uses", 2019, "none", ""): {"status": "not_held", "value": 7},
    }
    extra = [
        [
            "fingerprint_scanner",
            "scans",
            "2019-01-01",
            "2019-12-31",
            "none",
            "",
            3,
            "count",
            "",
            "",
            "",
        ]
    ]
    template = written(".xlsx")
    row = {
        key: 2 + i
        for i, key in enumerate(
            (r[0], r[1], int(r[2][:4]), r[4], r[5]) for r in read_document(template).tables[0][1:]
        )
    }
    filled = makers.fill_template(template, tmp_path / "FOI-2.xlsx", answers, extra)
    with pytest.raises(DocumentError) as raised:
        parse(filled, "west-midlands")
    message = str(raised.value)
    expected = [
        f"sheet 'Answers', row {row[(SCANNER, 'uses', 2019, 'none', '')]}, column value (G): "
        "'about twelve' is not a number",
        f"sheet 'Answers', row {row[(SCANNER, 'uses', 2020, 'none', '')]}, column status (I): "
        "'declined' is not a status",
        f"sheet 'Answers', row {row[(SCANNER, 'uses', 2021, 'none', '')]}, column period_start "
        "(C): the year 1899 is out of range",
        f"sheet 'Answers', row {row[(ARCH, 'uses', 2019, 'none', '')]}, column exemptions (J): "
        "'Law enforcement' is not a list of sections",
        f"sheet 'Answers', row {row[(PHONES, 'uses', 2019, 'none', '')]}, column value (G): a "
        "value is given but the status is not_held",
        f"sheet 'Answers', row {expected_rows() + 2}, column technology (A): 'fingerprint_scanner' "
        "is not a technology",
        f"sheet 'Answers', row {expected_rows() + 2}, column measure (B): 'scans' is not a measure",
    ]
    for line in expected:
        assert line in message, line
    assert "7 problem(s)" in message and "FOI-2.xlsx" in message


def test_csv_problems_name_the_row_a_spreadsheet_shows(written, tmp_path):
    filled = makers.fill_template(
        written(".csv"),
        tmp_path / "FOI-3.csv",
        {(SCANNER, "uses", 2019, "none", ""): {"value": "n/a"}},
    )
    lines = filled.read_bytes().decode("cp1252").splitlines()
    row = next(n for n, line in enumerate(lines, 1) if ",n/a," in line)
    with pytest.raises(
        DocumentError, match=rf"- row {row}, column value \(G\): 'n/a' is not a number"
    ):
        parse(filled, "west-midlands")


def test_contradicting_rows_are_reported(written, tmp_path):
    answers = {
        (SCANNER, "matches", 2019, "database", "police"): {"value": 11478, "status": "disclosed"},
        (SCANNER, "matches", 2019, "database", "immigration"): {"status": "not_held"},
    }
    extra = [
        [SCANNER, "uses", "2019-01-01", "2019-12-31", "none", "", 100, "count", "", "", ""],
        [SCANNER, "uses", "2019-01-01", "2019-12-31", "none", "", 200, "count", "", "", ""],
    ]
    filled = makers.fill_template(written(".xlsx"), tmp_path / "FOI-4.xlsx", answers, extra)
    with pytest.raises(DocumentError) as raised:
        parse(filled, "west-midlands")
    assert "two values (100 and 200) for the same figure" in str(raised.value)
    assert "different statuses (not_held, disclosed) for one question topic" in str(raised.value)


def test_force_is_required_and_must_be_registered(cli, tmp_path):
    db = tmp_path / "x.db"
    result = cli("ingest", "--db", db, EXAMPLE_CSV)
    assert (
        result.exit_code != 0
        and "--force" in result.output
        and "does not say which force" in result.output
    )
    result = cli("ingest", "--db", db, "--force", "gotham", EXAMPLE_CSV)
    assert result.exit_code != 0 and "'gotham' is not a force" in result.output
    assert not db.exists()


def test_a_template_with_nothing_filled_in_is_an_error(written):
    with pytest.raises(DocumentError, match="no answered row"):
        parse(written(".csv"), "west-midlands")


def test_the_example_filled_template(cli, tmp_path):
    """A made-up answer, kept in tests/fixtures only: `build` must never ingest it."""
    extraction = parse(EXAMPLE_CSV, "north-wales").extraction
    check(extraction)
    counts = extraction.counts()
    assert (counts["observations"], counts["outcomes"]) == (12, 14)
    assert extraction.rows["responses"][0]["response_id"] == "north-wales/MADE-UP-EXAMPLE-0001"


def test_no_bundled_document_is_a_filled_template():
    for path, _ in bundled_corpus():
        assert not AnswerTemplate().recognises(read_document(path)), path


def _answers_csv(path, details: list[str], rows: list[list], help_lines: bool = True):
    """A filled template as a person may keep it: some # help lines, the response's details,
    and only the rows they answered."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(line.split(",", 1) for line in details)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    help_text = "# Answers to the campaign's questions; in the multiforce answer template.\n" * 3
    path.write_text((help_text if help_lines else "") + out.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize("help_lines", [True, False])
def test_a_template_with_only_its_answered_rows_is_read(tmp_path, help_lines):
    answered = [SCANNER, "uses", "2019-01-01", "2019-12-31", "none", "", 812, "count", "", "", ""]
    path = _answers_csv(
        tmp_path / "mine.csv", ["force_id,surrey", "reference,208/20"], [answered], help_lines
    )
    extraction = parse(path).extraction  # no --force: the file names the force
    check(extraction)
    assert extraction.rows["responses"][0]["response_id"] == "surrey/208-20"
    assert extraction.rows["responses"][0]["reference"] == "208/20"
    assert [r["value"] for r in extraction.rows["observations"]] == [812]
    # a figure given without a status is disclosed
    assert [r["status"] for r in extraction.rows["outcomes"]] == ["disclosed"]


def test_cells_beyond_the_last_column_are_refused(tmp_path):
    answered = [SCANNER, "uses", "2019-01-01", "2019-12-31", "none", "", 812, "count", "", "", ""]
    path = _answers_csv(
        tmp_path / "extra.csv",
        ["force_id,surrey", "reference,208/20"],
        [[*answered, "more words", "and more"]],
    )
    with pytest.raises(DocumentError, match=r"2 cell\(s\) beyond the last column \(more words"):
        parse(path)


def test_withheld_rows_need_no_period(tmp_path):
    rows = [
        [SCANNER, "people", "", "", "none", "", "", "count", "not_held", "", "Not recorded"],
        [ARCH, "uses", "", "", "none", "", "", "count", "cost_limit", "", ""],
        [PHONES, "uses", "2020-01-01", "2020-12-31", "none", "", "", "count", "refused", "s31", ""],
    ]
    path = _answers_csv(tmp_path / "t.csv", ["force_id,kent", "reference,12-34"], rows)
    extraction = parse(path).extraction
    check(extraction)
    periods = {
        r["technology"]: (r["status"], r["period_start"], r["period_end"], r["exemptions"])
        for r in extraction.rows["outcomes"]
    }
    assert periods == {
        SCANNER: ("not_held", None, None, None),
        ARCH: ("cost_limit", None, None, "s12"),
        PHONES: ("refused", "2020-01-01", "2020-12-31", "s31"),
    }


def test_details_above_the_header_of_a_workbook_are_read(tmp_path):
    rows = [
        ["force_id", "Kent Police"],
        ["reference", "FOI/1234"],
        ["title", "Knife arches"],
        [],
        list(COLUMNS),
        [ARCH, "uses", "2019-01-01", "2019-12-31", "none", "", 12, "count", "", "", ""],
    ]
    filled = makers.ods_spreadsheet(tmp_path / "kent.ods", {"Answers": rows})
    response = parse(filled).extraction.rows["responses"][0]
    assert (response["response_id"], response["title"]) == ("kent/FOI-1234", "Knife arches")


def test_a_template_without_its_reference_or_with_another_force_is_refused(tmp_path):
    answered = [SCANNER, "uses", "2019-01-01", "2019-12-31", "none", "", 812, "count", "", "", ""]
    path = _answers_csv(tmp_path / "2023-1.csv", ["force_id,surrey"], [answered])
    with pytest.raises(DocumentError, match="reference: missing"):
        parse(path)
    path = _answers_csv(tmp_path / "x.csv", ["force_id,surrey", "reference,1"], [answered])
    with pytest.raises(DocumentError, match="the file names 'surrey', but --force says 'kent'"):
        parse(path, "kent")
