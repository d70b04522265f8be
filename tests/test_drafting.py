"""`multiforce draft`: a document no adapter reads becomes a reviewed-draft YAML for a person,
with what the reading is not sure of as comments, the same bytes every time."""

import shutil
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES
from multiforce.toolkit import drafting
from multiforce.toolkit.errors import MultiforceError
from multiforce.toolkit.meaning import Topic

from campaigns import CAMPAIGN, C

LETTER = FIXTURES / "drafting" / "letter.txt"


def draft_of(path, **given) -> str:
    return drafting.draft_yaml(drafting.read(path, **given))


@pytest.fixture
def letter(edit):
    """Write the made-up letter with replacements: letter(("old", "new"), ...) -> path."""

    def written(*replacements, name="letter.txt") -> Path:
        return edit(*replacements, name=name, source=LETTER)

    return written


def test_the_draft_holds_the_response_questions_outcomes_and_figures(cli, tmp_path):
    result = cli("draft", LETTER, "--out", tmp_path / "drafts")
    assert result.exit_code == 0, result.output
    target = tmp_path / "drafts" / "letter.txt.yaml"
    assert f"{target}: 4 questions, 3 outcomes, 3 figures; 1 unmapped question(s)" in result.output
    assert (tmp_path / "drafts" / "letter.txt").read_bytes() == LETTER.read_bytes()
    draft = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert draft["source_kind"] == "transcription"
    assert (draft["force_id"], draft["reference"]) == ("cumbria", "FOI/2024/0417")
    assert (draft["request_date"], draft["response_date"]) == ("2024-02-12", "2024-03-14")
    assert draft["layout"] == "letter"
    assert draft["document"]["filename"] == "letter.txt"
    assert len(draft["document"]["sha256"]) == 64
    assert [q["number"] for q in draft["questions"]] == ["1", "2", "3", "4"]
    assert draft["questions"][3]["topics"] == []
    statuses = {(o["question"], o["status"], o.get("exemptions")) for o in draft["outcomes"]}
    assert statuses == {
        ("1", "refused", "s31(1)(a)"),
        ("2", "disclosed", None),
        ("3", "not_held", None),
    }
    assert [(f["period"]["label"], f["value"], f["quote"]) for f in draft["figures"]] == [
        ("2021", 1204, "2021 | 1,204"),
        ("2022", 980, "2022 | 980"),
        ("2023", 1531, "2023 | 1,531"),
    ]
    text = LETTER.read_text(encoding="utf-8")
    quotes = [o["quote"] for o in draft["outcomes"]] + [f["quote"] for f in draft["figures"]]
    assert all(quote in text for quote in quotes)


def test_what_is_not_sure_is_a_comment(letter):
    draft = draft_of(letter(("This information is not held.", "Nothing to add.")))
    assert "# unmapped: " in draft and "  - number: '4'" in draft
    assert "# 3: the text does not say what was done with it; add its outcome." in draft
    assert "# 4: the text does not say" in draft


def test_a_number_the_reading_cannot_place_is_listed(letter):
    path = letter(("3. This information is not held.", "3. We scanned 412 people."))
    draft = draft_of(path)
    assert "# Numbers not read as figures that the audit cannot explain" in draft
    assert "412" in draft.split("# Numbers not read as figures")[1]
    assert "value: 412" not in draft  # no period, no shape: left for a person, never guessed


def test_a_number_in_a_question_s_text_is_listed_as_such(letter):
    path = letter(("broken down by ethnicity?", "aged under 16, by ethnicity?"))
    listed = draft_of(path).split("# Numbers not read as figures")[1]
    assert "16 (in the text of question 3): 3. How many people were scanned, aged under" in listed
    answered = letter(("3. This information is not held.", "3. We scanned 412 people."))
    assert "412 (in the text" not in draft_of(answered)


def test_a_part_asked_alone_has_its_outcome_without_the_total(letter):
    """'How many ... were of children' asks for the part: "not held" is said of it alone."""
    whole = yaml.safe_load(draft_of(letter()))
    assert [o.get("breakdown") for o in whole["outcomes"] if o["question"] == "3"] == [
        ["none", "ethnicity"]
    ]
    part = letter(("scanned, broken down by ethnicity?", "scanned who were children under 18?"))
    outcomes = yaml.safe_load(draft_of(part))["outcomes"]
    assert [o.get("breakdown") for o in outcomes if o["question"] == "3"] == ["age"]


@pytest.mark.parametrize("white", ["40", "41"])
def test_a_table_of_ethnic_groups_drafts_each_group_and_the_total(letter, white):
    path = letter(
        ("scanned, broken down by ethnicity?", "scanned in 2023, broken down by ethnicity?"),
        (
            "3. This information is not held.",
            f"3. Ethnicity | 2023\nWhite | {white}\nBlack | 12\nTotal | 52",
        ),
    )
    draft = yaml.safe_load(draft_of(path))
    assert [
        (f.get("breakdown"), f.get("breakdown_value"), f["value"])
        for f in draft["figures"]
        if f["question"] == "3"
    ] == [("ethnicity", "White", int(white)), ("ethnicity", "Black", 12), (None, None, 52)]
    [outcome] = [o for o in draft["outcomes"] if o["question"] == "3"]
    assert (outcome["status"], outcome["breakdown"]) == ("disclosed", ["none", "ethnicity"])


ROWS_OF_PERIODS = "2021 | 1,204\n2022 | 980\n2023 | 1,531"


@pytest.mark.parametrize(
    "table",
    [
        "Device | 2021 | 2022 | 2023\nScanner | 1,204 | 980 | 1,531",
        "2021 | 2022\nScanner | 1,204 | 980",
    ],
)
def test_the_years_heading_a_table_s_columns_are_its_periods_not_numbers_to_check(letter, table):
    path = letter((ROWS_OF_PERIODS, table))
    draft = draft_of(path)
    assert "value: 980" in draft
    assert "# Numbers not read as figures" not in draft
    heading_line = path.read_text(encoding="utf-8").splitlines().index(table.split("\n")[0]) + 1
    audited = drafting.read(path).audit()
    heading = [n for n in audited.numbers if n.line == heading_line][:2]
    assert [(n.kind, n.detail) for n in heading] == [
        ("period", "a period (2021) heading a table's column"),
        ("period", "a period (2022) heading a table's column"),
    ]


def test_the_one_year_heading_a_table_s_column_is_its_period_not_a_number_to_check(letter):
    path = letter((ROWS_OF_PERIODS, "Device | 2021\nScanner | 1,204"))
    draft = draft_of(path)
    assert "value: 1204" in draft
    assert "# Numbers not read as figures" not in draft
    heading_line = path.read_text(encoding="utf-8").splitlines().index("Device | 2021") + 1
    audited = drafting.read(path).audit()
    assert [(n.kind, n.detail) for n in audited.numbers if n.line == heading_line] == [
        ("period", "a period (2021) heading a table's column")
    ]


@pytest.mark.parametrize(
    "table,number",
    [
        ("Device | 12\nScanner | 1,204", "12"),
        ("Device 12 | 2021 | 2022 | 2023\nScanner | 1,204 | 980 | 1,531", "12"),
    ],
)
def test_a_number_in_a_heading_that_is_no_period_is_still_listed(letter, table, number):
    listed = draft_of(letter((ROWS_OF_PERIODS, table))).split("# Numbers not read as figures")[1]
    assert f": {number} (" in listed
    assert "2021 (" not in listed and "2022 (" not in listed


@pytest.mark.parametrize(
    "table",
    [
        "Year | Under 18 | 18-24 | 65+\n2021 | 10 | 30 | 2",
        "Age | 2021 | 2022\nUnder 18 | 10 | 12\n65 and over | 2 | 1",
    ],
)
def test_the_numbers_of_age_bands_labelling_a_table_are_labels_not_numbers_to_check(letter, table):
    """A draft lists the values left for a person (the question asks no age), never the numbers
    of the bands' labels; a number beside the labels in a heading is still listed."""
    path = letter((ROWS_OF_PERIODS, table))
    listed = draft_of(path).split("# Numbers not read as figures")[1]
    assert ": 10 (" in listed and ": 2 (" in listed
    assert ": 18 (" not in listed and ": 65 (" not in listed and ": 24 (" not in listed
    audited = drafting.read(path).audit()
    assert {n.detail for n in audited.numbers if n.kind == "label"} >= {
        "a part (Under 18) labelling a table's row or column"
    }
    beside = letter((ROWS_OF_PERIODS, table.replace("Under 18", "Under 18 | Band 7", 1)))
    assert ": 7 (" in draft_of(beside).split("# Numbers not read as figures")[1]


def test_the_same_document_gives_the_same_bytes(tmp_path):
    copy = tmp_path / "elsewhere" / "letter.txt"
    copy.parent.mkdir()
    shutil.copy(LETTER, copy)
    assert draft_of(LETTER) == draft_of(LETTER) == draft_of(copy)


@pytest.mark.parametrize(
    "old,new,changed",
    [
        ("2022 | 980", "2022 | 981", "value: 981"),
        ("Section 31(1)(a)", "Section 40(2)", "exemptions: s40(2)"),
        ("Date: 14 March 2024", "Date: 15 March 2024", "response_date: '2024-03-15'"),
        ("3. This information is not held.", "3. This would exceed the appropriate limit.",
         "status: cost_limit"),
    ],
)  # fmt: skip
def test_a_changed_document_changes_exactly_that(old, new, changed, letter):
    before = draft_of(letter(name="before.txt")).splitlines()
    after = draft_of(letter((old, new), name="after.txt")).splitlines()
    differ = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert any(changed in b for _, b in differ), differ
    # the line naming the file, its sha256, the changed value and its quote: nothing else
    assert all(
        "Draft of" in b or "sha256" in b or changed in b or new.split()[-1] in b
        or new.strip(".") in b for _, b in differ
    ), differ  # fmt: skip


def test_a_campaign_question_map_decides_what_a_question_asks(tmp_path):
    question_map = {
        "What colour are the scanners' carrying cases?": [
            Topic("mobile_fingerprint_scanner", "policy_document")
        ]
    }
    draft = yaml.safe_load(draft_of(LETTER, question_map=question_map, campaign_id="cases-2024"))
    assert draft["campaign_id"] == "cases-2024"
    assert draft["questions"][3]["topics"] == [
        {"technology": "mobile_fingerprint_scanner", "measure": "policy_document"}
    ]


def test_draft_maps_questions_by_a_campaign_added_to_a_database(cli, tmp_path):
    db = tmp_path / "campaign.db"
    assert cli("campaign", "new", CAMPAIGN, "--db", db).exit_code == 0
    without = cli("draft", LETTER, "--out", tmp_path / "a", "--campaign", C)
    assert without.exit_code == 1 and "and that database given as --db DB" in without.output
    result = cli("draft", LETTER, "--out", tmp_path / "b", "--campaign", C, "--db", db)
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load((tmp_path / "b" / "letter.txt.yaml").read_text(encoding="utf-8"))
    assert draft["campaign_id"] == C


def test_campaign_without_the_campaigns_module_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "multiforce.toolkit.campaigns", None)
    with pytest.raises(MultiforceError, match="no campaigns .* leave --campaign out"):
        drafting.campaign_question_map("scanners-2024")


def test_an_empty_reading_is_an_error(cli, tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Cumbria Constabulary\nThank you for your email.\n", encoding="utf-8")
    result = cli("draft", path, "--out", tmp_path / "drafts")
    assert result.exit_code == 1
    assert "note.txt: nothing could be read from this document" in result.output
    assert not (tmp_path / "drafts" / "note.txt.yaml").exists()


@pytest.mark.parametrize(
    "question,answer",
    [
        ("Has the force had a data protection issue with its scanners?", "There was none."),
        ("Does the force hold a policy on knife arches?", "Please see our website."),
    ],
)
def test_a_letter_whose_questions_are_found_is_drafted_though_nothing_answers_them(
    cli, tmp_path, question, answer
):
    path = tmp_path / "letter.txt"
    path.write_text(
        f"Our ref: 7/25\nDear Requester,\nYou asked:\n1. {question}\nResponse\n1. {answer}\n"
        "Yours sincerely\nThe FOI Unit\n",
        encoding="utf-8",
    )
    result = cli("draft", path, "--out", tmp_path / "drafts")
    assert result.exit_code == 0, result.output
    draft = (tmp_path / "drafts" / "letter.txt.yaml").read_text(encoding="utf-8")
    assert question in draft
    assert "1: the text does not say what was done with it" in draft


def test_a_reading_of_numbers_left_to_a_person_is_drafted(cli, tmp_path):
    path = tmp_path / "totals.txt"
    path.write_text(
        "Our ref: 5/25\nDear Requester,\nYou asked:\n1. How many scanner uses since 2020?\n"
        "Response\n1. Up to 31 March 2024, the scanners were used 4,512 times.\n"
        "Yours sincerely\nThe FOI Unit\n",
        encoding="utf-8",
    )
    result = cli("draft", path, "--out", tmp_path / "drafts")
    assert result.exit_code == 0, result.output
    draft = (tmp_path / "drafts" / "totals.txt.yaml").read_text(encoding="utf-8")
    assert "a running total to or from a day" in draft


def test_every_number_the_reading_leaves_to_a_person_is_in_the_draft(tmp_path):
    path = tmp_path / "words.txt"
    letter = [
        "Our ref: 6/25",
        "Date: 14 March 2025",
        "Dear Requester,",
        "You asked:",
        "1. How many knife wands does the force own?",
        "2. How many knife arches does the force own?",
        "3. How many mobile fingerprint scanner searches were carried out in 2024?",
        "Response",
        "1. Please find the information below. The force owns six knife wands.",
        "2. Three.",
        "3. The force carried out 14 searches in 2024.",
        "Yours sincerely",
        "The FOI Unit",
    ]
    path.write_text("\n".join(letter) + "\n", encoding="utf-8")
    draft = draft_of(path)
    comments = [line for line in draft.splitlines() if line.startswith("#")]
    assert any("six" in c and "a number written as a word" in c for c in comments), comments
    assert any("Three" in c and "a number written as a word" in c for c in comments), comments
    assert "value: 14" in draft


def test_force_given_that_the_document_contradicts_is_an_error(tmp_path):
    with pytest.raises(MultiforceError, match="--force says 'kent', but the document reads as"):
        drafting.read(LETTER, force_id="kent")


def test_an_attachment_is_drafted_beside_itself(tmp_path, letter):
    path = letter(name="response.txt")
    target = drafting.draft_attachment(path, None, "cumbria", None)
    assert target == tmp_path / "response.txt.yaml"
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["reference"] == "FOI/2024/0417"


def test_a_draft_from_ocr_marks_every_figure(tmp_path):
    from multiforce.toolkit.readers import read_document

    document = read_document(LETTER)
    reading = drafting.read(LETTER)
    scanned = drafting.Reading(
        type(document)(**{**vars(document), "text_source": "ocr"}),
        reading.response,
        reading.meaning,
        reading.force_id,
    )
    draft = drafting.draft_yaml(scanned)
    assert "recognised by OCR" in draft
    assert draft.count("# OCR: confirm this figure on the scan") == 3


def test_audit_works_on_a_document_no_adapter_reads(cli, letter):
    result = cli("audit", LETTER)
    assert result.exit_code == 0, result.output
    assert "line   14  980          figure: mobile_fingerprint_scanner uses 2022" in result.output
    path = letter(("3. This information is not held.", "3. We scanned 412 people."))
    result = cli("audit", path)
    assert result.exit_code == 1
    assert "412          unexplained" in result.output
    assert "1 number(s) unexplained: each may be a figure the draft does not read" in result.output


def test_a_total_given_and_its_breakdown_not_held_are_drafted_apart(letter):
    not_held = "We do not record ethnicity against searches, so that breakdown is not held."
    path = letter(
        ("used in each year from 2021 to 2023?", "used in 2023, broken down by ethnicity?"),
        ("The number of searches in each year is below.\n2021 | 1,204\n2022 | 980\n", ""),
        ("2023 | 1,531", f"In 2023 there were 1,531 searches. {not_held}"),
    )
    draft = yaml.safe_load(draft_of(path))
    searches = [o for o in draft["outcomes"] if o["question"] == "2"]
    assert [(o.get("breakdown"), o["status"], o["quote"]) for o in searches] == [
        (None, "disclosed", "In 2023 there were 1,531 searches."),
        ("ethnicity", "not_held", not_held),
    ]
