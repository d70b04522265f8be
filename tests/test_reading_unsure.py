"""Numbers the reading would otherwise guess at or drop without a word: each is read only where
the text says what it is, and otherwise listed for a person with the reason."""

from datetime import date

import pytest
from conftest import FIXTURES
from multiforce.toolkit import drafting
from multiforce.toolkit.meaning import Topic, map_question, period_in, read_figures

SEARCHES = Topic("knife_wand", "uses")
CALENDAR_OR_FINANCIAL = "calendar or financial years?"


def _read(answer: str, topics=(SEARCHES,), question: str = ""):
    reading = read_figures(answer, list(topics), "1", question)
    figures = [(f.value, f.period_start, f.period_end) for f in reading.figures]
    return figures, [(u.text, u.reason) for u in reading.unsure]


@pytest.mark.parametrize(
    "answer",
    [
        "Year | Searches\n2019-2020 | 45",
        "Year | Searches\n2019–2020 | 45",
        "Year | Searches\n2019 to 2020 | 45",
        "2019-2020 = 45",
        "45 searches were carried out in 2019-2020.",
        "Searches | 2019-2020 | 2020-2021\nKnife wand | 45 | 50",
    ],
)
def test_two_years_in_a_row_are_calendar_or_financial_years_for_a_person(answer):
    figures, unsure = _read(answer)
    assert figures == []
    assert unsure and {reason for _, reason in unsure} == {CALENDAR_OR_FINANCIAL}


@pytest.mark.parametrize(
    "answer,question,start,end",
    [
        ("Financial year | Searches\n2019-2020 | 45", "", "2019-04-01", "2020-03-31"),
        (
            "Year | Searches\n2019-2020 | 45",
            "How many searches each financial year?",
            "2019-04-01",
            "2020-03-31",
        ),
        (
            "All figures are for April 2019 to March 2020.\n2019-2020 = 45",
            "",
            "2019-04-01",
            "2020-03-31",
        ),
        ("Calendar years | Searches\n2019-2020 | 45", "", "2019-01-01", "2020-12-31"),
        (
            "45 searches were carried out in the calendar years 2019 to 2020.",
            "",
            "2019-01-01",
            "2020-12-31",
        ),
        # written as financial years always are: no doubt
        ("Year | Searches\n2019/20 | 45", "", "2019-04-01", "2020-03-31"),
        ("Year | Searches\n2019-20 | 45", "", "2019-04-01", "2020-03-31"),
        ("Year | Searches\n2019/2020 | 45", "", "2019-04-01", "2020-03-31"),
        # a span of more than two years is of calendar years
        ("Years | Searches\n2018-2020 | 45", "", "2018-01-01", "2020-12-31"),
    ],
)
def test_two_years_in_a_row_are_read_as_the_text_around_them_says(answer, question, start, end):
    assert _read(answer, question=question) == ([(45, start, end)], [])


def test_a_question_asking_for_two_years_in_a_row_names_no_period_unless_it_says_which():
    assert period_in("How many searches were made in 2019-2020?") is None
    financial = period_in("How many searches were made in the financial year 2019-2020?")
    assert (financial.start, financial.end) == (date(2019, 4, 1), date(2020, 3, 31))
    calendar = period_in("How many searches were made in calendar years 2019 to 2020?")
    assert (calendar.start, calendar.end) == (date(2019, 1, 1), date(2020, 12, 31))
    spoken = period_in("How many searches were made between 2019 and 2020?")
    assert (spoken.start, spoken.end) == (date(2019, 1, 1), date(2020, 12, 31))


@pytest.mark.parametrize(
    "asked",
    [
        "How many searches were made in 2019-2020 and 2021?",
        "How many searches were made in 2018, 2019-2020 and 2021?",
        "How many searches were made in 2015 to 2019 and 2021?",
        "How many searches were made in 2018 and 2019/20?",
        "How many searches were made in 2019 to 2020/21?",
        "How many searches were made in the financial years 2019-2020 and 2021?",
    ],
)
def test_a_question_naming_a_year_beyond_the_period_it_reads_names_none(asked):
    """One period read from part of the words would cut the years the question asks for
    ("2020 and 2021" of "2019-2020 and 2021"): it names none, and the draft says so."""
    assert period_in(asked) is None


@pytest.mark.parametrize(
    "asked,start,end",
    [
        ("in 2022, 2023 and 2024", date(2022, 1, 1), date(2024, 12, 31)),
        ("in each year from 2015 to 2021", date(2015, 1, 1), date(2021, 12, 31)),
        ("between April 2019 and the end of March 2020", date(2019, 4, 1), date(2020, 3, 31)),
        ("in 2019/20 and 2020/21", date(2019, 4, 1), date(2021, 3, 31)),
    ],
)
def test_a_question_whose_years_all_fall_in_its_period_keeps_it(asked, start, end):
    period = period_in(f"How many searches were made {asked}?")
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "marked,mark", [("250*", "*"), ("250 (1)", "(1)"), ("250¹", "¹"), ("250 †", "†")]
)
@pytest.mark.parametrize(
    "shape",
    [
        "Year | Searches\n2021 | {}",
        "Year    Searches\n2021    {}",
        "2021 = {}",
        "In 2021, {} searches were carried out.",
    ],
)
def test_a_figure_carrying_a_footnote_mark_is_listed_for_a_person(shape, marked, mark):
    figures, unsure = _read(shape.format(marked))
    assert figures == []
    assert unsure == [("250", f"a footnote mark ({mark}): what its footnote says of the figure")]


@pytest.mark.parametrize(
    "bound",
    ["over 30", "more than 30", "fewer than 5", "<5", "< 5", "5+", "under 10", "less than 10"],
)
@pytest.mark.parametrize(
    "shape",
    [
        "Year | Searches\n2021 | {}",
        "Year    Searches\n2021    {}",
        "Searches | 2021\nKnife wand | {}",
    ],
)
def test_a_bound_in_a_cell_is_listed_never_a_figure(shape, bound):
    figures, unsure = _read(shape.format(bound))
    assert figures == []
    assert unsure == [(bound.split()[-1].strip("<+"), "a bound, not the figure")]


@pytest.mark.parametrize(
    "table,footnote",
    [
        ("Year | Searches\n2021 | *\n2022 | 40", "* fewer than 5 and not shown"),
        ("Year    Searches\n2021    *\n2022    40", "Note: * denotes a number below 5, suppressed"),
        ("Year | Searches\n2021 | -\n2022 | 40", "- figures under 5 are withheld"),
        ("Searches | 2021 | 2022\nKnife wand | * | 40", "* fewer than 5 and not shown"),
    ],
)
def test_a_cell_whose_footnote_says_it_hides_a_number_is_listed(table, footnote):
    figures, unsure = _read(f"{table}\n{footnote}")
    assert figures == [(40, "2022-01-01", "2022-12-31")]
    mark = footnote.removeprefix("Note: ")[0]
    assert (mark, f"a number not shown: the footnote says '{footnote}'") in unsure


def test_a_dash_no_footnote_explains_is_not_listed():
    figures, unsure = _read("Year | Searches\n2021 | -\n2022 | 40")
    assert figures == [(40, "2022-01-01", "2022-12-31")]
    assert unsure == []


@pytest.mark.parametrize(
    "answer,figures",
    [
        ("2021 - 40", [(40, "2021-01-01", "2021-12-31")]),
        ("2021 - 0", [(0, "2021-01-01", "2021-12-31")]),
        (
            "2021 – 40\n2022 — 1,055",
            [(40, "2021-01-01", "2021-12-31"), (1055, "2022-01-01", "2022-12-31")],
        ),
        ("• 2021/22 - 40", [(40, "2021-04-01", "2022-03-31")]),
        ("March 2021 - 40", [(40, "2021-03-01", "2021-03-31")]),
    ],
)
def test_a_period_a_dash_and_a_value_is_read(answer, figures):
    assert _read(answer) == (figures, [])


@pytest.mark.parametrize(
    "answer",
    [
        "2021 - 2022",  # a span of years
        "2021-22",  # a financial year
        "2021 - 22",  # a financial year, spaced
        "2021-05",  # a month
        "2021 - 05",
        "1 January 2021 - 31 March 2021",  # a span of days
        "2021 - March 2022",
    ],
)
def test_a_period_a_dash_and_another_period_is_no_figure(answer):
    assert _read(answer)[0] == []


@pytest.mark.parametrize(
    "answer,qualifiers",
    [
        (
            "Year | Searches\n2021/22 | 40\n2022/23 | 50\nFigures for 2021/22 are approximate.",
            {"2021/22": "approximate", "2022/23": "exact"},
        ),
        (
            "2021 = 40\n2022 = 50\nThe 2022 figure is estimated.",
            {"2021": "exact", "2022": "approximate"},
        ),
        (
            "Year    Searches\n2021    40\n2022    50\n* The figures for 2021 are not complete.",
            {"2021": "partial_coverage", "2022": "exact"},
        ),
        (
            "Month | Searches\nMarch 2022 | 40\nApril 2022 | 50\n"
            "Figures for 2022/23 are estimates.",
            {"March 2022": "exact", "April 2022": "approximate"},
        ),
    ],
)
def test_a_note_saying_a_periods_figures_are_approximate_marks_them(answer, qualifiers):
    reading = read_figures(answer, [SEARCHES], "1")
    assert {f.period_label: f.qualifier for f in reading.figures} == qualifiers
    assert reading.unsure == ()


EXTRACTIONS = Topic("phone_extraction", "uses")
WHICH_TOTAL = "several columns give one measure: which is the total?"


@pytest.mark.parametrize(
    "table",
    [
        "Year | Kiosk extractions | Lab extractions\n2021 | 40 | 50",
        "Year    Kiosk extractions    Lab extractions\n2021    40                   50",
        "Year | Extractions by day | Extractions by night\n2021 | 40 | 50",
    ],
)
def test_several_columns_read_as_one_measure_are_left_for_a_person(table):
    assert _read(table, (EXTRACTIONS,)) == ([], [("40", WHICH_TOTAL), ("50", WHICH_TOTAL)])


def test_several_rows_read_as_one_measure_are_left_for_a_person():
    table = "Extractions | 2021 | 2022\nBy day | 40 | 45\nBy night | 50 | 55"
    figures, unsure = _read(table, (EXTRACTIONS,))
    assert figures == []
    assert {reason for _, reason in unsure} == {
        "several rows give one measure: which is the total?"
    } and len(unsure) == 4


def test_the_column_headed_total_is_read_and_its_parts_are_left_for_a_person():
    table = "Year | Kiosk extractions | Lab extractions | Total extractions\n2021 | 40 | 50 | 90"
    figures, unsure = _read(table, (EXTRACTIONS,))
    assert figures == [(90, "2021-01-01", "2021-12-31")]
    part = "a part of the total another column gives"
    assert unsure == [("40", part), ("50", part)]


def test_columns_of_a_breakdown_the_question_asks_for_are_each_read():
    by_method = Topic("phone_extraction", "uses", "extraction_method")
    table = "Year | Kiosk extractions | Lab extractions\n2021 | 40 | 50"
    reading = read_figures(table, [EXTRACTIONS, by_method], "1")
    assert [(f.value, f.breakdown_value) for f in reading.figures] == [(40, "kiosk"), (50, "lab")]
    assert reading.unsure == ()


MATCHES = Topic("knife_wand", "matches")


@pytest.mark.parametrize(
    "table,part",
    [
        ("Year | Police matches\n2021 | 40", "police"),
        ("Matches | 2021\nImmigration database | 40", "immigration"),
    ],
)
def test_a_heading_naming_a_part_is_no_total_where_the_question_asks_none(table, part):
    reason = (
        f"a part ('{part}') of the measure, not its total: the question does not ask by database"
    )
    assert _read(table, (MATCHES,)) == ([], [("40", reason)])


# A reason names a breakdown in words, never by its id ("device owner role", not
# "device_owner_role").
SEARCHES_2023 = Topic("mobile_fingerprint_scanner", "uses", "none", "2023-01-01", "2023-12-31")


@pytest.mark.parametrize(
    "table,part,value",
    [
        ("Year | Suspect extractions\n2021 | 40", "suspect", "40"),
        ("Year | Victim extractions\n2021 | 41", "victim", "41"),
    ],
)
def test_a_heading_naming_a_part_says_the_breakdown_not_asked_in_words(table, part, value):
    reason = (
        f"a part ('{part}') of the measure, not its total: the question does not ask by device "
        "owner role"
    )
    assert _read(table, (Topic("phone_extraction", "uses"),)) == ([], [(value, reason)])


@pytest.mark.parametrize(
    "table,value",
    [
        ("Year | Field kit extractions\n2021 | 40", "40"),
        ("Year | Field kit extractions\n2021 | 41", "41"),
        ("Year | Field-kit extractions\n2022 | 40", "40"),
    ],
)
def test_a_heading_naming_a_value_of_two_words_is_that_part(table, value):
    """A breakdown's value whose id joins two words ("field_kit") is named in a heading by
    those words ("Field kit extractions"): a part, not the total of extractions."""
    reason = (
        "a part ('field kit') of the measure, not its total: the question does not ask by "
        "extraction method"
    )
    assert _read(table, (Topic("phone_extraction", "uses"),)) == ([], [(value, reason)])


@pytest.mark.parametrize(
    "table,part,value",
    [
        ("Year | Deported searches\n2023 | 40", "deported", "40"),
        ("Year | Deported searches\n2023 | 41", "deported", "41"),
        ("Year | Referred searches\n2023 | 40", "referred", "40"),
    ],
)
def test_a_breakdown_named_by_a_verb_and_its_particle_reads_as_one_hyphenated_word(
    table, part, value
):
    """ "follow_up" is a follow-up, as people write it, not "follow up"."""
    reason = (
        f"a part ('{part}') of the measure, not its total: the question does not ask by follow-up"
    )
    assert _read(table, (SEARCHES_2023,)) == ([], [(value, reason)])


@pytest.mark.parametrize(
    "answer,value",
    [
        ("In 2023, 12 searches were of visa holders.", "12"),
        ("In 2023, 13 searches were of people on a visa.", "13"),
        ("Searches | 2023\nVisa holders | 14", "14"),
    ],
)
def test_a_part_of_the_total_names_its_breakdown_in_words(answer, value):
    reason = "a part of the total (visa status), not the total"
    assert _read(answer, (SEARCHES_2023,)) == ([], [(value, reason)])


@pytest.mark.parametrize("other", ["3", "4"])
def test_a_label_among_parts_names_their_breakdown_in_words(other):
    figures, unsure = _read(f"Year | Visa holders | Other\n2023 | 40 | {other}", (SEARCHES_2023,))
    assert figures == []
    assert unsure == [
        ("40", "a part of the total (visa status), not the total"),
        (other, "a label among parts of visa status: another part, or the total?"),
    ]


@pytest.mark.parametrize(
    "heading,value",
    [("Police and immigration matches", None), ("Matches", None), ("Police matches", "police")],
)
def test_a_heading_naming_every_part_or_none_or_a_part_asked_for_is_read(heading, value):
    by_database = Topic("knife_wand", "matches", "database")
    topics = [MATCHES, by_database] if value else [MATCHES]
    reading = read_figures(f"Year | {heading}\n2021 | 40", topics, "1")
    assert [(f.value, f.breakdown_value) for f in reading.figures] == [(40, value)]


def _cased(words: str) -> list[str]:
    """The same heading in sentence case, Title Case, upper and lower case."""
    sentence = words[0].upper() + words[1:].lower()
    return [sentence, words.title(), words.upper(), words.lower()]


ONE_MEASURE = [
    "Searches resulting in a match",
    "Matches from searches",
    "Police and immigration matches",
]
RUN_TOGETHER = [
    "Searches matches",
    "Number of searches number of matches",
    "Searches carried out matches found",
]


@pytest.mark.parametrize("heading", [h for words in ONE_MEASURE for h in _cased(words)])
@pytest.mark.parametrize("shape", ["Year | {}\n2021 | 40", "Year    {}\n2021    40"])
def test_a_heading_naming_one_measure_reads_in_any_case(shape, heading):
    reading = read_figures(shape.format(heading), [SEARCHES, MATCHES], "1")
    assert [(f.value, f.measure) for f in reading.figures] == [(40, "matches")]
    assert reading.unsure == ()


@pytest.mark.parametrize("heading", [h for words in RUN_TOGETHER for h in _cased(words)])
def test_headings_run_together_are_left_for_a_person_in_any_case(heading):
    reading = read_figures(f"Year | {heading}\n2021 | 40", [SEARCHES, MATCHES], "1")
    assert reading.figures == ()
    assert [u.reason for u in reading.unsure] == [
        "the heading names several measures: which one each value counts is not sure"
    ]


def test_the_draft_lists_each_number_the_reading_left_with_its_reason():
    draft = drafting.draft_yaml(drafting.read(FIXTURES / "drafting" / "letter-unsure.txt"))
    assert "figures: []" in draft
    for listed in (
        "1,204 (calendar or financial years?): 2019-2020 | 1,204",
        "980 (a footnote mark (*): what its footnote says of the figure): 2021 | 980*",
        "* (a number not shown: the footnote says '* fewer than 5 and not shown'): 2022 | *",
        "30 (a bound, not the figure): 2023 | over 30",
        "40 (several columns give one measure: which is the total?): 2023 | 40 | 50",
        "50 (several columns give one measure: which is the total?): 2023 | 40 | 50",
    ):
        assert listed in draft


# -- sentences giving several numbers, each plainly its technology's or its period's

ARCHES_OWNED = Topic("knife_arch", "devices_in_service")
WANDS_OWNED = Topic("knife_wand", "devices_in_service")
SEVERAL = "one of several numbers in a sentence"


def _read_sentence(answer: str, topics=(SEARCHES,)):
    reading = read_figures(answer, list(topics), "1", "", "2025-06-09")
    figures = [(f.value, f.technology, f.measure, f.period_label) for f in reading.figures]
    return figures, [(u.text, u.reason) for u in reading.unsure]


@pytest.mark.parametrize("arches,wands", [(4, 20), (5, 20), (4, 21)])
@pytest.mark.parametrize("arch", ["knife arches", "arches"])
def test_numbers_each_followed_by_its_technology_are_each_that_technologys_figure(
    arches, wands, arch
):
    figures, unsure = _read_sentence(
        f"The force owns {arches} {arch} and {wands} wands.", (ARCHES_OWNED, WANDS_OWNED)
    )
    at = "at the response date (2025-06-09)"
    assert figures == [
        (arches, "knife_arch", "devices_in_service", at),
        (wands, "knife_wand", "devices_in_service", at),
    ]
    assert unsure == []


@pytest.mark.parametrize(
    "answer",
    [
        "The force owns 4 knife arches and 20 knife arches.",  # the same technology twice
        "The force owns 4 knife wands and 20 wands.",
        "The force owns 4 knife arches and 20 of them are new.",  # 20 names no technology
        "The force owns 4 knife arches and 20 wands and 3 kiosks.",  # kiosks are not asked
        "The force owns 4 knife arches, up to 20 wands.",  # a bound
    ],
)
def test_numbers_not_each_followed_by_a_technology_of_their_own_stay_unsure(answer):
    figures, unsure = _read_sentence(answer, (ARCHES_OWNED, WANDS_OWNED))
    assert figures == []
    assert len(unsure) >= 2 and {reason for _, reason in unsure} == {SEVERAL}


@pytest.mark.parametrize(
    "first,second,one,other",
    [(2021, 2022, 312, 401), (2019, 2022, 312, 401), (2021, 2022, 312, 400)],
)
@pytest.mark.parametrize(
    "written",
    [
        "In {first} and {second} the force carried out {one} and {other} searches respectively.",
        "The force carried out {one} and {other} searches in {first} and {second} respectively.",
    ],
)
def test_periods_and_numbers_listed_respectively_are_paired_in_order(
    written, first, second, one, other
):
    answer = written.format(first=first, second=second, one=one, other=other)
    assert _read_sentence(answer) == (
        [(one, "knife_wand", "uses", str(first)), (other, "knife_wand", "uses", str(second))],
        [],
    )


def test_financial_years_listed_respectively_are_paired_in_order():
    answer = "In 2020/21, 2021/22 and 2022/23 there were 12, 15 and 19 searches respectively."
    figures, unsure = _read_sentence(answer)
    assert [(value, label) for value, *_, label in figures] == [
        (12, "2020/21"),
        (15, "2021/22"),
        (19, "2022/23"),
    ]
    assert unsure == []


@pytest.mark.parametrize(
    "answer",
    [
        # as many periods as numbers, or no pairing is sure
        "In 2021, 2022 and 2023 the force carried out 312 and 401 searches respectively.",
        "In 2021 and 2022 the force carried out 312, 401 and 9 searches respectively.",
        "The force carried out 312 and 401 searches in 2021, 2022 and 2023 respectively.",
        "The force carried out 312 and 401 searches between 2021 and 2022 respectively.",
        # two years in a row are one span's ends, not a list
        "In 2019-2020 and 2021 the force carried out 312 and 401 searches respectively.",
        "Between 2021 and 2022 the force carried out 312 and 401 searches respectively.",
        # the numbers count nothing the vocabulary knows
        "In 2021 and 2022 the force had 312 and 401 respectively.",
    ],
)
def test_respectively_with_counts_that_differ_or_a_span_stays_unsure(answer):
    figures, unsure = _read_sentence(answer)
    assert figures == []
    assert len(unsure) >= 2 and {reason for _, reason in unsure} == {SEVERAL}


@pytest.mark.parametrize(
    "answer,expected",
    [
        (
            "There were 150 searches in 2021, compared with 176 in 2022.",
            [(150, "2021"), (176, "2022")],
        ),
        (
            "There were 150 searches in 2021, compared with 176 in 2023.",
            [(150, "2021"), (176, "2023")],
        ),
        (
            "There were 151 searches in 2021, compared with 176 in 2022.",
            [(151, "2021"), (176, "2022")],
        ),
        (
            "The force carried out 312 searches in 2021 and 401 in 2022.",
            [(312, "2021"), (401, "2022")],
        ),
        (
            "There were 150 searches in 2021 against 176 searches in March 2022.",
            [(150, "2021"), (176, "March 2022")],
        ),
    ],
)
def test_each_number_with_its_own_period_after_it_is_that_periods_figure(answer, expected):
    figures, unsure = _read_sentence(answer)
    assert [(value, label) for value, *_, label in figures] == expected
    assert unsure == []


@pytest.mark.parametrize(
    "answer",
    [
        "There were 150 searches in 2021, compared with 176.",  # 176 has no period of its own
        "In 2020 there were 150 searches, compared with 176 in 2022.",
        "There were 150 searches in 2021, compared with 176 arrests in 2022.",  # another count
        "There were 150 searches in 2021 leading to 12 arrests in 2022.",  # no comparison
        "There were 150 searches in 2019 to 2021, compared with 176 in 2022.",
    ],
)
def test_a_number_without_a_period_of_its_own_stays_unsure(answer):
    figures, unsure = _read_sentence(answer)
    assert figures == []
    assert len(unsure) >= 2 and {reason for _, reason in unsure} == {SEVERAL}


def test_technologies_listed_respectively_are_not_one_periods_figures():
    answer = "In 2021 and 2022 the force bought 4 knife arches and 20 wands respectively."
    figures, unsure = _read_sentence(answer, (ARCHES_OWNED, WANDS_OWNED))
    assert figures == []
    assert [value for value, _ in unsure] == ["4", "20"]


A_RATE = "a rate or an average (the sentence says so), not a count"


@pytest.mark.parametrize(
    "rate,count",
    [
        (
            "The force carried out an average of 120 knife wand scans a month in 2023.",
            "The force carried out 120 knife wand scans in 2023.",
        ),
        (
            "In 2023 the knife wands were used 120 times per month.",
            "In 2023 the knife wands were used 120 times.",
        ),
        (
            "In 2023 there were 120 knife wand scans each week.",
            "In 2023 there were 120 knife wand scans.",
        ),
        (
            "In 2023, 120 knife wand scans were made on average.",
            "In 2023, 120 knife wand scans were made.",
        ),
        (
            "In 2023 officers made 120 knife wand scans per shift.",
            "In 2023 officers made 120 knife wand scans.",
        ),
        (
            "In 2023, the monthly average was 120 knife wand scans.",
            "In 2023, the total was 120 knife wand scans.",
        ),
    ],
)
def test_a_rate_or_an_average_in_a_sentence_is_never_a_period_s_count(rate, count):
    assert _read(rate) == ([], [("120", A_RATE)])
    assert _read(count) == ([(120, "2023-01-01", "2023-12-31")], [])


def test_a_year_after_an_event_is_no_rate():
    answer = "In 2023 there were 1,440 knife wand scans, a year after the wands came."
    assert _read(answer)[0] == [(1440, "2023-01-01", "2023-12-31")]


SCANS_2023 = Topic("knife_wand", "uses", "none", "2023-01-01", "2023-12-31")


@pytest.mark.parametrize(
    "answer,noun",
    [
        ("In 2023, 40 officers carried out knife wand scans.", "officers"),
        ("In 2023, 40 people were scanned with knife wands.", "people"),
        ("Year | Officers\n2023 | 40", "officers"),
        ("Year | People scanned\n2023 | 40", "people"),
        ("2023 = 40 officers", "officers"),
    ],
)
def test_a_number_counting_what_the_question_does_not_ask_of_is_left_for_a_person(answer, noun):
    reason = f"it counts {noun}, which the question does not ask of"
    assert _read(answer, (SCANS_2023,)) == ([], [("40", reason)])
    people = Topic("knife_wand", "people", "none", "2023-01-01", "2023-12-31")
    staff = Topic("knife_wand", "staff", "none", "2023-01-01", "2023-12-31")
    asked = _read(answer, (people if noun == "people" else staff,))
    assert asked == ([(40, "2023-01-01", "2023-12-31")], [])


def test_officers_beside_what_the_number_counts_leave_it_a_count():
    answer = "1,200 knife wand scans were made by officers in 2023."
    assert _read(answer, (SCANS_2023,)) == ([(1200, "2023-01-01", "2023-12-31")], [])


KIOSK_SPEND = Topic("phone_extraction", "spend", "none", "2023-01-01", "2023-12-31")
KIOSKS_HELD = Topic("phone_extraction", "devices_in_service")


@pytest.mark.parametrize(
    "answer",
    [
        "In 2023 the force spent £45,000 on cyber kiosks.",
        "The cyber kiosks cost £45,000 in 2023.",
        "Kiosks | 2023\nSpend | 45,000",
    ],
)
def test_a_sum_of_money_answering_a_question_of_spend_is_its_figure_in_pounds(answer):
    reading = read_figures(answer, [KIOSK_SPEND], "1")
    assert [(f.value, f.unit, f.period_label) for f in reading.figures] == [(45000, "gbp", "2023")]
    assert reading.unsure == ()


@pytest.mark.parametrize(
    "answer,topic,reason",
    [
        (
            "In 2023 the force spent £1.2 million on cyber kiosks.",
            KIOSK_SPEND,
            "a sum of money with its scale in words ('£1.2 million'): its pounds are not read",
        ),
        (
            "In 2023 the force spent £45,000 on kiosks and £5,000 on licences.",
            KIOSK_SPEND,
            "one of several sums of money in a sentence",
        ),
        (
            "In 2023 the force spent over £45,000 on cyber kiosks.",
            KIOSK_SPEND,
            "a bound, not the figure",
        ),
        (
            "In 2023 the force spent £45,000 on cyber kiosks.",
            KIOSKS_HELD,
            "a sum of money, which the question does not ask of",
        ),
    ],
)
def test_a_sum_of_money_is_otherwise_left_for_a_person(answer, topic, reason):
    reading = read_figures(answer, [topic], "1")
    assert reading.figures == ()
    assert reason in [u.reason for u in reading.unsure]


SCANNERS_HELD = Topic("mobile_fingerprint_scanner", "devices_in_service")
SCANNER_SPEND = Topic("mobile_fingerprint_scanner", "spend", "none", "2023-01-01", "2023-12-31")
HELD_WITH_ITS_COST = "The force holds 12 scanners at a cost of £14,500."
SPEND_NOT_ASKED = "a sum of money, which the question does not ask of"


@pytest.mark.parametrize("answer", [HELD_WITH_ITS_COST, "The force holds 12 scanners."])
def test_a_count_beside_a_sum_of_money_the_question_does_not_ask_of_is_read(answer):
    reading = read_figures(answer, [SCANNERS_HELD], "1", as_at="2025-06-09")
    assert [(f.value, f.unit, f.measure, f.period_start) for f in reading.figures] == [
        (12, "count", "devices_in_service", "2025-06-09")
    ]
    assert [(u.text, u.reason) for u in reading.unsure] == [("14,500", SPEND_NOT_ASKED)] * (
        "£" in answer
    )


def test_a_count_and_the_sum_of_money_beside_it_are_each_read_where_both_are_asked():
    reading = read_figures(
        HELD_WITH_ITS_COST, [SCANNERS_HELD, SCANNER_SPEND], "1", "", "2025-06-09"
    )
    assert [(f.value, f.unit, f.measure, f.period_label) for f in reading.figures] == [
        (12, "count", "devices_in_service", "at the response date (2025-06-09)"),
        (14500, "gbp", "spend", "2023"),
    ]
    assert reading.unsure == ()


def test_a_sum_of_money_asked_is_read_and_the_count_beside_it_is_never_the_spend():
    answer = "In 2023 the force bought 12 scanners at a cost of £14,500."
    reading = read_figures(answer, [SCANNER_SPEND], "1")
    assert [(f.value, f.unit, f.measure) for f in reading.figures] == [(14500, "gbp", "spend")]
    assert [(u.text, u.reason) for u in reading.unsure] == [
        ("12", "a count beside a sum of money: the spend asked is the sum, not the count")
    ]


def test_two_counts_beside_a_sum_of_money_are_left_for_a_person():
    answer = "The force holds 12 scanners and 30 chargers at a cost of £14,500."
    reading = read_figures(answer, [SCANNERS_HELD], "1", as_at="2025-06-09")
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [
        ("12", "one of several numbers in a sentence"),
        ("30", "one of several numbers in a sentence"),
        ("14,500", SPEND_NOT_ASKED),
    ]


def _to_come_reason(words: str) -> str:
    return (
        f"the sentence speaks of things ordered or still to come ('{words}'), not of things "
        "held or bought: is it the number asked, or another?"
    )


@pytest.mark.parametrize(
    "question,answer,value,words",
    [
        # asked what is held: things ordered are not held yet
        (
            "How many mobile fingerprint scanners does the force have?",
            "The force has 60 scanners on order, due for delivery in 2026.",
            "60",
            "on order",
        ),
        (
            "How many mobile fingerprint scanners does the force have?",
            "The force has 45 scanners on order, due for delivery in 2027.",
            "45",
            "on order",
        ),
        (
            "How many knife wands does the force own?",
            "The force has ordered 30 knife wands.",
            "30",
            "ordered",
        ),
        (
            "How many knife wands does the force own?",
            "We have 12 knife wands awaiting delivery.",
            "12",
            "awaiting delivery",
        ),
        (
            "How many knife wands does the force own?",
            "A further 10 wands are on order.",
            "10",
            "on order",
        ),
        (
            "How many mobile fingerprint scanners does the force have?",
            "The force will have 50 scanners in 2026.",
            "50",
            "will have",
        ),
        (
            "How many mobile fingerprint scanners does the force have?",
            "The force expects to have 80 scanners by 2026.",
            "80",
            "expects to have",
        ),
        (
            "How many mobile fingerprint scanners does the force have?",
            "There are 25 scanners awaiting delivery in 2025.",
            "25",
            "awaiting delivery",
        ),
        # asked what was bought: an order, or a plan, is not a purchase made
        (
            "How many knife arches were bought in 2024?",
            "In 2024 the force ordered 4 knife arches.",
            "4",
            "ordered",
        ),
        (
            "How many knife arches were bought in 2024?",
            "4 knife arches are still to be delivered in 2024.",
            "4",
            "are still to be delivered",
        ),
    ],
)
def test_a_number_of_things_ordered_or_to_come_is_left_for_a_person(question, answer, value, words):
    """ "The force has 60 scanners on order, due for delivery in 2026." answering how many the
    force has was 60 held in 2026, and "The force has ordered 30 knife wands." 30 held at the
    response date: things not had yet are neither held nor bought, so the number is listed for
    a person with the words saying so."""
    topics = map_question(question).topics
    got = read_figures(answer, topics, "1", question, "2025-05-14")
    assert got.figures == ()
    assert [(u.text, u.reason) for u in got.unsure] == [(value, _to_come_reason(words))]


@pytest.mark.parametrize(
    "answer,held",
    [
        ("We have 42 knife wands, and have ordered more.", 42),
        ("We have 41 knife wands, and more are on order.", 41),
        ("The force owns 42 knife wands; it will have more next year.", 42),
        ("The force has 42 knife wands, ordered in alphabetical order.", 42),
    ],
)
def test_words_of_things_to_come_in_another_clause_leave_the_number_held(answer, held):
    """Things to come in another clause ("..., and have ordered more") say nothing of the
    number in the first: what is held is read."""
    question = "How many knife wands does the force own?"
    got = read_figures(answer, map_question(question).topics, "1", question, "2025-05-14")
    assert [(f.value, f.measure) for f in got.figures] == [(held, "devices_in_service")]
    assert got.unsure == ()


@pytest.mark.parametrize("ordered", ["10", "11"])
def test_of_several_numbers_the_one_to_come_says_so(ordered):
    """ "We have 42 knife wands and have ordered 10 knife arches.": both are for a person, the
    10 with the words saying it is to come, the 42 as one of several numbers."""
    question = "How many knife wands and knife arches does the force own?"
    answer = f"We have 42 knife wands and have ordered {ordered} knife arches."
    got = read_figures(answer, map_question(question).topics, "1", question, "2025-05-14")
    assert got.figures == ()
    assert [(u.text, u.reason) for u in got.unsure] == [
        ("42", "one of several numbers in a sentence"),
        (ordered, _to_come_reason("ordered")),
    ]


BOUGHT_WORDS = "devices newly put into service during the period"


@pytest.mark.parametrize(
    "question,answer,value,noun,verb",
    [
        (
            "How many times were knife arches deployed in 2024?",
            "Knife arches were deployed at 14 events in 2024.",
            "14",
            "events",
            "deployed",
        ),
        (
            "How many times were knife arches deployed in 2024?",
            "Knife arches were deployed at 15 events in 2024.",
            "15",
            "events",
            "deployed",
        ),
        (
            "How many times were knife wands deployed in 2023?",
            "Knife wands were deployed at 31 operations in 2023.",
            "31",
            "operations",
            "deployed",
        ),
        (
            "How many times were knife wands used in 2023?",
            "In 2023 knife wands were issued at 8 events.",
            "8",
            "events",
            "issued",
        ),
    ],
)
def test_a_number_of_occasions_is_no_count_of_devices_deployed(question, answer, value, noun, verb):
    """ "Knife arches were deployed at 14 events in 2024." answering how many times they were
    deployed was 14 knife arches newly put into service in 2024, a figure of devices published
    with no note: the number counts events, which devices deployed are not, and whether they
    are the times asked is for a person."""
    got = read_figures(answer, map_question(question).topics, "1", question, "2025-05-14")
    assert got.figures == ()
    assert [(u.text, u.reason) for u in got.unsure] == [
        (
            value,
            f"it counts {noun}, where the sentence's words name {BOUGHT_WORDS} ('{verb}'): is it "
            "the number asked, or another?",
        )
    ]


@pytest.mark.parametrize(
    "question,answer,value,noun",
    [
        (
            "How many times were knife arches used in 2024?",
            "In 2024 knife arches were deployed at 22 locations.",
            "22",
            "locations",
        ),
        (
            "How many times were knife arches used in 2024?",
            "In 2024 knife arches were deployed at 23 sites.",
            "23",
            "sites",
        ),
        (
            "How many knife arches were bought in 2024?",
            "Knife arches were deployed 9 times in 2024.",
            "9",
            "times",
        ),
        (
            "How many knife arches were bought in 2024?",
            "Knife arches were deployed at 14 events in 2024.",
            "14",
            "events",
        ),
    ],
)
def test_a_number_of_places_or_occasions_is_not_what_the_question_asks_of(
    question, answer, value, noun
):
    """Places count none of the measures, and occasions are no devices bought: "Knife arches
    were deployed 9 times in 2024." answering how many were bought was 9 bought in 2024."""
    got = read_figures(answer, map_question(question).topics, "1", question, "2025-05-14")
    assert got.figures == ()
    assert [(u.text, u.reason) for u in got.unsure] == [
        (value, f"it counts {noun}, which the question does not ask of")
    ]


@pytest.mark.parametrize(
    "answer,value",
    [
        ("Knife arches were deployed 9 times in 2024.", 9),
        ("Knife arches were deployed on 35 occasions during 2024.", 35),
        ("120 knife arches were deployed at events in 2024.", 120),
    ],
)
def test_occasions_counted_as_uses_and_devices_counted_as_devices_are_read(answer, value):
    """What the number counts decides: times and occasions are the uses asked, devices the
    devices deployed (of the one technology asked, kept with their own measure)."""
    question = "How many times were knife arches deployed in 2024?"
    got = read_figures(answer, map_question(question).topics, "1", question, "2025-05-14")
    measure = "devices_deployed" if "120" in answer else "uses"
    assert [(f.value, f.measure, f.period_label) for f in got.figures] == [(value, measure, "2024")]
    assert got.unsure == ()


BOUGHT_EACH_YEAR = "How many knife arches were bought in 2022, 2023 and 2024?"


@pytest.mark.parametrize(
    "answer,word,quote",
    [
        ("2022 - 2\n2023 - nil\n2024 - 3", "nil", "2023 - nil"),
        ("2022 - 2\n2024 - none\n2023 - 3", "none", "2024 - none"),
        ("2022: 4\n2023: None", "None", "2023: None"),
        ("2022 = 4\n2023 = zero.", "zero", "2023 = zero."),
        (
            "Kent Police purchased 2 knife arches in 2022 and 1 in 2024. None were purchased in "
            "2023.",
            "None",
            "None were purchased in 2023.",
        ),
        (
            "The force bought 5 knife arches in 2023. No knife arches were bought in 2022.",
            "No",
            "No knife arches were bought in 2022.",
        ),
    ],
)
def test_a_number_written_as_a_word_beside_figures_is_listed(answer, word, quote):
    """ "2022/23 - nil" between two years' figures was read as nothing, with no note: the draft
    gave the other years and left the year of none out unseen. A number written as a word is
    listed for a person wherever figures are read beside it, as where none are."""
    got = read_figures(answer, map_question(BOUGHT_EACH_YEAR).topics, "1", BOUGHT_EACH_YEAR)
    assert got.figures
    assert [(u.text, u.quote, u.reason) for u in got.unsure] == [
        (word, quote, "a number written as a word")
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "The force bought 5 knife arches in 2023. No information is held for 2022.",
        "The force bought 5 knife arches in 2023, none of them for schools.",
        "2023 - 5\nNotes: none.",
    ],
)
def test_words_that_count_nothing_beside_figures_are_not_listed(answer):
    """ "No information is held" counts nothing, and a word in a sentence with a number of its
    own is that sentence's to read: only the figures are read."""
    got = read_figures(answer, map_question(BOUGHT_EACH_YEAR).topics, "1", BOUGHT_EACH_YEAR)
    assert [f.value for f in got.figures] == [5]
    assert got.unsure == ()


@pytest.mark.parametrize(
    "question,answer,word",
    [
        (
            "How many knife wands were purchased in 2024?",
            "No knife wands were purchased in 2024.",
            "No",
        ),
        (
            "How many knife wands were purchased in 2023?",
            "No knife wands were purchased in 2023.",
            "No",
        ),
        (
            "How many knife arches were bought in 2022?",
            "Two knife arches were bought in 2022.",
            "Two",
        ),
        (
            "How many knife arches were bought in 2022?",
            "Zero knife arches were bought in 2022.",
            "Zero",
        ),
    ],
)
def test_an_answer_in_the_questions_words_with_a_number_word_is_no_echo(question, answer, word):
    """ "No knife wands were purchased in 2024." answering "How many knife wands were purchased
    in 2024?" repeats the question's words but answers it: it was skipped as the question quoted
    again, the draft then finding nothing to read at all. Its number in words is listed."""
    got = read_figures(answer, map_question(question).topics, "1", question)
    assert [(u.text, u.quote, u.reason) for u in got.unsure] == [
        (word, answer, "a number written as a word")
    ]
