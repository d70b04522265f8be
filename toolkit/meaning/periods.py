"""Periods as requests and answers write them: years, spans of years, financial years
('2019/20' = 2019-04-01..2020-03-31), months and month ranges, 'since 2018', and dates ('as at
5 February 2020', a day). `period_named` reads a label that is only a period (a table's cell);
`period_in` finds the period a sentence asks about.

Two years in a row joined by a dash or "to" ("2019-2020") are written for two calendar years
and for a financial year alike: `two_years` tells such a label, and `years_said` what the words
around it say they are ("financial year", "calendar years", "April 2019 to March 2020")."""

import calendar
import re
from datetime import date
from functools import lru_cache
from typing import Final

from ..cleaning import Period, calendar_year, years
from ..layouts.dates import MONTH_NAMES, MONTHS, find_date

YEAR: Final = r"(?:19|20)\d\d"
# '2019/20', '2019/2020', '2019-20'; '2019-2020' is a span of two calendar years.
FINANCIAL: Final = re.compile(
    rf"\b(?P<first>{YEAR})(?:\s*/\s*(?P<second>\d\d(?:\d\d)?)|-(?P<short>\d\d))\b(?![-/]?\d)"
)
MONTH_SPAN: Final = re.compile(
    rf"\b(?P<m1>{MONTH_NAMES})\.?(?:\s+(?P<y1>{YEAR}))?\s*"
    rf"(?:-|–|—|to|and(?: the end of)?|until|through)\s*(?:the end of\s+)?"
    rf"(?P<m2>{MONTH_NAMES})\.?\s+(?P<y2>{YEAR})\b",
    re.I,
)
MONTH: Final = re.compile(rf"\b(?P<m>{MONTH_NAMES})\.?,?\s+(?P<y>{YEAR})\b", re.I)
YEAR_SPAN: Final = re.compile(
    rf"\b(?P<first>{YEAR})\s*(?:-|–|—|to|and|until|through)\s*(?P<last>{YEAR})\b(?![-–—/]\d)",
    re.I,
)
# "2022, 2023 and 2024": the years from the first to the last; not where a year at either end
# is one end of a span ("2019-2020 and 2021", "2018 and 2019/20"), which the list would cut.
YEAR_LIST: Final = re.compile(
    rf"(?<![-–—/])(?<![-–—/]\s)(?<!\bto\s)\b{YEAR}(?:\s*,\s*{YEAR})*\s*,?\s*(?:and|&)\s*{YEAR}\b"
    r"(?!\s*[-–—/]\s*\d|\s+to\s+\d)",
    re.I,
)
# A year the text names, as a word of its own ("2021", not "12021" or a reference's "20210").
NAMED_YEAR: Final = re.compile(rf"(?<!\d){YEAR}(?!\d)")
# Two years in a row, as forces write both a financial year and two calendar years.
TWO_YEARS: Final = re.compile(
    rf"(?<!\d)(?P<first>{YEAR})\s*(?:-|–|—|to)\s*(?P<last>{YEAR})(?!\d)", re.I
)
APRIL_TO_MARCH: Final = rf"\bApril\s+(?:{YEAR}\s*)?(?:-|–|—|to|until)\s*(?:the end of\s+)?March\b"
JANUARY_TO_DECEMBER: Final = (
    rf"\bJanuary\s+(?:{YEAR}\s*)?(?:-|–|—|to|until)\s*(?:the end of\s+)?December\b"
)
FINANCIAL_WORDS: Final = re.compile(
    rf"\b(?:financial|fiscal)\s+years?\b|\bFY\b|{APRIL_TO_MARCH}", re.I
)
CALENDAR_WORDS: Final = re.compile(rf"\bcalendar\s+years?\b|{JANUARY_TO_DECEMBER}", re.I)
SINCE: Final = re.compile(
    rf"\b(?:since|from)\s+(?:(?P<m>{MONTH_NAMES})\s+)?(?P<y>{YEAR})\b(?!\s*(?:-|–|to|and|/))", re.I
)
SINGLE_YEAR: Final = re.compile(rf"(?<![\d/£$.,])\b(?P<y>{YEAR})\b(?![\d/]|\s*[-–]\s*\d)")
# "as at 5 February 2020", "on 1 April 2023", "at 31 December 2023": the day of a date after it;
# "at" alone only just before the date's day, as "at" stands before many other words
AS_AT: Final = re.compile(r"\b(?:as (?:at|of)|on|at(?=\s+\d{1,2}(?:st|nd|rd|th)?\s))\s+", re.I)
# A day of the year taken each year ("as at 31 March", "at 31 March 2022, 2023 and 2024"), or the
# end of each year ("at the end of each financial year"): what stands on a day is asked on it
DAY_EACH_YEAR: Final = re.compile(
    rf"\b(?:as (?:at|of)|at)\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<month>{MONTH_NAMES})\b\.?(?:,?\s+(?P<year>{YEAR})\b(?![-/]\d))?"
    r"|\b(?:as )?at\s+the\s+end\s+of\s+(?:each|every|the)\s+"
    r"(?P<kind>financial\s+|fiscal\s+|calendar\s+)?year\b",
    re.I,
)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def financial_year(first: int, label: str | None = None) -> Period:
    """The UK financial year starting in April of `first`: 2019 -> 2019-04-01..2020-03-31."""
    return Period(
        date(first, 4, 1), date(first + 1, 3, 31), label or f"{first}/{str(first + 1)[2:]}"
    )


def _financial(match: re.Match) -> Period | None:
    first, second = int(match["first"]), match["second"] or match["short"]
    following = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    return financial_year(first, match.group(0)) if following == first + 1 else None


@lru_cache(maxsize=1024)  # a table's labels recur
def two_years(label: str) -> int | None:
    """The first year of a label that is two years in a row joined by a dash or "to"
    ("2019-2020", "2019 to 2020"): a financial year or two calendar years. None for any other."""
    match = TWO_YEARS.fullmatch(label.strip())
    if match is None or int(match["last"]) != int(match["first"]) + 1:
        return None
    return int(match["first"])


def years_said(text: str) -> str | None:
    """What `text` says its years are, "financial" or "calendar"; None where it says neither,
    or both."""
    financial = bool(FINANCIAL_WORDS.search(text))
    calendar = bool(CALENDAR_WORDS.search(text))
    if financial == calendar:
        return None
    return "financial" if financial else "calendar"


def two_years_read(first: int, label: str, said: str | None) -> Period | None:
    """Two years in a row (`two_years`) as `said` (`years_said`) they are; None when not said."""
    if said == "financial":
        return financial_year(first, label)
    if said == "calendar":
        return years(first, first + 1, label)
    return None


def _month_span(match: re.Match) -> Period:
    y2 = int(match["y2"])
    m1, m2 = _month(match["m1"]), _month(match["m2"])
    y1 = int(match["y1"]) if match["y1"] else (y2 if m1 <= m2 else y2 - 1)
    return Period(date(y1, m1, 1), month_end(y2, m2), match.group(0))


@lru_cache(maxsize=4096)  # a table's periods and values recur
def period_named(label: str) -> Period | None:
    """The period a short label names, or None when the label is not only a period:
    '2018', '2019/20', '2019-2020', 'April 2019', 'April - June 2020', '5 February 2020'.
    Two years in a row ('2019-2020') are given as calendar years: a reader of figures settles
    which they are from the words around them (`two_years`, `years_said`)."""
    text = label.strip().strip("•*-–: ").strip()
    for pattern, read in (
        (MONTH_SPAN, _month_span),
        (FINANCIAL, _financial),
        (YEAR_SPAN, lambda m: years(m["first"], m["last"], m.group(0))),
    ):
        match = pattern.fullmatch(text)
        if match:
            return read(match)
    match = MONTH.fullmatch(text)
    if match:
        year, month = int(match["y"]), _month(match["m"])
        return Period(date(year, month, 1), month_end(year, month), match.group(0))
    if re.fullmatch(YEAR, text):
        return calendar_year(text)
    found = find_date(text)
    if found and found[1].group(0) == text:
        return Period(found[0], found[0], text)
    return None


@lru_cache(maxsize=4096)  # a campaign's questions recur in every force's answer
def period_in(text: str) -> Period | None:
    """The period a question or sentence asks about: a month range, a span of years, a
    financial year, 'since 2018' (end None), a day ('as at ...'), a month or one year. None
    when it names none, names two different single years without a span, names two years
    in a row (`two_years`) without saying whether they are calendar or financial years, or
    names a year outside the period it found ("2015 to 2019 and 2021"): one period would cut
    what the text asks."""
    period = _first_period_in(text)
    if period is None or period.end is None:
        return period
    first, last = period.start.year, period.end.year
    if any(not first <= int(year) <= last for year in NAMED_YEAR.findall(text)):
        return None
    return _on_its_day(text, period) if period.start != period.end else period


def _on_its_day(text: str, period: Period) -> Period:
    """Whole years (calendar or financial) asked on one day of each (`DAY_EACH_YEAR`: "as at 31
    March in each year from 2022 to 2024"): from that day in the first year to that day in the
    last; the years themselves where the text names no such day, or more than one, or where
    which day is not sure ("at the end of each financial year from 2020 to 2023": the years are
    calendar ones)."""
    days = {_each_year_day(found, period) for found in DAY_EACH_YEAR.finditer(text)}
    if len(days) != 1:
        return period
    [day] = days
    end = period.end
    if day is None or end is None:
        return period
    month, number, written = day
    first = date(period.start.year, month, number)
    if first < period.start:
        first = date(period.start.year + 1, month, number)
    last = date(end.year, month, number)
    if last > end:
        last = date(end.year - 1, month, number)
    if first == last:
        return Period(first, first, f"{written} {first.year}")
    return Period(first, last, f"{written} each year, {period.label}")


def _each_year_day(found: re.Match, period: Period) -> tuple[int, int, str] | None:
    """The month, day and words of a day `found` names in each year of `period`, None where
    the period is not whole years or the day is not sure."""
    end = period.end
    if end is None or (period.start.month, period.start.day) not in ((1, 1), (4, 1)):
        return None
    whole = (end.month, end.day) == ((12, 31) if period.start.month == 1 else (3, 31))
    if not whole:
        return None
    if found["month"] is None:  # the end of each year: of the years the period is
        financial = period.start.month == 4
        said = (found["kind"] or "").strip().lower()
        if said and (said == "calendar") == financial:
            return None
        return (3, 31, "31 March") if financial else (12, 31, "31 December")
    month, number = _month(found["month"]), int(found["day"])
    if month == 2 and number == 29 or number > calendar.monthrange(2001, month)[1]:
        return None  # no such day in every year
    if found["year"] and not period.start.year <= int(found["year"]) <= end.year:
        return None
    return month, number, f"{number} {found['month'].capitalize()}"


def _first_period_in(text: str) -> Period | None:
    match = MONTH_SPAN.search(text)
    if match:
        return _month_span(match)
    match = YEAR_LIST.search(text)
    if match:
        listed = sorted(re.findall(YEAR, match.group(0)))
        return years(listed[0], listed[-1], match.group(0))
    match = YEAR_SPAN.search(text)
    if match:
        first_year = two_years(match.group(0))
        if first_year is not None:
            return two_years_read(first_year, match.group(0), years_said(text))
        return years(match["first"], match["last"], match.group(0))
    financial = [p for p in map(_financial, FINANCIAL.finditer(text)) if p]
    if financial:  # '2019/20 and 2020/21': from the first's start to the last's end
        first, last = min(financial, key=lambda p: p.start), max(financial, key=lambda p: p.start)
        label = first.label if first is last else f"{first.label} to {last.label}"
        return Period(first.start, last.end, label)
    match = SINCE.search(text)
    if match:
        month = _month(match["m"]) if match["m"] else 1
        return Period(date(int(match["y"]), month, 1), None, match.group(0))
    at = AS_AT.search(text)
    found = find_date(text[at.end() :]) if at else None
    if found:
        return Period(found[0], found[0], found[1].group(0))
    match = MONTH.search(text)
    if match:
        year, month = int(match["y"]), _month(match["m"])
        return Period(date(year, month, 1), month_end(year, month), match.group(0))
    single = {m["y"] for m in SINGLE_YEAR.finditer(text)}
    return calendar_year(single.pop()) if len(single) == 1 else None
