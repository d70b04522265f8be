"""Dates as police responses write them, read to ISO: '14 April 2022', '14th April 2022',
'January 22, 2026', '16/02/26', '2022-04-14', and a page address's month ('march-2022',
'2026/january', Welsh month names too). Anything else is None, never a guess."""

import re
from datetime import date
from typing import Final

MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "ionawr"),
            ("february", "feb", "chwefror"),
            ("march", "mar", "mawrth"),
            ("april", "apr", "ebrill"),
            ("may", "mai"),
            ("june", "jun", "mehefin"),
            ("july", "jul", "gorffennaf"),
            ("august", "aug", "awst"),
            ("september", "sep", "sept", "medi"),
            ("october", "oct", "hydref"),
            ("november", "nov", "tachwedd"),
            ("december", "dec", "rhagfyr"),
        ),
        start=1,
    )
    for name in names
}


def alternation(patterns) -> str:
    """The alternation of case-insensitive `patterns`, the longest first, grouped by their
    first letter: the same matches as `a|b|c`, but the engine tries only the group of the
    letter it stands on (twice as fast over a long text). Patterns that do not each start
    with a letter or digit, unrepeated, are joined as they are."""
    ordered = sorted(patterns, key=len, reverse=True)
    if not all(p[:1].isalnum() and p[1:2] not in ("*", "+", "?", "{") for p in ordered):
        return "|".join(ordered)
    groups: dict[str, list[str]] = {}
    for pattern in ordered:
        groups.setdefault(pattern[0].lower(), []).append(pattern[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


MONTH_NAMES: Final = alternation(MONTHS)
ORDINAL: Final = r"(?:st|nd|rd|th)?"
DAY_MONTH_YEAR: Final = re.compile(
    rf"\b(?P<day>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?(?P<month>{MONTH_NAMES})\.?,?\s+(?P<year>\d{{4}})\b",
    re.I,
)
MONTH_DAY_YEAR: Final = re.compile(
    rf"\b(?P<month>{MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}}){ORDINAL},?\s+(?P<year>\d{{4}})\b", re.I
)
NUMERIC: Final = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b")
ISO: Final = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
MONTH_YEAR: Final = re.compile(
    rf"\b(?:(?P<month>{MONTH_NAMES})[-\s/]+(?P<year>\d{{4}})|(?P<year2>\d{{4}})[-\s/]+(?P<month2>{MONTH_NAMES}))\b",
    re.I,
)
DATE_PATTERNS: Final = (ISO, DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC)


def _date(year: str, month: str, day: str) -> date | None:
    number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    try:
        return date(full_year, number, int(day)) if number else None
    except ValueError:
        return None


def find_date(text: str) -> tuple[date, re.Match] | None:
    """The first date written in `text`, with the match that states it (UK day-first order)."""
    found = [(m.start(), m) for pattern in DATE_PATTERNS for m in [pattern.search(text)] if m]
    for _, match in sorted(found, key=lambda pair: pair[0]):
        parsed = _date(match["year"], match["month"], match["day"])
        if parsed:
            return parsed, match
    return None


def parse_date(text: str | None) -> str | None:
    """The ISO date `text` states, or None."""
    found = find_date(text) if text else None
    return found[0].isoformat() if found else None


def parse_month(text: str | None) -> str | None:
    """'march-2022' or '2026/ionawr' -> '2022-03', '2026-01'; None if no month and year."""
    match = MONTH_YEAR.search(text or "")
    if not match:
        return None
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    return f"{match['year'] or match['year2']}-{month:02d}"
