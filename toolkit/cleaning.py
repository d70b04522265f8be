"""Numbers, periods, qualifiers and ids: cleaned the same way for every force."""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Final

from .layouts.literals import lowered, may_match, words_of

NUMBER: Final = re.compile(r"^\d{1,3}(?:[,\s]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
SEPARATORS: Final = re.compile(r"[,\s]")  # of thousands, within a NUMBER


def parse_number(raw: str) -> float:
    """'21,790' -> 21790.0; '93%' -> 93.0. Raises ValueError for anything else."""
    cleaned = raw.strip().rstrip("%").strip()
    if cleaned.isdecimal():  # digits alone, as most figures are: what NUMBER's second form reads
        return float(cleaned)
    if not NUMBER.match(cleaned):
        raise ValueError(f"not a number: {raw!r}")
    return float(SEPARATORS.sub("", cleaned))


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


THOUSANDS_SEPARATOR: Final = re.compile(r"(?<=\d)[,\u00a0 ](?=\d{3}\b)")
# Where THOUSANDS_SEPARATOR finds a separator, written for a regex engine without lookaround
# (polars'): a quote without one states its numbers as runs of digits.
GROUPED_DIGITS: Final = r"\d[,\u00a0 ]\d{3}\b"


# A scale the sums beside it are written in: "Spend (£000s)", "(£'000)", "(£k)", "£m",
# "£ thousands", "(000s)", "in thousands of pounds". A "£" or brackets must stand before the
# scale, so that a word's "k" or "m" or a number's "000" is no scale.
SCALE_IN_DIGITS: Final = r"£\s?'?000'?s?(?![\w'])|\(\s?'?000'?s?\s?\)"  # the audit's too
SCALE: Final = re.compile(
    SCALE_IN_DIGITS + r"|£\s?(?:k|m|mn|bn|thousands?|millions?|billions?)(?![\w'])"
    r"|\b(?:thousands|millions) of pounds\b",
    re.I,
)


def scale_of(words: str) -> float:
    """The number a scale's words (SCALE) multiply a sum by: thousands, millions, billions."""
    lowered_words = words.lower()
    if "b" in lowered_words:
        return 1e9
    if "m" in lowered_words and "000" not in lowered_words:
        return 1e6
    return 1e3


def find_scale(words: str) -> re.Match | None:
    """The scale (SCALE) the words name, if any; most name none, which the characters every
    scale holds tell at once."""
    if "£" in words or "000" in words or "pounds" in words:
        return SCALE.search(words)
    return None


def caveat_scale(caveat: str | None) -> float | None:
    """The scale a sum's caveat says its quote writes it in ("Spend (£000s)": 1,000), or None
    where the caveat names none: the figure's value is in pounds, its quote as the force wrote
    it ("2022 | 1,250" for £1,250,000)."""
    found = find_scale(caveat) if caveat else None
    return scale_of(found.group(0)) if found else None


def in_scale(value: float, scale: float) -> float:
    """A value in pounds as a scale writes it: £1,250,000 in £000s is 1250, £1,600,000 in £m 1.6
    (rounded off where the division leaves a float's last digits)."""
    return round(value / scale, 9)


def quote_contains(quote: str, value: float, scale: float | None = None) -> bool:
    """Whether the quote states the value as a whole number: '21,790' holds 21790, '121' not 21;
    given a `scale` (a sum's, `caveat_scale`), the value in that scale will do: '1,250' holds
    £1,250,000 in £000s.

    The number must stand alone: no digit or '.' before it, no digit or decimal part after.
    (Searched with str.find, not a regex built per value: compiling one per figure was most
    of the validation's time on a large corpus.)"""
    digits = THOUSANDS_SEPARATOR.sub("", quote)
    if _holds(digits, number_text(value)):
        return True
    return scale is not None and _holds(digits, number_text(in_scale(value, scale)))


def _holds(digits: str, needle: str) -> bool:
    start = digits.find(needle)
    while start >= 0:
        end = start + len(needle)
        alone_before = start == 0 or not (digits[start - 1].isdecimal() or digits[start - 1] == ".")
        alone_after = end == len(digits) or not (
            digits[end].isdecimal()
            or (digits[end] == "." and end + 1 < len(digits) and digits[end + 1].isdecimal())
        )
        if alone_before and alone_after:
            return True
        start = digits.find(needle, start + 1)
    return False


@dataclass(frozen=True)
class Period:
    """A span of days, both ends included; `end` is None while it runs on ('since 2019')."""

    start: date
    end: date | None
    label: str


def iso_days(period: Period | None) -> tuple[str | None, str | None]:
    """A period's first and last days as a row gives them (ISO), None for a day it lacks: no
    period at all, or an end while it runs on."""
    if period is None:
        return None, None
    return _iso(period.start), _iso(period.end) if period.end else None


# Every figure's period is written out, nearly always one of a few years' days; date.isoformat
# formats with printf, ten times a lookup's cost.
@lru_cache(maxsize=4096)
def _iso(day: date) -> str:
    return day.isoformat()


def span_label(start: str, end: str) -> str:
    """A period's label from its ISO days, where nothing names it: '2021' for a calendar
    year, else '2021-04-01 to 2022-03-31'."""
    if start[:4] == end[:4] and start[5:] == "01-01" and end[5:] == "12-31":
        return start[:4]
    return f"{start} to {end}"


# A period is read for every figure, nearly always one of a few years: each is made once.
@lru_cache(maxsize=1024)
def calendar_year(year: int | str, label: str | None = None) -> Period:
    year = int(year)
    return Period(date(year, 1, 1), date(year, 12, 31), label or str(year))


@lru_cache(maxsize=1024)
def first_half(year: int | str, label: str | None = None) -> Period:
    year = int(year)
    return Period(date(year, 1, 1), date(year, 6, 30), label or f"{year} (first half)")


@lru_cache(maxsize=1024)
def years(first: int | str, last: int | str, label: str | None = None) -> Period:
    return Period(date(int(first), 1, 1), date(int(last), 12, 31), label or f"{first}-{last}")


# Words just before a number that make it an estimate: "about 1,900", "an estimated 2,300",
# "c. 40". The figures' reading lets them stand before a number that is a whole answer.
ESTIMATE_BEFORE: Final = r"approx(?:imately|\.)?|around|about|roughly|c\.|(?:an\s+)?estimated"
QUALIFIER_WORDS: Final = (
    ("planned", re.compile(r"\bwill (?:increase|rise|grow)\b|\bplanned\b|\bexpected to\b", re.I)),
    (
        "approximate",
        # "about" and "c." only before a number that is not a year: "a question about 2023"
        re.compile(
            r"\bapprox(?:imate(?:ly)?|\.)?\b|\baround\b|\broughly\b|\bestimate[ds]?\b"
            rf"|\b(?:{ESTIMATE_BEFORE})\s*(?!(?:19|20)\d\d\b)\d",
            re.I,
        ),
    ),
    # Before "partial_coverage": "provisional and not complete" is first a figure still to be
    # revised, which a user filters apart as they filter estimates.
    ("provisional", re.compile(r"\bprovisional(?:ly)?\b|\bsubject to (?:change|revision)\b", re.I)),
    (
        "partial_coverage",
        re.compile(
            r"\bnot complete\b|\bincomplete\b|\bpartial\b|\b(?:full|complete) data(?: set)? (?:is "
            r")?not available\b",
            re.I,
        ),
    ),
)


def infer_qualifier(*passages: str | None) -> str:
    """What a force's own words say about a figure: planned, approximate, provisional, partial or
    exact."""
    text = " ".join([p for p in passages if p])
    lower = lowered(text)
    for name, pattern in QUALIFIER_WORDS:
        if may_match(words_of(pattern), lower) and pattern.search(text):
            return name
    return "exact"


def stable_id(*parts) -> str:
    # A row's id is made from a few strings, for every row read: str() only where needed.
    joined = "\x1f".join(
        [part if type(part) is str else "" if part is None else str(part) for part in parts]
    )
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:20]
