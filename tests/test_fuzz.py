"""Hostile and broken input, property-based: every reader and the Met adapter either parse a
document correctly or raise the toolkit's own error with a clear message; never another
exception, never a hang, never a wrong figure published silently.

The examples are derandomized so CI is repeatable; set MULTIFORCE_FUZZ_RANDOM=1 (and
MULTIFORCE_FUZZ_EXAMPLES=500, say) to search further on a workstation.
"""

import os
import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import MET_HTML, MET_TEXT
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from multiforce.forces.metropolitan import Metropolitan
from multiforce.toolkit.errors import DocumentError, MultiforceError
from multiforce.toolkit.pipeline import parse
from multiforce.toolkit.readers import read_document, safety
from multiforce.toolkit.validation import validate
from pdfs import make_pdf

pytestmark = pytest.mark.timeout(300)

MET = MET_TEXT.read_text(encoding="utf-8")
MET_LINES = MET.split("\n")
ORIGINAL = parse(MET_TEXT, "metropolitan")
SLOW_SECONDS = 10  # any one document, however hostile


def fuzz(examples: int, seconds: float = SLOW_SECONDS):
    return settings(
        max_examples=int(os.environ.get("MULTIFORCE_FUZZ_EXAMPLES", examples)),
        deadline=timedelta(seconds=seconds),
        derandomize=not os.environ.get("MULTIFORCE_FUZZ_RANDOM"),
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def key(row: dict) -> tuple:
    return (
        row["technology"],
        row["measure"],
        row["period_start"],
        row["period_end"],
        row["breakdown"],
        row["breakdown_value"],
    )


def figures(parsed) -> dict[tuple, float]:
    return {key(row): row["value"] for row in parsed.extraction.rows["observations"]}


FIGURES = figures(ORIGINAL)


def attempt(path: Path, force: str | None = "metropolitan"):
    """The parsed document if it passes validation; None if the toolkit refused it clearly.

    Any other exception fails the test, as does an error message that does not name the file
    and say what was expected.
    """
    started = time.monotonic()
    try:
        parsed = parse(path, force)
    except MultiforceError as error:
        message = str(error)
        assert path.name in message, message
        assert "xpected" in message, message  # "Expected ..." / "expected ..."
        return None
    finally:
        assert time.monotonic() - started < SLOW_SECONDS
    return parsed if validate(parsed.extraction).ok else None


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# Mutations that keep every digit: whatever is published must be what the letter said ---------


def assert_no_figure_is_wrong_or_silently_lost(parsed) -> None:
    got = figures(parsed)
    for figure, value in got.items():
        assert FIGURES.get(figure) == value, (
            f"{figure} = {value} was published; the letter says {FIGURES.get(figure)}"
        )
    in_text = {number_value(n.text) for n in parsed.audit.numbers}
    warned = {number_value(n.text) for n in parsed.audit.unexplained}
    for figure, number in FIGURES.items():
        if figure not in got:
            assert number not in in_text or number in warned, (
                f"{figure} = {number:g} is still in the text but was neither published nor warned "
                "about"
            )


def number_value(text: str) -> float | None:
    return (
        float(text.rstrip("%").replace(",", ""))
        if re.fullmatch(r"[\d,]+(?:\.\d+)?%?", text)
        else None
    )


lines_shuffled = st.permutations(MET_LINES).map("\n".join)
some_lines_deleted = st.sets(st.integers(0, len(MET_LINES) - 1), min_size=1, max_size=8).map(
    lambda gone: "\n".join(line for i, line in enumerate(MET_LINES) if i not in gone)
)
neighbours_swapped = st.integers(0, len(MET_LINES) - 2).map(
    lambda i: "\n".join(MET_LINES[:i] + [MET_LINES[i + 1], MET_LINES[i]] + MET_LINES[i + 2 :])
)
lines_duplicated = st.tuples(
    st.integers(0, len(MET_LINES) - 1), st.integers(0, len(MET_LINES))
).map(
    lambda moved: "\n".join(MET_LINES[: moved[1]] + [MET_LINES[moved[0]]] + MET_LINES[moved[1] :])
)
NOT_DIGITS = st.characters(blacklist_categories=("Nd", "Cs"))


@st.composite
def non_digit_edits(draw):
    text = list(MET)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text) - 1))
        if text[at].isdigit():
            continue
        action = draw(st.sampled_from(["replace", "insert", "delete"]))
        if action == "delete":
            del text[at]
        else:
            text[at : at + (action == "replace")] = draw(
                st.text(NOT_DIGITS, min_size=1, max_size=3)
            )
    return "".join(text)


@fuzz(60)
@given(
    text=st.one_of(
        lines_shuffled, some_lines_deleted, neighbours_swapped, lines_duplicated, non_digit_edits()
    )
)
def test_a_mutated_letter_is_read_faithfully_or_refused(folder, text):
    parsed = attempt(write(folder, "mutated.txt", text))
    if parsed is not None:
        assert_no_figure_is_wrong_or_silently_lost(parsed)


# A changed number changes exactly that figure, or the letter fails --------------------------

DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@fuzz(80)
@given(
    number=st.sampled_from(ORIGINAL.audit.numbers),
    new=st.integers(0, 2_000_000),
    commas=st.booleans(),
)
def test_a_changed_number_changes_exactly_that_figure_or_fails(folder, number, new, commas):
    digits = DIGITS.search(number.text)
    old, written = digits.group(0), f"{new:,}" if commas else str(new)
    assume(float(old.replace(",", "")) != new)
    start = number.start + digits.start()
    parsed = attempt(write(folder, "changed.txt", MET[:start] + written + MET[start + len(old) :]))
    if parsed is None:
        return  # refused, or failed validation: nothing is published
    got = figures(parsed)
    # The observations the changed number stood in: their value, or their period, may change.
    rows = [
        r
        for r in ORIGINAL.extraction.rows["observations"]
        if any(at <= start < at + len(r["quote"]) for at in occurrences(MET, r["quote"]))
    ]
    for figure, number_now in got.items() - FIGURES.items():
        assert any(
            (figure == key(r) and number_now == new and r["value"] == float(old.replace(",", "")))
            or (
                (figure[0], figure[1], figure[4], figure[5], number_now)
                == (r["technology"], r["measure"], r["breakdown"], r["breakdown_value"], r["value"])
                and str(new) in (figure[2][:4], figure[3][:4])
            )
            for r in rows
        ), (
            f"changing {number.text} on line {number.line} ({number.kind}) published {figure} = "
            f"{number_now}"
        )
    for figure, number_then in FIGURES.items() - got.items():
        assert (figure, number_then) in {(key(r), r["value"]) for r in rows}, (
            f"changing {number.text} on line {number.line} ({number.kind}) lost {figure} = "
            f"{number_then}"
        )
    if number.kind == "figure":
        changed = next(r for r in rows if r["observation_id"] == number.observation_id)
        assert got[key(changed)] == new


def occurrences(text: str, quote: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(quote), text)]


# Random bytes, random text, huge lines ------------------------------------------------------

PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"<html><body>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff\x00<",
]


@fuzz(150)
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=4000),
    suffix=st.sampled_from([".txt", ".html", ".pdf", ".bin", ""]),
)
def test_random_bytes_are_read_or_refused(folder, prefix, body, suffix):
    path = write(folder, "random" + suffix, prefix + body)
    try:
        document = read_document(path)
    except DocumentError as error:
        assert path.name in str(error) and "Expected" in str(error)
        return
    assert isinstance(document.text, str)
    assert attempt(path, None) is None  # no adapter recognises noise


@fuzz(60)
@given(text=st.text(max_size=3000))
def test_random_text_is_refused_by_the_met_adapter(folder, text):
    assert attempt(write(folder, "random.txt", text)) is None


@pytest.mark.parametrize(
    "line,refused",
    [
        ("a" * 5_000_000, False),
        ("The MPS " * 400_000, False),
        ("1" * 1_000_000, True),
        ("1," * 500_000, True),
        ("2021 = " * 300_000, False),
        ("We have approximately 1 devices across the MPS – " * 40_000, False),
    ],
)
def test_huge_lines_are_read_or_refused_in_time(tmp_path, line, refused):
    path = write(tmp_path, "huge.txt", MET + "\n" + line + "\n")
    started = time.monotonic()
    parsed = attempt(path)
    assert time.monotonic() - started < SLOW_SECONDS
    if refused:
        with pytest.raises(DocumentError, match=r"line 86 holds a run of [\d,]+ digits"):
            parse(path, "metropolitan")
    elif parsed is not None:
        assert_no_figure_is_wrong_or_silently_lost(parsed)


# HTML -----------------------------------------------------------------------------------------

TAGS = [
    "div",
    "p",
    "span",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "li",
    "b",
    "script",
    "style",
    "br",
    "a",
    "select",
    "option",
    "svg",
    "template",
    "noscript",
    "h1",
    "pre",
]
html_nodes = st.recursive(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
    lambda children: st.tuples(st.sampled_from(TAGS), st.lists(children, max_size=5)).map(
        lambda node: (
            f"<{node[0]}>" + "".join(node[1]) + (f"</{node[0]}>" if len(node[1]) % 3 else "")
        )
    ),
    max_leaves=60,
)


@fuzz(80)
@given(
    body=html_nodes,
    junk=st.sampled_from(["", "<", "</div>", "<!--", "<![CDATA[", "&#x110000;", "&bogus"]),
)
def test_random_pages_are_read_or_refused(folder, body, junk):
    path = write(folder, "random.html", "<!doctype html><html><body>" + body + junk)
    try:
        document = read_document(path)
    except DocumentError:
        return
    assert isinstance(document.text, str)


MET_PAGE = MET_HTML.read_text(encoding="utf-8")
PAGE_TAGS = list(re.finditer(r"</?[a-zA-Z][^>]*>", MET_PAGE))


@fuzz(40)
@given(
    gone=st.sets(st.integers(0, len(PAGE_TAGS) - 1), min_size=1, max_size=10),
    added=st.lists(
        st.tuples(
            st.integers(0, len(MET_PAGE)),
            st.sampled_from(["<div>", "</td>", "<tr>", "</table>", "<p>"]),
        ),
        max_size=5,
    ),
)
def test_a_page_with_broken_markup_is_read_faithfully_or_refused(folder, gone, added):
    cuts = sorted(
        [(PAGE_TAGS[i].start(), PAGE_TAGS[i].end(), "") for i in gone]
        + [(at, at, tag) for at, tag in added],
        reverse=True,
    )
    page = MET_PAGE
    for start, end, replacement in cuts:
        if re.search(r"\d", page[max(start - 1, 0) : end + 1]) and start == end:
            continue  # inserting a tag inside a number would change the number
        page = page[:start] + replacement + page[end:]
    parsed = attempt(write(folder, "broken.html", page))
    if parsed is not None:
        assert_no_figure_is_wrong_or_silently_lost(parsed)


@pytest.mark.parametrize(
    "name,page",
    [
        ("100,000 nested divs", "<div>" * 100_000 + "x 12" + "</div>" * 100_000),
        ("100,000 unclosed divs", "<div>" * 100_000 + "x 12"),
        ("100,000 nested tables", "<table><tr><td>" * 100_000 + "x 12"),
        ("50,000 unclosed options", "<select>" + "<option>x" * 50_000),
        ("100,000 bold tags", "<b>" * 100_000 + "x"),
        ("div and stray p end tags", "<div></p>" * 50_000),
        ("100,000 paragraphs", "<p>line 12\n" * 100_000),
        ("one 5 MB attribute", '<div title="' + "x" * 5_000_000 + '">x</div>'),
    ],
)
def test_deeply_nested_pages_are_read_or_refused_in_time(tmp_path, name, page):
    path = write(tmp_path, "deep.html", "<html><body>" + page + "</body></html>")
    started = time.monotonic()
    try:
        document = read_document(path)
        assert isinstance(document.text, str)
    except DocumentError as error:
        assert "nests elements" in str(error) and "deep.html" in str(error)
    assert time.monotonic() - started < SLOW_SECONDS


def test_a_sensible_deep_page_is_still_read(tmp_path):
    page = "<div>" * 500 + "<p>12 devices</p>" + "</div>" * 500
    assert (
        read_document(write(tmp_path, "deep.html", f"<html><body>{page}</body></html>")).text
        == "12 devices"
    )


# PDF ----------------------------------------------------------------------------------------

MET_PDF = make_pdf(MET_LINES)


def test_a_pdf_of_the_letter_gives_the_same_figures(tmp_path):
    parsed = parse(write(tmp_path, "letter.pdf", MET_PDF), "metropolitan")
    assert figures(parsed) == FIGURES
    assert parsed.audit.unexplained == []


@pytest.mark.parametrize(
    "pdf",
    [
        make_pdf(),
        make_pdf(drawing=True),
        make_pdf([""] * 3),
        make_pdf([" "] * 500, lines_per_page=1),
    ],
    ids=["empty page", "a drawing", "blank lines", "500 blank pages"],
)
def test_a_pdf_with_no_text_is_refused_clearly(tmp_path, pdf):
    with pytest.raises(
        DocumentError,
        match=r"nothing\.pdf: the PDF has no text layer .* Expected a PDF with text: run OCR",
    ):
        read_document(write(tmp_path, "nothing.pdf", pdf))


@fuzz(25, seconds=20)
@given(data=st.data())
def test_a_damaged_pdf_is_read_or_refused(folder, data):
    pdf = bytearray(MET_PDF)
    damage = data.draw(st.sampled_from(["truncate", "flip", "zero a run"]))
    if damage == "truncate":
        pdf = pdf[: data.draw(st.integers(8, len(pdf) - 1))]
    elif damage == "flip":
        for at in data.draw(st.lists(st.integers(0, len(pdf) - 1), min_size=1, max_size=20)):
            pdf[at] = data.draw(st.integers(0, 255))
    else:
        at = data.draw(st.integers(0, len(pdf) - 1))
        pdf[at : at + data.draw(st.integers(1, 2000))] = b"\0" * 10
    path = write(folder, "damaged.pdf", bytes(pdf))
    try:
        document = read_document(path)
    except DocumentError as error:
        assert "damaged.pdf" in str(error) and "Expected" in str(error)
        return
    assert isinstance(document.text, str)
    attempt(path)  # parsing it further fails clearly or passes validation


# Time limit ---------------------------------------------------------------------------------


def test_a_document_that_takes_too_long_is_stopped_with_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "PARSE_SECONDS", 0.5)

    def forever(self, document):
        while True:
            pass

    monkeypatch.setattr(Metropolitan, "parse", forever)
    started = time.monotonic()
    with pytest.raises(
        DocumentError,
        match=r"01\.FOI\.22\.022895\.txt: reading and parsing it took longer than 0\.5 s",
    ):
        parse(MET_TEXT, "metropolitan")
    assert time.monotonic() - started < 5


def test_a_slow_pdf_is_stopped_not_reported_as_damaged(tmp_path, monkeypatch):
    import pdfplumber

    monkeypatch.setattr(safety, "PARSE_SECONDS", 0.5)
    monkeypatch.setattr(pdfplumber, "open", lambda *a, **k: time.sleep(30))
    with pytest.raises(DocumentError, match="took longer than 0.5 s"):
        parse(write(tmp_path, "slow.pdf", MET_PDF), "metropolitan")
