"""One response, however it arrives: a reviewed draft of its document, a transcription and a
filled template of one (made-up) response are one response, in any order of ingestion."""

import hashlib
import itertools
import shutil
import sqlite3

import pytest
from conftest import FIXTURES, MET_TEXT
from multiforce.toolkit.adapter import Adapter
from multiforce.toolkit.errors import DocumentError, ValidationFailed
from multiforce.toolkit.pipeline import check, ingest, parse
from multiforce.toolkit.readers import read_document
from multiforce.toolkit.records import Extraction, reference_key, response_id
from multiforce.toolkit.rules import RuleSet

SOURCES = FIXTURES / "sources"
THREE = [SOURCES / "draft.yaml", SOURCES / "transcription.yaml", SOURCES / "template.csv"]
TABLES = ("responses", "documents", "questions", "observations", "outcomes")


def dump(db):
    conn = sqlite3.connect(db)
    try:
        return {
            table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in TABLES
        }
    finally:
        conn.close()


@pytest.mark.parametrize("written", ["208/20", "208-20", "208_20", " 208 / 20 ", "208//20"])
def test_one_reference_however_it_is_punctuated(written):
    assert reference_key(written) == "208-20"
    assert response_id("northumbria", written) == "northumbria/208-20"


def test_the_three_sources_are_one_response_in_every_order(tmp_path):
    results = []
    for n, order in enumerate(itertools.permutations(THREE)):
        together, apart = tmp_path / f"together-{n}.db", tmp_path / f"apart-{n}.db"
        ingest(together, list(order))
        for path in order:
            ingest(apart, [path])
        results += [dump(together), dump(apart)]
    first = results[0]
    assert all(result == first for result in results)
    [response] = first["responses"]
    assert response[0] == "kent/FOI-123"
    assert response[8] == "document;transcription"  # source_kind: every source
    assert len(first["documents"]) == 2  # the letter and the filled template
    assert len(first["observations"]) == 1 and len(first["outcomes"]) == 3
    assert len(first["questions"]) == 3


def test_each_published_row_keeps_one_sources_provenance(tmp_path):
    db = tmp_path / "m.db"
    ingest(db, THREE)
    conn = sqlite3.connect(db)
    for table in ("observations", "outcomes"):
        for document_id, quote, locator in conn.execute(
            f"SELECT document_id, quote, locator FROM {table}"
        ):
            # a row stated by a document is cited from it, with its quote and no locator; a
            # row only the transcription gives keeps its locator
            assert (document_id is not None and quote and locator is None) or (
                document_id is None and quote is None and locator
            )
    held = {row[0] for row in conn.execute("SELECT document_id FROM documents")}
    cited = {row[0] for row in conn.execute("SELECT document_id FROM observations")}
    assert cited == {min(held)}


def _disagreeing(tmp_path, value: int):
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    transcription = folder / "transcription.yaml"
    transcription.write_text(
        transcription.read_text(encoding="utf-8").replace("value: 4", f"value: {value}"),
        encoding="utf-8",
    )
    return folder / "draft.yaml", transcription


@pytest.mark.parametrize("apart", [False, True])
def test_sources_that_disagree_are_a_validation_error_naming_both(tmp_path, apart):
    draft, transcription = _disagreeing(tmp_path, 5)
    db = tmp_path / "m.db"
    if apart:
        ingest(db, [draft])
        before = db.read_bytes()
    with pytest.raises(ValidationFailed) as failure:
        ingest(db, [transcription] if apart else [draft, transcription])
    message = str(failure.value)
    assert "transcription.yaml" in message and "5" in message and "4" in message
    assert ("letter.txt" in message) or ("draft.yaml" in message)
    if apart:
        assert db.read_bytes() == before


@pytest.mark.parametrize("apart", [False, True])
def test_sources_that_disagree_on_the_date_are_an_error(tmp_path, apart):
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    transcription = folder / "transcription.yaml"
    transcription.write_text(
        transcription.read_text(encoding="utf-8").replace("2023-04-12", "2023-04-13"),
        encoding="utf-8",
    )
    db = tmp_path / "m.db"
    if apart:
        ingest(db, [folder / "draft.yaml"])
    with pytest.raises(ValidationFailed, match="response_date") as failure:
        ingest(db, [transcription] if apart else [folder / "draft.yaml", transcription])
    assert "2023-04-12" in str(failure.value) and "2023-04-13" in str(failure.value)


# --- reviewed drafts ---------------------------------------------------------------------


def test_a_reviewed_draft_is_published_with_its_document_and_quotes():
    extraction = parse(SOURCES / "draft.yaml").extraction
    check(extraction)
    [response] = extraction.rows["responses"]
    assert response["source_kind"] == "document" and response["campaign_id"] == "made-up-campaign"
    [document] = extraction.rows["documents"]
    letter = (SOURCES / "letter.txt").read_bytes()
    assert document["document_id"] == hashlib.sha256(letter).hexdigest()
    assert document["filename"] == "letter.txt"
    for table in ("observations", "outcomes"):
        for row in extraction.rows[table]:
            assert row["document_id"] == document["document_id"] and row["locator"] is None
            assert row["quote"] in document["text"]
    questions = {(q["number"], q["technology"], q["measure"]) for q in extraction.rows["questions"]}
    assert questions == {
        ("1", "knife_arch", "devices_in_service"),
        ("2", "knife_arch", "uses"),
        ("3", None, None),  # a question the draft could not map: its topic is empty
    }
    assert {r["question"] for r in extraction.rows["outcomes"]} == {"1", "2"}


def _draft(tmp_path, old: str = "", new: str = "", letter: bytes | None = None):
    shutil.copy(SOURCES / "letter.txt", tmp_path / "letter.txt")
    if letter is not None:
        (tmp_path / "letter.txt").write_bytes(letter)
    text = (SOURCES / "draft.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "draft.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_draft_without_its_document_beside_it_is_refused(tmp_path):
    path = _draft(tmp_path)
    (tmp_path / "letter.txt").unlink()
    with pytest.raises(DocumentError, match="no file 'letter.txt' beside this draft"):
        parse(path)


def test_a_draft_of_another_version_of_the_document_is_refused(tmp_path):
    letter = (SOURCES / "letter.txt").read_bytes().replace(b"4 knife", b"5 knife")
    path = _draft(tmp_path, letter=letter)
    with pytest.raises(DocumentError, match="reviewed against another version of the file"):
        parse(path)


def test_a_drafts_quote_must_be_in_its_document(tmp_path):
    path = _draft(tmp_path, "quote: We hold 4 knife arches", "quote: We hold 4 knife wands")
    with pytest.raises(ValidationFailed, match="quote occurs in its document"):
        check(parse(path).extraction)


def test_a_changed_figure_in_the_draft_changes_the_row(tmp_path):
    path = _draft(tmp_path, "    value: 4\n", "    value: 5\n")
    with pytest.raises(ValidationFailed, match="quote contains its value"):
        check(parse(path).extraction)  # the document says 4: the quote holds the draft to it


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ('    question: "1"\n    quote', "    colour: red\n    quote", "unknown key 'colour'"),
        ("    quote: We hold 4 knife arches as at 31 March 2023.\n", "", "quote: missing"),
        ("    quote: We hold 4", "    locator: p1\n    quote: We hold 4", "locator: a reviewed"),
        (
            "    topics:\n      - {technology: knife_arch, measure: uses, period: 2022}",
            "    topics:\n      - {technology: knife_arc, measure: uses}",
            "'knife_arc' is not a technology",
        ),
    ],
)
def test_each_mistake_in_a_draft_is_named(tmp_path, old, new, expected):
    path = _draft(tmp_path, old, new)
    with pytest.raises(DocumentError, match=expected):
        parse(path)


def test_a_draft_that_reads_no_outcome_names_the_unanswered_questions(tmp_path):
    text = (SOURCES / "draft.yaml").read_text(encoding="utf-8")
    path = _draft(tmp_path, text[text.index("figures:") :], "")
    with pytest.raises(ValidationFailed) as failure:
        check(parse(path).extraction)
    message = str(failure.value)
    assert "a document's response has an outcome" in message
    assert "1 (How many knife arches does the force hold?)" in message
    assert "2 (How many times were they used in 2022?)" in message


def test_review_of_points_at_the_reviewed_response(tmp_path):
    path = _draft(tmp_path, "campaign_id:", "review_of: FOI/99\ncampaign_id:")
    [response] = parse(path).extraction.rows["responses"]
    assert response["review_of"] == "kent/FOI-99"


class KentLetters(Adapter):
    force_id = "kent"
    recognise = r"Freedom of Information request"
    reference = r"request (?P<reference>FOI/\d+)"
    title = "Knife arches"


def test_an_adapter_whose_rules_read_no_outcome_is_refused():
    class ReadsNothing(KentLetters):
        rule_sets = (RuleSet(reading=False),)  # no rules, and not the general reading either

    with pytest.raises(DocumentError, match="the kent adapter read no outcome"):
        ReadsNothing().parse(read_document(SOURCES / "letter.txt"))


def test_a_document_without_outcomes_fails_validation():
    read = KentLetters().parse(read_document(SOURCES / "letter.txt"))
    assert read.rows["outcomes"]  # the general reading finds them
    extraction = Extraction()
    for table in ("responses", "documents"):
        for row in read.rows[table]:
            extraction.add(table, row)
    with pytest.raises(ValidationFailed) as failure:
        check(extraction)
    message = str(failure.value)
    assert "letter.txt" in message and "a document's response has an outcome" in message
    assert "no question was read either" in message


def test_a_web_address_is_checked_by_the_model_and_reported_at_its_key(tmp_path):
    text = (SOURCES / "transcription.yaml").read_text(encoding="utf-8")
    path = tmp_path / "t.yaml"
    path.write_text(text.replace("https://example.org", "ftp://example.org"), encoding="utf-8")
    with pytest.raises(DocumentError, match="source_url: 'ftp://example.org/foi-123' is not http"):
        parse(path)


def test_validate_lists_the_questions_with_no_topic(cli):
    result = cli("validate", SOURCES / "draft.yaml")
    assert result.exit_code == 0, result.output
    assert "Question with no topic" in result.output
    assert "kent/FOI-123: 3 Which officers decide where they are used?" in result.output
    assert "How many knife arches" not in result.output  # mapped: not listed


MET_TRANSCRIPTION = """\
source_kind: transcription
force_id: metropolitan
reference: 01.FOI.22.022895
title: Scanners, arches, wands and phone extraction
source_url: https://example.org/met
figures:
  - technology: mobile_fingerprint_scanner
    measure: devices_deployed
    period: 2018
    value: VALUE
    locator: answer 1
"""


def test_a_document_read_by_its_adapter_and_a_transcription_of_it_are_one_response(
    tmp_path, write_yaml
):
    transcription = write_yaml("met.yaml", MET_TRANSCRIPTION.replace("VALUE", "120"))
    dumps = []
    for n, order in enumerate(itertools.permutations([MET_TEXT, transcription])):
        together, apart = tmp_path / f"together-{n}.db", tmp_path / f"apart-{n}.db"
        ingest(together, list(order))
        for path in order:
            ingest(apart, [path])
        dumps += [dump(together), dump(apart)]
    assert all(result == dumps[0] for result in dumps)
    conn = sqlite3.connect(tmp_path / "together-0.db")
    assert conn.execute("SELECT source_kind FROM responses").fetchall() == [
        ("document;transcription",)
    ]
    cited = conn.execute(
        "SELECT value, quote, locator FROM observations WHERE measure = 'devices_deployed' "
        "AND period_start = '2018-01-01'"
    ).fetchall()
    assert cited == [(120.0, "120 devices were deployed in 2018", None)]  # the document's


def test_a_transcription_that_contradicts_the_document_is_refused(tmp_path, write_yaml):
    transcription = write_yaml("met.yaml", MET_TRANSCRIPTION.replace("VALUE", "121"))
    with pytest.raises(ValidationFailed) as failure:
        ingest(tmp_path / "m.db", [MET_TEXT, transcription])
    message = str(failure.value)
    assert "120" in message and "121" in message
    assert "01.FOI.22.022895.txt" in message and "met.yaml" in message
