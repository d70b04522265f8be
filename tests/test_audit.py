"""The audit: every number of a document is a figure or has a stated reason not to be one."""

import re
import sqlite3
from pathlib import Path

import pytest
from conftest import MET_HTML, MET_TEXT
from hypothesis import given, settings
from hypothesis import strategies as st
from multiforce.toolkit.audit import (
    COMMON,
    TOKEN,
    _shaped_spans,
    _spans,
    _tokens,
    audit,
)
from multiforce.toolkit.discovery import adapter_for
from multiforce.toolkit.layouts.literals import ascii_words
from multiforce.toolkit.pipeline import bundled_corpus, parse
from multiforce.toolkit.readers import read_document
from multiforce.toolkit.readers.cells import sheet_line
from multiforce.toolkit.rules import Ignore

STRAY = "In 2021 officers also searched 4,321 people with knife wands."


def kinds(text, rows=None, ignored=()):
    result = audit(Path("letter.txt"), text, rows or {}, ignored)
    return {number.text: number.kind for number in result.numbers}


@pytest.mark.parametrize("path", [MET_TEXT, MET_HTML], ids=["text", "html"])
def test_the_met_response_has_no_unexplained_number(path):
    result = parse(path, "metropolitan").audit
    assert result.unexplained == [], "\n".join(n.render() for n in result.unexplained)
    assert result.warnings() == []


def test_every_digit_of_the_document_is_in_a_listed_number():
    text = MET_TEXT.read_text(encoding="utf-8")
    numbers = parse(MET_TEXT, "metropolitan").audit.numbers
    covered = {i for n in numbers for i in range(n.start, n.start + len(n.text))}
    assert {m.start() for m in re.finditer(r"\d", text)} <= covered


def test_every_observation_is_a_listed_figure_at_its_value():
    parsed = parse(MET_TEXT, "metropolitan")
    figures = [n for n in parsed.audit.numbers if n.kind == "figure"]
    observations = {
        row["observation_id"]: row["value"] for row in parsed.extraction.rows["observations"]
    }
    assert {n.observation_id for n in figures} == set(observations)
    for number in figures:
        assert (
            float(number.text.rstrip("%").replace(",", "")) == observations[number.observation_id]
        )


def test_the_met_adapter_says_why_it_ignores_numbers():
    numbers = parse(MET_TEXT, "metropolitan").audit.numbers
    ignored = {n.text: n.detail for n in numbers if n.kind == "ignored"}
    assert set(ignored) == {"18", "3rd", "1"}
    assert (
        "cost limit" in ignored["18"] and "supplier" in ignored["3rd"] and "Level 1" in ignored["1"]
    )


def test_a_stray_figure_is_a_warning_that_names_it(edit):
    path = edit(
        ("No accurate data pre 2020 for kiosks", "No accurate data pre 2020 for kiosks\n" + STRAY)
    )
    result = parse(path, "metropolitan").audit
    assert [n.text for n in result.unexplained] == ["4,321"]
    (warning,) = result.warnings()
    assert "edited.txt line 81" in warning and "4,321" in warning and "knife wands" in warning
    assert "ignored" in warning  # says how to fix it


def test_ingest_prints_the_warning_and_still_publishes(cli, tmp_path, edit):
    path = edit(
        ("No accurate data pre 2020 for kiosks", "No accurate data pre 2020 for kiosks\n" + STRAY)
    )
    db = tmp_path / "campaign.db"
    result = cli("ingest", "--db", db, path)
    assert result.exit_code == 0, result.output
    assert "warning: edited.txt line 81: the number 4,321" in result.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM observations").fetchone() == (28,)
    assert "warning" not in cli("ingest", "--db", db, MET_TEXT).stderr


def test_audit_command_lists_every_number(cli):
    result = cli("audit", MET_TEXT)
    assert result.exit_code == 0, result.output
    assert re.search(
        r"line\s+68\s+11478\s+figure: mobile_fingerprint_scanner matches 2019 police "
        r"\(observation [0-9a-f]{20}\)",
        result.output,
    )
    assert re.search(r"line\s+47\s+18\s+ignored: the section 12 cost limit", result.output)
    assert re.search(r"line\s+8\s+01\s+reference", result.output)
    assert "0 unexplained" not in result.output and "unexplained" not in result.output


def test_audit_command_fails_on_an_unexplained_number(cli, edit):
    path = edit(
        ("No accurate data pre 2020 for kiosks", "No accurate data pre 2020 for kiosks\n" + STRAY)
    )
    result = cli("audit", "--force", "metropolitan", path)
    assert result.exit_code == 1
    assert re.search(r"line\s+81\s+4,321\s+unexplained", result.output)
    assert "1 number(s) unexplained" in result.stderr


@pytest.mark.parametrize(
    "text,number,kind",
    [
        ("Data for 2015 to 2021 (inclusive).", "2015", "year"),
        ("Data for 2015 to 2021 (inclusive).", "2021", "year"),
        ("Figures from 2018 – 2021 follow.", "2018", "year"),
        ("under the Freedom of Information Act 2000", "2000", "year"),
        ("in the financial year 2020/21", "2020", "year"),
        ("2016 = 32", "2016", "unexplained"),  # a bare number that looks like a year may be a count
        ("There were 2016 devices in service.", "2016", "unexplained"),
        ("Received on 14 March 2022.", "14", "date"),
        ("Received on 14/03/2022.", "03", "date"),
        ("Dated 2022-03-14.", "2022", "date"),
        ("Freedom of information request reference no: 01.FOI.22.022895", "22.022895", "reference"),
        ("Our ref: FOI/2021/1234", "1234", "reference"),
        ("FOI 1234/21", "1234", "reference"),
        ("1. The number of scanners.", "1", "question"),
        ("Q3 - The number of people", "Q3", "question"),
        ("In relation to Knife Arches, Q1 – Q4 the information", "Q4", "question"),
        ("At question 2 you have asked", "2", "question"),
        ("a Refusal Notice under Section 17 of the Act", "17", "section of the Act"),
        ("Section 31(1) - Law Enforcement", "1", "section of the Act"),
        ("exempt under s40(2) and s12", "s40", "section of the Act"),
        ("The force's 120 devices were deployed.", "120", "unexplained"),
        ("Write to us at SW1H 0BG or call 020 7230 1212.", "1212", "address"),
        ("See https://www.met.police.uk/foi-ai/2022/ for more.", "2022", "address"),
        ("Page 3 of 4", "3", "address"),
        ("officers made 350 searches", "350", "unexplained"),
    ],
)
def test_common_non_figures_are_recognised_once_for_every_adapter(text, number, kind):
    assert kinds(text)[number] == kind


def test_an_adapter_ignore_rule_gives_its_reason():
    result = audit(
        Path("x.txt"),
        "exceed 18 hours limit",
        {},
        (Ignore(pattern=r"exceed 18 hours", reason="the cost limit"),),
    )
    (number,) = result.numbers
    assert (number.kind, number.detail) == ("ignored", "the cost limit")


@pytest.mark.parametrize("order", [("no", "so"), ("so", "no")])
def test_a_passage_read_before_is_read_again_where_the_text_before_it_differs(order):
    """A line is remembered with as many characters before it as the rules read: the rule
    looks three characters back, across the line break, so the same line after "no" and after
    "so" is two passages, whichever comes first."""
    rule = Ignore(pattern=r"(?<!no\n)\b\d{3}\b", reason="a number not after no")
    kinds = {}
    for word in order:
        (number,) = audit(Path("x.txt"), f"{word}\n412 searches", {}, (rule,)).numbers
        kinds[word] = number.kind
    assert kinds == {"no": "unexplained", "so": "ignored"}


def test_an_ignore_rule_cannot_hide_a_figure_the_adapter_read():
    text = "2019 | 27217 | 11478"
    rows = {
        "observations": [
            {
                "observation_id": "x",
                "quote": "2019 | 27217",
                "value": 27217.0,
                "period_start": "2019-01-01",
                "period_end": "2019-12-31",
                "period_label": "2019",
                "technology": "t",
                "measure": "uses",
            }
        ]
    }
    got = kinds(text, rows, (Ignore(pattern=r".+", reason="too broad"),))
    assert got == {"2019": "period", "27217": "figure", "11478": "ignored"}


def test_glued_numbers_are_never_read_as_values():
    rows = {
        "observations": [
            {
                "observation_id": "x",
                "quote": "Q1 & Q2 2021 = 1% witness",
                "value": 1.0,
                "period_start": "2021-01-01",
                "period_end": "2021-06-30",
                "period_label": "2021 (first half)",
                "technology": "t",
                "measure": "m",
            }
        ]
    }
    numbers = audit(Path("x.txt"), "Q1 & Q2 2021 = 1% witness", rows).numbers
    assert [(n.text, n.kind) for n in numbers if n.kind == "figure"] == [("1%", "figure")]


def test_common_patterns_are_linear_on_huge_words():
    import time

    huge = "a" * 200_000 + " " + "1" * 200_000 + " " + "x." * 100_000 + "FOIx"
    started = time.monotonic()
    audit(Path("x.txt"), huge, {})
    for _, rule in COMMON:
        list(rule.passages(huge))
    assert time.monotonic() - started < 5


def full_scan(text, rows, ignored):
    """The audit's verdicts as a scan of the whole text by every rule would give them."""
    result = audit(Path("x.txt"), text, rows, ())  # figures and periods only
    verdicts = {n.start: (n.kind, n.detail) for n in result.numbers}
    own = [
        Ignore(pattern=re.escape(r["reference"]), reason="the response's own reference")
        for r in rows["responses"]
    ]
    rules = [("ignored", rule) for rule in ignored] + [("reference", rule) for rule in own] + COMMON
    for kind, rule in rules:
        for start, end in rule.passages(text):
            for n in result.numbers:
                if start <= n.start and n.start + len(n.text) <= end:
                    if verdicts[n.start][0] == "unexplained":
                        verdicts[n.start] = (kind, rule.reason)
    return verdicts


@pytest.mark.parametrize(
    "path", [path for path, _ in bundled_corpus()] + [MET_HTML], ids=lambda path: path.name
)
def test_reading_only_around_unexplained_numbers_finds_what_a_full_scan_finds(path):
    parsed = parse(path)
    text, rows = read_document(path).text, parsed.extraction.rows
    ignored = getattr(adapter_for(parsed.adapter), "ignored", ()) if parsed.audit else ()
    fast = {n.start: (n.kind, n.detail) for n in parsed.audit.numbers} if parsed.audit else {}
    assert not parsed.audit or fast == full_scan(text, rows, ignored)


# A made-up letter holding every kind of number a letter states that is not a figure.
LETTER = """\
Northshire Constabulary, Information Rights Unit, PO Box 77, 12 Market Street, Northtown NE1 1AA
Telephone: 0191 123 4567 or call 101
Our reference: 049/19
Your reference: FOI/69/20/IR
Date: 3rd March 2020

Freedom of Information request 001925/22
Thank you for your request of 14/02/2020 about stop and search under PACE 1984 Code A.
You asked about the years (2015, 2016, 2017 and 2018) and about 2015-2021.
Questions 2 to 5 are answered together, as are Q6-Q8.
2-5. Searches are recorded on our IDENT1 and IABS systems, as paragraph 4.1 of Code A asks.
1. In 2019 officers searched 412 people.
"""


def test_a_letters_obvious_numbers_are_explained_each_with_its_reason():
    rows = {"responses": [{"reference": "049/19"}]}
    numbers = audit(Path("letter.txt"), LETTER, rows).numbers
    found = {}
    for number in numbers:
        found.setdefault(number.text, set()).add((number.kind, number.detail))
    expected = {
        "77": "an address",
        "12": "an address",
        "NE1": "an address",
        "1AA": "an address",
        "0191": "telephone",
        "4567": "telephone",
        "101": "telephone",
        "049": "the response's own reference",
        "69": "a reference number",
        "001925": "a reference number",
        "3rd": "a date",
        "14": "a date",
        "1984": "the year of an Act",
        "2016": "a list of years",
        "2021": "a year",
        "5": "a question number",
        "Q8": "a question number",
        "IDENT1": "the name of a system",
        "4.1": "a paragraph of a PACE code",
    }
    for text, reason in expected.items():
        assert len(found[text]) == 1 and reason in next(iter(found[text]))[1], (text, found[text])
    # Only the figure is left for the adapter to read, and the year that dates it.
    assert [n.text for n in numbers if n.kind == "unexplained"] == ["412"]
    assert {n.text: n.kind for n in numbers if n.text in ("1", "2019")} == {
        "1": "question",
        "2019": "year",
    }


@pytest.mark.parametrize("line", LETTER.splitlines())
def test_the_letters_numbers_are_explained_as_a_full_scan_explains_them(line):
    """Each line of the letter after a page of prose, and broken across two lines: reading only
    around the unexplained numbers changes nothing."""
    prose = "Nothing in this paragraph is a number at all, it only fills the page. " * 20
    rows = {"responses": [{"reference": "049/19"}]}
    for text in (f"{prose}\n{line}\n{prose}", line.replace(" ", "\n", 1), LETTER):
        fast = {n.start: (n.kind, n.detail) for n in audit(Path("x"), text, rows).numbers}
        assert fast == full_scan(text, rows, ())


@given(
    st.text(
        alphabet=st.sampled_from("0123456789٣.,%% Qqé_-\n" + "abc²½"),
        max_size=60,
    )
)
@settings(max_examples=1000, deadline=None)
def test_the_numbers_found_from_runs_of_digits_are_the_token_pattern_s_matches(text):
    assert [m.span() for m in _tokens(text)] == [m.span() for m in TOKEN.finditer(text)]


@given(
    st.text(
        alphabet=st.sampled_from("0123456789.,%% Qqa_-\n?\u2018\u2019\u2013\u2022"),
        max_size=60,
    )
)
@settings(max_examples=1000, deadline=None)
def test_the_numbers_found_in_a_text_of_ascii_words_are_the_token_pattern_s_matches(text):
    """Most letters are ASCII but for their quotes and dashes: their numbers are found from the
    text's bytes (letters glued to a number, "1a2", are left to TOKEN)."""
    starts, ends = _spans(text)
    assert list(zip(starts, ends, strict=True)) == [m.span() for m in TOKEN.finditer(text)]


@pytest.mark.parametrize(
    "text, marked",
    [
        ("Q1 \u2013 2,000 \u2018x\u2019 3rd 45% x_7", True),
        ("1a2", False),  # the "a" is the first number's: TOKEN decides
        ("12 caf\u00e9s", False),  # beyond ASCII and its punctuation
        ("a\0 1", False),  # NUL marks the digits
    ],
)
def test_numbers_are_found_from_the_bytes_only_where_they_can_be(text, marked):
    starts, ends = _spans(text)
    assert list(zip(starts, ends, strict=True)) == [m.span() for m in TOKEN.finditer(text)]
    found = _shaped_spans(text) if "\0" not in text and ascii_words(text) else None
    assert (found is not None) == marked


def test_a_text_of_ascii_words_has_no_letter_or_digit_beyond_ascii():
    assert ascii_words("In 2021 \u2018twelve\u2019 \u2013 12 scanners\u2026")
    assert not ascii_words("12 caf\u00e9s")
    assert not ascii_words("x\u00b2")
    assert not ascii_words("\u207f1")  # superscript n, a letter, just past U+203F
    assert all(not (c.isalnum() or re.match(r"\w", c)) for c in map(chr, range(0x2000, 0x2040)))


def test_the_unexplained_and_the_counts_are_those_of_the_whole_list():
    text = f"In 2021 there were 12 scanners.\n{STRAY}\nQ3 done: 7"
    rows = {
        "observations": [
            {
                "observation_id": "x",
                "quote": "there were 12 scanners",
                "value": 12.0,
                "period_start": "2021-01-01",
                "period_end": "2021-12-31",
                "period_label": "2021",
                "technology": "t",
                "measure": "m",
            }
        ]
    }
    result = audit(Path("letter.txt"), text, rows)
    whole = result.numbers
    assert result.unexplained == [n for n in whole if n.kind == "unexplained"]
    assert [n.text for n in result.unexplained] == ["4,321", "7"]
    assert [n.line for n in result.unexplained] == [2, 3]
    assert result.counts() == {
        kind: [n.kind for n in whole].count(kind) for kind in result.counts()
    }
    assert sum(result.counts().values()) == len(whole)
    assert result.summary().startswith(f"letter.txt: {len(whole)} numbers")


def test_the_years_of_a_heading_row_of_periods_are_those_periods_and_no_other_number():
    text = "Device 12 | 2022 | 2023\nScanner | 40 | 45\nIn 2023 a further 2022 were made."
    headings = [
        {"quote": "Device 12 | 2022 | 2023", "period_start": f"{year}-01-01",
         "period_end": f"{year}-12-31", "period_label": year}
        for year in ("2022", "2023")
    ]  # fmt: skip
    result = audit(Path("letter.txt"), text, {"period_headings": headings})
    assert [(n.line, n.text, n.kind) for n in result.numbers if n.line == 1] == [
        (1, "12", "unexplained"),
        (1, "2022", "period"),
        (1, "2023", "period"),
    ]
    assert [n.text for n in result.unexplained if n.line == 3] == ["2022"]


def test_the_numbers_of_a_part_s_label_heading_a_column_are_that_label_s_and_no_other():
    """'Under 18' and '18-24' over a table's columns are the labels of age bands: their numbers
    are accounted for as such, never a number beside them in the same heading, nor the same
    digits elsewhere."""
    heading = "Age 12 | Under 18 | 18-24 | 65+"
    text = f"{heading}\nSearches | 10 | 30 | 2\nIn 2018-24 searches, 18 were of children."
    labels = [{"quote": heading, "label": label} for label in ("Under 18", "18-24", "65+")]
    result = audit(Path("letter.txt"), text, {"part_headings": labels})
    assert [(n.text, n.kind, n.detail) for n in result.numbers if n.line == 1] == [
        ("12", "unexplained", "not a figure read by the adapter, nor explained"),
        ("18", "label", "a part (Under 18) labelling a table's row or column"),
        ("18", "label", "a part (18-24) labelling a table's row or column"),
        ("24", "label", "a part (18-24) labelling a table's row or column"),
        ("65", "label", "a part (65+) labelling a table's row or column"),
    ]
    assert "label" not in [n.kind for n in result.numbers if n.line > 1]


@pytest.mark.parametrize("name,number", [("Sheet1", "Sheet1"), ("Data 2024", "2024")])
def test_the_sheet_line_a_workbook_reader_writes_is_no_figure(name, number):
    assert kinds(f"{sheet_line(name)}\nYear | Uses\n2021 | 5\n") == {
        number: "identifier",
        "2021": "unexplained",
        "5": "unexplained",
    }
