"""The declarative pieces a force adapter is made of, each written with keyword arguments.

A `Figures` rule is a pattern whose named groups hold numbers; each group maps to a `Measure`.
An `Outcome` rule is a passage of the document (the evidence, quoted) that records what the
response did with a question topic: its status is read from the force's words unless the
rule gives one, and the sections of the Act it cites are always read from the text. A
`Section` narrows where a rule looks. An `Ignore` rule names a passage whose numbers are not
figures, and says why (the audit reports it). A `RuleSet` holds the rules for one kind of
response, chosen by the questions the request asks.

Patterns describe how a force writes (a year, a bar, a number; "do not hold"), never one
letter's sentence word for word: a rule that quotes a sentence reads only that letter.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from . import cleaning
from .cleaning import Period
from .layouts.literals import Searchable


@lru_cache(maxsize=4096)  # every adapter's rules and the audit's common ones
def compiled(pattern: str) -> re.Pattern:
    """A rule's pattern as every rule is read: `^` and `$` at each line's start and end."""
    return re.compile(pattern, re.M)


@lru_cache(maxsize=1024)
def _asking(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


@dataclass(frozen=True, kw_only=True)
class RuleSet:
    """The rules for one kind of response, used for a document whose request asks about
    every one of `asks` (patterns, each found in one of its questions): a force answering
    several requests may hold a rule set for each, and claims no other document."""

    asks: tuple[str, ...] = ()
    figures: tuple["Figures", ...] = ()
    outcomes: tuple["Outcome", ...] = ()
    ignored: tuple["Ignore", ...] = ()
    # Publish the general reading for the topics these rules do not cover; off where the rules
    # cover every topic of the request, so that nothing else is taken for a figure.
    reading: bool = True

    def fits(self, questions: list[str]) -> bool:
        return all(any(_asking(ask).search(q) for q in questions) for ask in self.asks)


@dataclass(frozen=True)
class Measure:
    measure: str
    breakdown: str = "none"
    breakdown_value: str | None = None
    unit: str = "count"


@dataclass(frozen=True, kw_only=True)
class Section:
    """The text after the first match of `after` and before the next match of `before`.
    `after` may be several patterns, each found after the one before it (a heading, then a
    question under it)."""

    after: str | tuple[str, ...]
    before: str | None = None

    def within(self, text: Searchable) -> tuple[int, int] | None:
        at = 0
        for after in _expand(self.after):
            start = text.search(compiled(after), at)
            if start is None:
                return None
            at = start.end()
        end = text.search(compiled(self.before), at) if self.before else None
        return at, end.start() if end else len(text.text)


@dataclass(frozen=True)
class Year:
    """A calendar year, from the pattern's `year` group; `label` may name other groups."""

    label: str = "{year}"

    def resolve(self, groups: Mapping[str, str], response_year: int | None) -> Period:
        return cleaning.calendar_year(groups["year"], self.label.format_map(groups))


@dataclass(frozen=True)
class FirstHalf(Year):
    def resolve(self, groups, response_year):
        return cleaning.first_half(groups["year"], self.label.format_map(groups))


@dataclass(frozen=True)
class Years(Year):
    """A span of years, from the groups `first` and `last`."""

    label: str = "{first}-{last}"

    def resolve(self, groups, response_year):
        return cleaning.years(groups["first"], groups["last"], self.label.format_map(groups))


@dataclass(frozen=True)
class ResponseYear(Year):
    """'Now', as the response says it: the year the response was written."""

    label: str = "at the time of the response"

    def resolve(self, groups, response_year):
        return cleaning.calendar_year(response_year, f"{self.label} ({response_year})")


def _expand(value) -> tuple:
    return value if isinstance(value, tuple) else (value,)


@dataclass(frozen=True, kw_only=True)
class Figures:
    """Every match of `pattern` gives one observation per group named in `values`.

    The quote is the matched passage. A `caveat` group in the pattern is the force's caveat;
    the qualifier is read from the force's own words unless given.
    """

    what: str
    technology: str
    pattern: str
    values: Mapping[str, Measure]
    period: Year = Year()
    within: Section | None = None
    qualifier: str | None = None
    caveat: str | None = None  # a pattern: the passage it finds is the caveat of every figure
    at_least: int = 1


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """What the response did with one or more question topics, shown by a quoted passage.

    Without a `status`, the status is read from the evidence and reason in the force's own
    words (schemas/phrases.yaml); give one only where the words alone do not say it (a
    question restated above its figures is a disclosure)."""

    what: str
    evidence: str
    technology: str | tuple[str, ...]
    measure: str | tuple[str, ...]
    breakdown: str | tuple[str, ...] = "none"
    status: str | None = None
    reason: str | None = None  # a pattern; without one, the evidence is the reason
    period: Year | None = None
    within: Section | None = None

    def topics(self):
        return product(_expand(self.technology), _expand(self.measure), _expand(self.breakdown))


@dataclass(frozen=True, kw_only=True)
class Ignore:
    """Numbers in passages matching `pattern` are deliberately not figures, for `reason`.

    The reason is shown by `multiforce audit`, so it should say what the number is
    ("the section 12 cost limit, in hours"), not just that it does not matter.
    """

    pattern: str
    reason: str

    def passages(self, text: str):
        """(start, end) of every passage the rule covers."""
        for match in compiled(self.pattern).finditer(text):
            if match.end() > match.start():
                yield match.start(), match.end()
