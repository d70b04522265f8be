"""A question's own day: "at 31 December 2023" asks on that day, not in the month, and whole
years asked on one day of each ("as at 31 March in each year from 2022 to 2024", "at the end of
each financial year from 2019/20 to 2022/23") run from that day in the first year to that day in
the last. Where which day is not sure the years stay as the words name them."""

from pathlib import Path

import pytest
from multiforce.toolkit import drafting
from multiforce.toolkit.meaning import map_question, period_in


def _period(text: str):
    period = period_in(text)
    return period and (period.start.isoformat(), period.end.isoformat(), period.label)


MONTH_NUMBERS = {"March": "03", "December": "12", "September": "09", "April": "04"}


@pytest.mark.parametrize("day,month", [("31", "December"), ("30", "September"), ("1", "April")])
@pytest.mark.parametrize("year", ["2023", "2021"])
@pytest.mark.parametrize("at", ["at", "as at", "as of"])
def test_a_day_a_question_names_is_that_day(day, month, year, at):
    question = f"How many digital devices were awaiting examination {at} {day} {month} {year}?"
    iso = f"{year}-{MONTH_NUMBERS[month]}-{int(day):02d}"
    assert _period(question) == (iso, iso, f"{day} {month} {year}")
    [topic] = map_question(question).topics
    assert (topic.period_start, topic.period_end) == (iso, iso)


@pytest.mark.parametrize(
    "years,first,last",
    [
        ("in each of 2022, 2023 and 2024", "2022", "2024"),
        ("in each year from 2021 to 2024", "2021", "2024"),
        ("2019, 2020 and 2021", "2019", "2021"),
    ],
)
@pytest.mark.parametrize("day,month", [("31", "March"), ("30", "September")])
@pytest.mark.parametrize("at", ["at", "as at"])
def test_whole_years_asked_on_a_day_run_from_that_day_to_that_day(
    years, first, last, day, month, at
):
    question = f"How many knife wands did the force hold {at} {day} {month} {years}?"
    month_day = f"{MONTH_NUMBERS[month]}-{day}"
    start, end, label = _period(question)
    assert (start, end) == (f"{first}-{month_day}", f"{last}-{month_day}")
    assert label.startswith(f"{day} {month} each year, ")


@pytest.mark.parametrize(
    "end_words,day",
    [
        ("at the end of each financial year", "03-31"),
        ("at the end of each year", "03-31"),
        ("as at 31 March, the end of each financial year,", "03-31"),
    ],
)
@pytest.mark.parametrize(
    "span,first,last", [("2019/20 to 2022/23", 2020, 2023), ("2017/18 to 2018/19", 2018, 2019)]
)
def test_the_end_of_each_financial_year_is_its_31_march(end_words, day, span, first, last):
    question = f"How many devices were awaiting examination {end_words} from {span}?"
    start, end, _ = _period(question)
    assert (start, end) == (f"{first}-{day}", f"{last}-{day}")


@pytest.mark.parametrize(
    "span,first,last", [("2020 to 2023", "2020", "2023"), ("2017 to 2019", "2017", "2019")]
)
def test_the_end_of_each_calendar_year_is_its_31_december(span, first, last):
    question = f"How many devices were awaiting examination at the end of each year from {span}?"
    assert _period(question)[:2] == (f"{first}-12-31", f"{last}-12-31")


def test_a_day_within_each_financial_year_falls_in_its_first_calendar_year():
    question = "How many knife wands were held as at 30 September in each year 2019/20 to 2021/22?"
    assert _period(question)[:2] == ("2019-09-30", "2021-09-30")


@pytest.mark.parametrize(
    "question,span",
    [
        # the end of financial years asked over calendar years: which 31 March is not sure
        (
            "How many wands were held at the end of each financial year from 2020 to 2023?",
            ("2020-01-01", "2023-12-31"),
        ),
        # two different days
        (
            "How many wands were held at 31 March and at 30 June in each year from 2020 to 2023?",
            ("2020-01-01", "2023-12-31"),
        ),
        # a day not in every year
        (
            "How many wands were held at 29 February in each year from 2020 to 2023?",
            ("2020-01-01", "2023-12-31"),
        ),
        # a count over the years, with no day
        (
            "How many times were wands used in each year from 2020 to 2023?",
            ("2020-01-01", "2023-12-31"),
        ),
    ],
)
def test_where_the_day_is_not_sure_the_years_stay(question, span):
    assert _period(question)[:2] == span


def test_a_day_with_no_year_and_no_years_names_no_period():
    assert _period("How many knife wands were held at 31 March?") is None


def test_a_sentence_naming_its_year_and_a_day_is_that_day():
    assert _period("In 2023, the force held 40 knife wands as at 31 March.") == (
        "2023-03-31",
        "2023-03-31",
        "31 March 2023",
    )


LETTER = """Our ref: 0913/25
Date: 3 March 2025
Dear Requester,
You asked:
1. How many knife wands did the force hold at {day} {month} in each year from {first} to {last}?
Response
1. Please see below.
Year | Knife wands
{first} | 40
{last} | 44
Yours sincerely
The FOI Unit
"""


@pytest.mark.parametrize("day,month", [("31", "March"), ("30", "September")])
@pytest.mark.parametrize("first,last", [("2021", "2023"), ("2019", "2022")])
def test_the_draft_shows_the_questions_day(tmp_path: Path, day, month, first, last):
    path = tmp_path / "held.txt"
    path.write_text(LETTER.format(day=day, month=month, first=first, last=last), encoding="utf-8")
    draft = drafting.draft_yaml(drafting.read(path)).replace("\n        ", " ")
    month_day = f"{MONTH_NUMBERS[month]}-{day}"
    assert (
        f"period: {{start: '{first}-{month_day}', end: '{last}-{month_day}', "
        f"label: '{day} {month} each year, {first} to {last}'}}"
    ) in draft
