"""Tables and the notes beside them: which period a value is, a row or heading naming several
measures, notes qualifying an answer's figures, and cells a footnote says are hidden."""

from pathlib import Path

import pytest
from multiforce.toolkit.document import Document
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import Topic, map_question, read_figures, read_meaning

SEARCHES = Topic("knife_wand", "uses")


NOT_LINED_UP = "the row's cells do not line up with the heading row's periods"


A_YEAR = "a year where a value stands"


def document(text: str, name: str = "response.txt") -> Document:
    return Document(Path(name), text.encode(), "text/plain", text)


def _read(answer: str):
    reading = read_figures(answer, [SEARCHES], "1")
    figures = [(f.value, f.period_label) for f in reading.figures]
    return figures, [(u.text, u.reason) for u in reading.unsure]


# -- a heading row of periods is never a figure


@pytest.mark.parametrize(
    "answer,expected",
    [
        ("2021 | 2022\nSearches | 10 | 12", [(10.0, "2021"), (12.0, "2022")]),
        (
            "2021 | 2022 | 2023\nSearches | 10 | 12 | 14",
            [(10.0, "2021"), (12.0, "2022"), (14.0, "2023")],
        ),
        ("        2021    2022\nSearches  10      12", [(10.0, "2021"), (12.0, "2022")]),
        # the positions say which period a lone value is of
        ("        2021    2022\nSearches          12", [(12.0, "2022")]),
        ("        2021    2022\nSearches  10", [(10.0, "2021")]),
        ("Searches | 2021 | 2022\nKnife wand | 40 | 50", [(40.0, "2021"), (50.0, "2022")]),
    ],
)
def test_a_heading_row_of_periods_without_its_corner_heads_the_columns(answer, expected):
    figures, unsure = _read(answer)
    assert figures == expected
    assert unsure == []


@pytest.mark.parametrize(
    "answer,values",
    [
        ("Searches | 2021 | 2022\nKnife wand | 40 | 50 | 60", ["40", "50", "60"]),
        ("2021 | 2022\nSearches | 10 | 20 | 30", ["10", "20", "30"]),
    ],
)
def test_a_row_not_lined_up_with_the_periods_is_left_for_a_person(answer, values):
    figures, unsure = _read(answer)
    assert figures == []
    assert [text for text, _ in unsure] == values
    assert all(reason.startswith(NOT_LINED_UP) for _, reason in unsure)


@pytest.mark.parametrize(
    "answer,expected",
    [
        ("2021 | 2022\nSearches | 10", [(10, "2021")]),
        ("2021 | 2022 | 2023\nSearches | 10 | 12", [(10, "2021"), (12, "2022")]),
        ("Searches | 2021 | 2022\nKnife wand | 40", [(40, "2021")]),
    ],
)
def test_a_row_written_with_bars_ending_early_left_its_last_cells_blank(answer, expected):
    """The readers leave out a row's empty last cells (`| 40 |` is written `| 40`): its
    values stand under the first periods, as in the web page or the Word table."""
    assert _read(answer) == (expected, [])


@pytest.mark.parametrize("answer", ["2021 | 2022", "2021 | 2022 | 2023", "2021    2022    2023"])
def test_a_line_of_periods_alone_is_no_figure(answer):
    assert _read(answer) == ([], [])


@pytest.mark.parametrize(
    "answer",
    [
        "Year | Searches\n2021 | 2022",
        "2021: 2022",
        "2021 = 2022",
        "Year | Searches\n2020 | 45\n2021 | 2022",
    ],
)
def test_a_year_standing_where_a_value_stands_is_left_for_a_person(answer):
    figures, unsure = _read(answer)
    assert (2022.0, "2021") not in figures
    assert ("2022", A_YEAR + ": a heading or a count?") in unsure


# -- a total row beneath rows of periods

TOTAL_ROW = "a total of the rows above, not a period's figure"
ARCH_SEARCHES = Topic("knife_arch", "uses")


@pytest.mark.parametrize(
    "total",
    ["Total | 23 | 428", "Total | 24 | 428", "Total searches | 23 | 428", "Total     23     428"],
)
def test_a_total_row_beneath_rows_of_periods_is_left_for_a_person_as_a_total(total):
    answer = "Year | Knife arch | Knife wand\n2021 | 10 | 200\n2022 | 13 | 228\n" + total
    reading = read_figures(answer, [ARCH_SEARCHES, SEARCHES], "1")
    assert [(f.value, f.technology, f.period_label) for f in reading.figures] == [
        (10, "knife_arch", "2021"),
        (200, "knife_wand", "2021"),
        (13, "knife_arch", "2022"),
        (228, "knife_wand", "2022"),
    ]
    values = total.replace("|", " ").split()[-2:]
    assert [(u.text, u.reason) for u in reading.unsure] == [(v, TOTAL_ROW) for v in values]


# -- a row or heading naming several measures


MATCHES = Topic("knife_wand", "matches")


@pytest.mark.parametrize("label", ["Searches and matches", "Searches matches", "SEARCHES MATCHES"])
@pytest.mark.parametrize(
    "shape", ["Measure | 2021 | 2022\n{} | 10 | 12", "Measure    2021    2022\n{}    10    12"]
)
@pytest.mark.parametrize("topics", [(SEARCHES,), (SEARCHES, MATCHES)])
def test_a_row_label_naming_several_measures_is_left_for_a_person(shape, label, topics):
    reading = read_figures(shape.format(label), list(topics), "1")
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [
        ("10", "the heading names several measures: which one each value counts is not sure"),
        ("12", "the heading names several measures: which one each value counts is not sure"),
    ]


@pytest.mark.parametrize(
    "label", ["Searches resulting in a match", "Matches from searches", "Matches"]
)
def test_a_row_label_naming_one_measure_is_read(label):
    reading = read_figures(f"Measure | 2021 | 2022\n{label} | 10 | 12", [SEARCHES, MATCHES], "1")
    assert [(f.value, f.measure) for f in reading.figures] == [(10, "matches"), (12, "matches")]
    assert reading.unsure == ()


EXTRACTIONS = Topic("phone_extraction", "uses")


FAILED = Topic("phone_extraction", "failed_uses")


TWO_MEASURES = (
    "'failed extractions' names two measures (uses that failed; times the technology was used): "
    "which one is not sure"
)


@pytest.mark.parametrize(
    "answer",
    [
        "Year | Failed extractions\n2023 | 12",
        "Year    Failed extractions\n2023    12",
        "Failed extractions | 2023\nKiosk | 12",
        "12 failed extractions were made in 2023.",
    ],
)
@pytest.mark.parametrize("topics", [(EXTRACTIONS,), (FAILED,), (EXTRACTIONS, FAILED)])
def test_words_naming_two_measures_at_once_are_left_for_a_person(answer, topics):
    reading = read_figures(answer, list(topics), "1")
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [("12", TWO_MEASURES)]


def test_a_measure_of_its_own_beside_them_is_still_read():
    answer = "Year | Extractions | Failed extractions\n2023 | 400 | 12"
    reading = read_figures(answer, [EXTRACTIONS, FAILED], "1")
    assert [(f.value, f.measure) for f in reading.figures] == [(400, "uses")]
    assert [(u.text, u.reason) for u in reading.unsure] == [("12", TWO_MEASURES)]


# -- a note qualifying the answer's figures


@pytest.mark.parametrize(
    "note,qualifier",
    [
        ("All figures are approximate.", "approximate"),
        ("Figures are estimates.", "approximate"),
        ("Please note these figures are not complete.", "partial_coverage"),
    ],
)
@pytest.mark.parametrize(
    "answer",
    [
        "Year | Searches\n2021 | 40\n2022 | 50\n{note}",
        "{note}\n2021 = 40\n2022 = 50",
        "Searches | 2021 | 2022\nKnife wand | 40 | 50\n{note}",
    ],
)
def test_a_note_naming_no_period_marks_every_figure_of_the_answer(answer, note, qualifier):
    reading = read_figures(answer.format(note=note), [SEARCHES], "1")
    assert {f.period_label: f.qualifier for f in reading.figures} == {
        "2021": qualifier,
        "2022": qualifier,
    }
    assert reading.unsure == ()


def test_a_note_naming_no_period_leaves_a_figure_its_own_words_qualify():
    answer = "Year | Searches\n2021 | 40 (not complete)\n2022 | 50\nAll figures are approximate."
    reading = read_figures(answer, [SEARCHES], "1")
    assert {f.period_label: f.qualifier for f in reading.figures} == {
        "2021": "partial_coverage",
        "2022": "approximate",
    }


# -- cells a footnote says are hidden


HIDDEN_CELL_LETTER = """Our ref: 0990/25
Dear Requester,
You asked:
1. How many times were knife wands used in each of 2021 and 2022?
Response
The figures are below.
Year | Searches
2021 | *
2022 | 40
{footnote}
Yours sincerely
Information Rights Unit
Kent Police
"""


def _outcomes(text: str):
    meaning = read_meaning(read_response(document(text)))
    outcomes = [(o.question, o.status, o.exemptions, o.quote) for o in meaning.outcomes]
    return outcomes, meaning


@pytest.mark.parametrize(
    "footnote",
    [
        "* fewer than 5 and not shown",
        "* small numbers are not shown",
        "Note: * denotes a number below 5, suppressed",
    ],
)
def test_a_table_with_a_hidden_cell_is_no_full_disclosure_its_outcome_is_for_a_person(footnote):
    outcomes, meaning = _outcomes(HIDDEN_CELL_LETTER.format(footnote=footnote))
    assert outcomes == []
    assert meaning.unsure_outcomes == ("1",)
    assert meaning.unsure_reasons["1"] == (
        f"a number of its answer is not shown ('{footnote}'): disclosed in full or in part?"
    )
    assert [f.value for f in meaning.figures] == [40]


@pytest.mark.parametrize(
    "footnote,sections",
    [
        ("* withheld under section 40(2)", "s40(2)"),
        ("* fewer than 5, exempt under section 40(2)", "s40(2)"),
        ("* figures under 5 are withheld", None),
        ("* fewer than 5 and not shown (section 38(1)(a))", "s38(1)(a)"),
    ],
)
def test_a_hidden_cell_whose_footnote_withholds_it_is_a_partial_disclosure(footnote, sections):
    outcomes, meaning = _outcomes(HIDDEN_CELL_LETTER.format(footnote=footnote))
    assert outcomes == [("1", "partially_disclosed", sections, footnote)]
    assert meaning.unsure_outcomes == ()


def test_a_table_with_every_cell_shown_is_still_disclosed():
    text = HIDDEN_CELL_LETTER.format(footnote="").replace("2021 | *", "2021 | 35")
    outcomes, _ = _outcomes(text)
    assert [status for _, status, _, _ in outcomes] == ["disclosed"]


@pytest.mark.parametrize(
    "table,footnote",
    [
        ("Year | Searches\n2021 | *\n2022 | 40", "* fewer than 5 and not shown"),
        ("Year | Searches\n2021 | -\n2022 | 40", "- figures under 5 are withheld"),
        ("Year | Searches\n2021 | *\n2022 | 40", "Note: * denotes a number below 5, suppressed"),
    ],
)
def test_the_footnote_explaining_a_hidden_cell_is_no_number_of_its_own(table, footnote):
    reading = read_figures(f"{table}\n{footnote}", [SEARCHES], "1")
    assert [(u.text, u.reason) for u in reading.unsure] == [
        (footnote.removeprefix("Note: ")[0], f"a number not shown: the footnote says '{footnote}'")
    ]


def test_a_bound_in_a_sentence_that_explains_no_hidden_cell_is_still_listed():
    reading = read_figures(
        "Year | Searches\n2022 | 40\nFewer than 5 were in 2021.", [SEARCHES], "1"
    )
    assert [(u.text, u.reason) for u in reading.unsure] == [("5", "a bound, not the figure")]


HIDDEN = """Our ref: 0733/25
Dear Requester,
1. How many knife arch searches did the force carry out in each of 2021 and 2022?
Answer
1. Year | Searches | Arrests
2021 | * | 40
2022 | 120 | †
{first}
{second}
Yours sincerely
Kent Police
"""


def test_every_footnote_hiding_a_number_is_quoted_and_cited():
    first, second = "* withheld under section 40(2)", "† withheld under section 31(1)(a)"
    text = HIDDEN.format(first=first, second=second)
    meaning = read_meaning(read_response(document(text)))
    [outcome] = meaning.outcomes
    assert outcome.status == "partially_disclosed"
    assert first in outcome.quote and second in outcome.quote
    assert outcome.quote in text
    assert set(outcome.exemptions.split(";")) == {"s40(2)", "s31(1)(a)"}


def test_every_footnote_hiding_a_number_is_named_for_a_person():
    first, second = "* fewer than 5 and not shown", "† not shown to protect identities"
    meaning = read_meaning(read_response(document(HIDDEN.format(first=first, second=second))))
    assert meaning.outcomes == ()
    assert first in meaning.unsure_reasons["1"] and second in meaning.unsure_reasons["1"]


# -- a heading or row label naming one of the question's technologies


ARCH_USES, WAND_USES = Topic("knife_arch", "uses"), Topic("knife_wand", "uses")


@pytest.mark.parametrize(
    "table",
    [
        "Year | Knife arch | Knife wand\n2022 | 14 | 230\n2023 | 9 | 198",
        "Device | 2022 | 2023\nKnife arch | 14 | 9\nKnife wand | 230 | 198",
        "Device | 2022 | 2023\nKnife arches | 14 | 9\nHand-held metal detectors | 230 | 198",
    ],
)
def test_a_heading_or_label_naming_one_technology_gives_its_values_to_it(table):
    reading = read_figures(table, [ARCH_USES, WAND_USES], "1")
    assert sorted((f.technology, f.period_label, f.value) for f in reading.figures) == [
        ("knife_arch", "2022", 14),
        ("knife_arch", "2023", 9),
        ("knife_wand", "2022", 230),
        ("knife_wand", "2023", 198),
    ]
    assert reading.unsure == ()


def test_a_label_naming_no_technology_of_a_question_asking_several_is_left_unsure():
    reading = read_figures("Device | 2022\nScanners | 14", [ARCH_USES, WAND_USES], "1")
    assert reading.figures == () and [u.text for u in reading.unsure] == ["14"]


# -- a row label or column heading naming a part of a breakdown ("White", "18-24")

SEARCHES_2023 = Topic("knife_wand", "uses", "none", "2023-01-01", "2023-12-31")
BY_ETHNICITY = Topic("knife_wand", "uses", "ethnicity", "2023-01-01", "2023-12-31")
BY_AGE = Topic("knife_wand", "uses", "age", "2023-01-01", "2023-12-31")
PART_OF_ETHNICITY = "a part of the total (ethnicity), not the total"


def _read_parts(table: str, topics: list[Topic]):
    reading = read_figures(table, topics, "1")
    figures = [(f.value, f.period_label, f.breakdown, f.breakdown_value) for f in reading.figures]
    return figures, [(u.text, u.reason) for u in reading.unsure]


@pytest.mark.parametrize(
    "table,part",
    [
        ("Group | 2023\nWhite | 40", "ethnicity"),
        ("Wand searches | 2022 | 2023\nWhite | 31 | 40", "ethnicity"),
        ("2022 | 2023\nBlack or Black British | 9 | 40", "ethnicity"),
        ("Year | White\n2023 | 40", "ethnicity"),
        ("Year | Searches - White\n2023 | 40", "ethnicity"),
        ("Searches | 2023\n18-24 | 40", "age"),
        ("Searches | 2023\n65+ | 40", "age"),
        ("Year | 18 and over\n2023 | 40", "age"),
        ("Searches | 2023\nFemale | 40", "gender"),
    ],
)
def test_a_row_or_column_labelled_with_a_part_alone_is_never_the_total(table, part):
    """The words naming a part of a breakdown as a table's label are `labels` and `values` in
    schemas/questions.yaml: a question asking for the total leaves such a part for a person."""
    figures, unsure = _read_parts(table, [SEARCHES_2023])
    assert figures == []
    assert ("40", f"a part of the total ({part}), not the total") in unsure


@pytest.mark.parametrize("white", ["40", "41"])
def test_the_parts_a_question_asks_by_are_read_as_its_parts_beside_the_total(white):
    table = f"Ethnicity | 2023\nWhite | {white}\nBlack | 12\nTotal | 52"
    figures, unsure = _read_parts(table, [SEARCHES_2023, BY_ETHNICITY])
    assert figures == [
        (float(white), "2023", "ethnicity", "White"),
        (12, "2023", "ethnicity", "Black"),
        (52, "2023", "none", None),
    ]
    assert unsure == []
    figures, unsure = _read_parts(table, [SEARCHES_2023])
    assert figures == [(52, "2023", "none", None)]
    assert unsure == [(white, PART_OF_ETHNICITY), ("12", PART_OF_ETHNICITY)]


def test_the_columns_of_parts_a_question_asks_by_are_its_parts():
    figures, unsure = _read_parts("Year | Under 18 | 18-24\n2023 | 5 | 20", [BY_AGE])
    assert figures == [(5, "2023", "age", "Under 18"), (20, "2023", "age", "18-24")]
    assert unsure == []


def test_each_label_beneath_a_corner_naming_a_breakdown_is_a_part_of_it():
    """'Ethnic group' over the labels makes each one but the total an ethnic group, whatever
    its words ('Not stated', 'W9')."""
    table = "Ethnic group | 2023\nW9 | 4\nNot stated | 3\nTotal | 7"
    figures, unsure = _read_parts(table, [SEARCHES_2023, BY_ETHNICITY])
    assert figures == [
        (4, "2023", "ethnicity", "W9"),
        (3, "2023", "ethnicity", "Not stated"),
        (7, "2023", "none", None),
    ]
    assert unsure == []
    figures, unsure = _read_parts(table, [SEARCHES_2023])
    assert figures == [(7, "2023", "none", None)]
    assert unsure == [("4", PART_OF_ETHNICITY), ("3", PART_OF_ETHNICITY)]


@pytest.mark.parametrize(
    "table",
    [
        "Searches | 2023\nWhite | 40\nOther | 3",
        "Year | White | Unknown\n2023 | 40 | 3",
    ],
)
def test_a_label_among_parts_naming_none_itself_is_left_for_a_person(table):
    """'Other' beside 'White' may be another ethnic group or the total: never the total."""
    among = "a label among parts of ethnicity: another part, or the total?"
    figures, unsure = _read_parts(table, [SEARCHES_2023])
    assert figures == [] and unsure == [("40", PART_OF_ETHNICITY), ("3", among)]
    figures, unsure = _read_parts(table, [SEARCHES_2023, BY_ETHNICITY])
    assert figures == [(40, "2023", "ethnicity", "White")] and unsure == [("3", among)]


def test_a_label_naming_the_measure_or_the_whole_beside_parts_is_the_total():
    table = "Searches | 2023\nWhite | 40\nBlack | 12\nAll | 52"
    assert _read_parts(table, [SEARCHES_2023])[0] == [(52, "2023", "none", None)]
    table = "Ethnicity | 2022 | 2023\nWand searches | 50 | 52\nWhite | 38 | 40"
    assert _read_parts(table, [SEARCHES_2023, BY_ETHNICITY])[0] == [
        (50, "2022", "none", None),
        (52, "2023", "none", None),
        (38, "2022", "ethnicity", "White"),
        (40, "2023", "ethnicity", "White"),
    ]


# -- a table crossing two breakdowns: a value of a part within another part is neither's figure

BY_GENDER = Topic("knife_wand", "uses", "gender", "2023-01-01", "2023-12-31")
EVERY_BREAKDOWN = [SEARCHES_2023, BY_ETHNICITY, BY_AGE, BY_GENDER]


def _within(*parts: str) -> str:
    named = "', '".join(parts)
    return f"a part within another ('{named}'): neither part's own figure"


@pytest.mark.parametrize(
    "table,crossed",
    [
        # age bands down with a column of the sexes, years across
        (
            "Age | Sex | 2022 | 2023\nUnder 18 | Male | 10 | 12\n18-24 | Female | 8 | 9",
            [
                ("10", ("Under 18", "Male")),
                ("12", ("Under 18", "Male")),
                ("8", ("18-24", "Female")),
                ("9", ("18-24", "Female")),
            ],
        ),
        ("Age | 2023 | Sex\nUnder 18 | 12 | Male", [("12", ("Under 18", "Male"))]),
        # years down, a column of age bands, the sexes across
        (
            "Year | Age | Male | Female\n2023 | 18-24 | 30 | 8",
            [("30", ("18-24", "Male")), ("8", ("18-24", "Female"))],
        ),
        # ethnic groups down beneath the years, the sexes in a heading row of their own
        (
            "Ethnicity | 2023 | 2023\n | Male | Female\nWhite | 40 | 12",
            [("40", ("White", "Male")), ("12", ("White", "Female"))],
        ),
        (
            "Ethnicity | Male | Female\n | 2023 | 2023\nAsian | 9 | 3",
            [("9", ("Asian", "Male")), ("3", ("Asian", "Female"))],
        ),
    ],
)
def test_a_value_of_a_part_within_another_is_left_for_a_person(table, crossed):
    """A cell of 'Under 18' and 'Male' is no figure of 'Under 18', of 'Male' or of the total,
    whichever breakdowns the question asks by."""
    expected = [(value, _within(*parts)) for value, parts in crossed]
    for asked in ([SEARCHES_2023], EVERY_BREAKDOWN, [BY_GENDER], [BY_AGE, BY_ETHNICITY]):
        assert _read_parts(table, asked) == ([], expected)


def test_a_part_in_a_column_of_its_own_is_that_part_and_the_column_of_its_total_is_read():
    """'2023 | White | 40' is the searches of White people in 2023, never the year's total; beside
    the sexes, a 'Total' column is the ethnic group's own figure."""
    table = "Year | Ethnicity | Searches\n2023 | White | 40\n2023 | Black | 21"
    assert _read_parts(table, [SEARCHES_2023, BY_ETHNICITY]) == (
        [(40, "2023", "ethnicity", "White"), (21, "2023", "ethnicity", "Black")],
        [],
    )
    assert _read_parts(table, [SEARCHES_2023])[0] == []
    table = "Year | Ethnicity | Male | Female | Total\n2023 | White | 40 | 12 | 52"
    assert _read_parts(table, [SEARCHES_2023, BY_ETHNICITY]) == (
        [(52, "2023", "ethnicity", "White")],
        [("40", _within("White", "Male")), ("12", _within("White", "Female"))],
    )
    figures, unsure = _read_parts(table, [SEARCHES_2023, BY_GENDER])
    assert figures == [] and ("52", PART_OF_ETHNICITY) in unsure


def test_a_row_of_a_part_and_the_whole_of_another_is_the_first_part():
    table = "Age | Sex | 2023\nUnder 18 | All | 14\nUnder 18 | Male | 10"
    assert _read_parts(table, [SEARCHES_2023, BY_AGE]) == (
        [(14, "2023", "age", "Under 18")],
        [("10", _within("Under 18", "Male"))],
    )


def test_the_labels_naming_parts_are_kept_with_their_line_for_the_audit():
    table = "Year | Under 18 | 18-24 | 65+\n2023 | 10 | 30 | 2"
    reading = read_figures(table, [SEARCHES_2023, BY_AGE], "1")
    assert reading.part_headings == (
        ("Year | Under 18 | 18-24 | 65+", ("Under 18", "18-24", "65+")),
    )
    table = "Age | Sex | 2023\nUnder 18 | Male | 10\nOver 65 | All | 2"
    assert read_figures(table, [SEARCHES_2023], "1").part_headings == (
        ("Under 18 | Male | 10", ("Under 18", "Male")),
        ("Over 65 | All | 2", ("Over 65",)),
    )


def _no_period(where: str, asked: str | None) -> str:
    period = (
        f"is it the figure of the period the question asks ({asked}), or of another?"
        if asked
        else "which period is it of? The question names none"
    )
    return f"a value of a table that names no period ('{where}'): {period}"


def test_a_table_of_parts_naming_no_period_says_which_period_a_person_decides():
    """'Ethnicity | Male | Female' with no year anywhere: whether its values are the year the
    question asks is for a person, each value with the row and column it stands in."""
    table = "Ethnicity | Male | Female\nWhite | 40 | 12\nAsian | 9 | "
    expected = [
        ("40", _no_period("White, Male", "2023")),
        ("12", _no_period("White, Female", "2023")),
        ("9", _no_period("Asian, Male", "2023")),
    ]
    for asked in ([SEARCHES_2023], [SEARCHES_2023, BY_ETHNICITY], EVERY_BREAKDOWN):
        assert _read_parts(table, asked) == ([], expected)
    assert _read_parts("Male | Female\n17 | 6", [SEARCHES]) == (
        [],
        [("17", _no_period("Male", None)), ("6", _no_period("Female", None))],
    )


SPEND_EACH_YEAR = "How much did the force spend on knife wands in each year from 2022 to 2023?"


@pytest.mark.parametrize(
    "answer,listed",
    [
        ("Year | Spend\n2022 | £12,000\n2023 | 8,500", [("12,000", "£12,000")]),
        ("Year | Spend\n2022 | £13,500\n2023 | 8,500", [("13,500", "£13,500")]),
        ("Year | Spend\n2022 | 8,500\n2023 | £ 9,100", [("9,100", "£ 9,100")]),
        (
            "Spend | 2022 | 2023\nKnife wands | £12,000 | £8,500",
            [("12,000", "£12,000"), ("8,500", "£8,500")],
        ),
    ],
)
def test_a_sum_of_money_in_a_tables_cell_is_listed_for_a_person(answer, listed):
    """ "2022 | £12,000" beside "2023 | 8,500" gave 2023's spend and left 2022's out with no
    note (a table of sums alone left the draft with nothing to read): a cell of a sum of money,
    whose pounds a table is not read for, is listed for a person."""
    got = read_figures(answer, map_question(SPEND_EACH_YEAR).topics, "1", SPEND_EACH_YEAR)
    assert [(u.text, u.reason) for u in got.unsure] == [
        (
            value,
            f"a sum of money in a table's cell ('{cell}'): a table's sums are not read; is it "
            "the spend asked, of its row's period?",
        )
        for value, cell in listed
    ]


def test_a_sum_of_money_in_a_tables_cell_for_a_count_is_not_what_is_asked():
    question = "How many knife wands were bought in each year from 2022 to 2023?"
    answer = "Year | Knife wands\n2022 | £12,000\n2023 | 14"
    got = read_figures(answer, map_question(question).topics, "1", question)
    assert [(f.value, f.period_label) for f in got.figures] == [(14, "2023")]
    assert [(u.text, u.reason) for u in got.unsure] == [
        ("12,000", "a sum of money, which the question does not ask of")
    ]
