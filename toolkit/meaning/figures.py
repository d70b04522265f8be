"""Figures in the shapes forces write them, each with its period, qualifier, verbatim quote
and the topic of the question it answers:

- tables whose rows start with a period (`2018 | 8145`, or whitespace columns), one value
  column or several (the columns' headings tell their measure or breakdown value);
- tables with periods as columns (`| 2018 | 2019 |`), a row per measure or breakdown value;
- `2016 = 32` lines;
- sentences with one number and one period: "120 devices were deployed in 2018", "As at
  5 February 2020, 1345 devices currently await examination" (a date: a day's period);
- "Yes" / "No" answering a "do you use ..." question (unit yes_no);
- percentages (unit percent), only where the question asks for a share.

A number whose meaning is not sure (no period, no single topic, several numbers in one
sentence) is returned in `FigureReading.unsure` for a person, never as a figure. Years,
dates, references, question numbers, sections of the Act and addresses are not figures
(toolkit/audit.py's common patterns say which).
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from itertools import combinations
from typing import Final

from ...schemas.vocabulary import BREAKDOWNS, MEASURE_UNITS, OUTCOME_ONLY_MEASURES
from ..audit import COMMON
from ..cleaning import (
    ESTIMATE_BEFORE,
    Period,
    infer_qualifier,
    iso_days,
    parse_number,
    span_label,
)
from ..layouts.data import schema_yaml
from ..layouts.dates import MONTH_NAMES
from ..layouts.literals import lowered, may_match, words_of
from ..layouts.response import Response
from .periods import (
    TWO_YEARS,
    month_end,
    period_in,
    period_named,
    two_years,
    two_years_read,
    years_said,
)
from .questions import (
    QuestionTopics,
    Topic,
    at_a_date_measures,
    counted_nouns,
    named,
    named_where,
    yes_no_measures,
)
from .text import echoes, sentences

NUMBER: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SUPERSCRIPT_DIGITS: Final = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# What may not follow a number: a letter or digit (a superscript digit is a footnote's mark), a
# slash, or a decimal or thousands part.
NOT_AFTER_A_NUMBER: Final = rf"(?![^\W{SUPERSCRIPT_DIGITS}]|/|[.,]\d)"
VALUE: Final = re.compile(
    rf"(?<![\w.,/£$-])(?P<value>{NUMBER})(?P<percent>\s?%)?{NOT_AFTER_A_NUMBER}"
)
# A footnote's mark just after a number: "250*", "250 †", "250¹", "250 (1)", "250 [1]".
FOOTNOTE_MARK: Final = re.compile(
    rf"\s?(?:[*†‡§¶]+|[{SUPERSCRIPT_DIGITS}]+|\(\d{{1,2}}\)|\[\d{{1,2}}\])(?![\w{SUPERSCRIPT_DIGITS}])"
)
FOOTNOTE_STARTS: Final = frozenset(f"*†‡§¶([{SUPERSCRIPT_DIGITS}")
FOOTNOTED_CELL: Final = re.compile(rf"(?P<value>{NUMBER})(?P<mark>{FOOTNOTE_MARK.pattern})")
# A cell of a value with words around it: "over 30", "<5", "5+", "5 or fewer".
WORDED_CELL: Final = re.compile(rf"(?P<before>\D*?)(?P<value>{NUMBER})(?P<after>\D*)")
# A mark standing in a cell for a number not shown, and the words of a footnote saying so.
SUPPRESSION_MARK: Final = re.compile(r"\*{1,3}|[-–—†‡#~]")
SUPPRESSED: Final = re.compile(
    r"\bnot (?:been )?(?:shown|given|published|disclosed|provided|released|included)\b"
    r"|\bsuppress|\bwithh(?:eld|old)|\bredact|\b(?:fewer|less) than \d|\b(?:under|below) \d"
    r"|\bsmall numbers?\b",
    re.I,
)
# A table's cell holding a value, with its own words for it: before it ("approx. 500", "c. 40")
# or in brackets after it ("500 (approx.)", "1,400 (not complete)").
CELL_VALUE: Final = re.compile(
    rf"(?:(?:{ESTIMATE_BEFORE})\s*)?(?P<value>{NUMBER})(?P<percent>\s?%)?(?P<note>\s*\([^()]*\))?",
    re.I,
)
CELL_SPLIT: Final = re.compile(r"\s*\|\s*|\t+|\s{2,}")
WHITESPACE_CELL: Final = re.compile(r"\S+(?: \S+)*")  # a cell of a table aligned by spaces
WORD: Final = re.compile(r"\S+")
BLANK_CELL: Final = "a blank cell: which column each value stands in is not sure"
JOINED_HEADINGS: Final = "headings run together: which column each value stands in is not sure"
SEVERAL_MEASURES: Final = (
    "the heading names several measures: which one each value counts is not sure"
)
SEVERAL_VALUES: Final = (
    "the heading names several breakdown values: which one each value counts is not sure"
)
# Words that join a measure's words into one phrase in a heading ("Searches resulting in a
# match", "Matches from searches"), and those that list a breakdown's values ("Police and
# immigration"); "and" between two measures ("Searches and matches") heads two columns.
PHRASE_WORDS: Final = frozenset(
    "resulting resulted result leading led to in into a an the that which where with from of for"
    " by per following after giving gave returning returned producing".split()
)
LIST_WORDS: Final = frozenset({"and", "&", "or", "/", ","}) | PHRASE_WORDS
# The values of each breakdown that has a closed list ("police", "immigration"), as topic_for
# finds them: from a word's start.
BREAKDOWN_VALUES: Final = tuple(
    re.compile(rf"\b(?:{'|'.join(re.escape(v) for v in sorted(values))})", re.I)
    for values in BREAKDOWNS.values()
    if values
)
EQUALS: Final = re.compile(
    rf"^[\s•*·-]*(?P<period>.+?)\s*(?:=|:)\s*(?:(?:{ESTIMATE_BEFORE})\s*)?(?P<value>{NUMBER})(?P<percent>\s?%)?{NOT_AFTER_A_NUMBER}(?P<rest>.*)$"
)
# "2021 - 40": a period, a dash and its value; the last dash of the line parts them ("2019 -
# 2020 - 40"). A value that may be a period's own part ("2021 - 22", "2021 - 05", "1 January
# 2021 - 31 March 2021") is not read as one (`_period_goes_on`).
DASHED: Final = re.compile(
    rf"^[\s•*·-]*(?P<period>.+)(?:\s+[-–—]\s+|\s*[–—]\s*)(?:(?:{ESTIMATE_BEFORE})\s*)?(?P<value>{NUMBER})(?P<percent>\s?%)?{NOT_AFTER_A_NUMBER}(?P<rest>.*)$"
)
MONTH_AFTER: Final = re.compile(rf"\s*(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})\b", re.I)
# "Yes" or "No" as the answer: alone, before punctuation or before its sentence's subject ("No,
# we do not"), not "No" as a determiner ("No information is held", "No arches are owned").
YES_NO: Final = re.compile(
    r"^[\s•*-]*(?:(?:(?:Q|A)?\d+[a-z]?[.):-]?|answer:?|response:?)\s*)?(?P<answer>yes|no)"
    r"(?:\s*(?:[.,;:!–—-]|$)|\s+(?:we|the|this|our|it|they|i|there|these|those|all|not)\b)",
    re.I,
)
SHARE_MEASURES: Final = {"share_of_uses"}
DURATION: Final = re.compile(r"\s*(?:hours?|working days|days|weeks|months|years|minutes)\b", re.I)
# A number a sentence states as a count: "120 devices ...", "... searches was 8145".
# What the number counts: the two words after it ("120 devices", "6 knife arches").
COUNTED: Final = re.compile(r"\s+(?:additional |more |new )?[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?", re.I)
STATED: Final = re.compile(
    rf"\b(?:was|were|is|are|totall?ed|numbered|of|at|{ESTIMATE_BEFORE}|:)\s*$", re.I
)
# What may stand beside a number that is a whole answer: its list mark, a qualifier, a full stop.
ALONE: Final = re.compile(
    rf"\s*(?:(?:Q|Question\s*)?\(?\d{{1,2}}[a-z]?[.):-]\s*)?(?:(?:{ESTIMATE_BEFORE})\s*)?"
    r"[.;]?\s*",
    re.I,
)
CLAUSE_BREAK: Final = re.compile(r"\s+(?:and|but|however|while)\s+|[,;]", re.I)
# Numbers written as words, and the words that answer "how many" with none.
NUMBER_WORD: Final = re.compile(
    r"\b(?:zero|nil|none|no|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|hundred|thousand)\b",
    re.I,
)
# Words just before a number that make it a bound, not the figure: "fewer than 5", "over 30".
BOUND: Final = re.compile(
    r"(?:\b(?:fewer|less|more|greater|lower|higher)\s+than|\bat\s+(?:least|most)|\bup\s+to"
    r"|\b(?:over|under|below|above|exceeding|in\s+excess\s+of|maximum\s+of|minimum\s+of)"
    r"|[<>≤≥])\s*$",
    re.I,
)
# ... or just after it: "5 or fewer", "1,010 (at least)", "40+".
BOUND_AFTER: Final = re.compile(
    r"\s*(?:\+|\(?\s*(?:or (?:fewer|less|more|over|under|above|below)|at (?:least|most)"
    r"|or thereabouts)\b)",
    re.I,
)
# Words that make a number a running total, or a count over a span counted back from the
# letter's date, not a period's figure: "to date", "so far", "cumulative", "since the scanners
# were introduced", "in the last 12 months", "this year". Read in a sentence, a column's heading
# and a row's label.
RUNNING: Final = (
    r"\bto date\b|\b(?:so|thus) far\b|\bcumulative(?:ly)?\b|\brunning totals?\b"
    r"|\bsince (?:the|its|their|it|they|we|our|records began)\b"
    r"|\b(?:in|over|during|for|within) the (?:last|past|previous) (?:\w+ )?(?:days?|weeks?"
    r"|months?|years?)\b|\b(?:this|the current) (?:calendar |financial )?(?:year|month|quarter)\b"
)
RUNNING_HEADING: Final = re.compile(RUNNING, re.I)
# ... and in a sentence, a total to or from a day: "Up to 31 March 2024", "Since 1 May 2020".
RUNNING_TOTAL: Final = re.compile(
    r"(?P<day>\b(?:up to|by|since|until|till)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+"
    rf"\s+\d{{4}})|{RUNNING}",
    re.I,
)
RUNNING_TO_A_DAY: Final = "a running total to or from a day, not a period's figure"
RUNNING_FROM_THE_LETTER: Final = (
    "a running total, or a count over a span counted back from the letter's date ('to date', "
    "'in the last 12 months'), not a period's figure"
)
CALENDAR_OR_FINANCIAL: Final = "calendar or financial years?"
NOT_LINED_UP: Final = (
    "the row's cells do not line up with the heading row's periods: which period each value "
    "is of is not sure"
)
A_YEAR: Final = "a year where a value stands: a heading or a count?"
A_BOUND: Final = "a bound, not the figure"
# A column's heading or a row's label saying its values are the total of others beside them.
TOTAL: Final = re.compile(r"\btotal\b", re.I)
# What a note of the answer may say of a period's figures ("Figures for 2021/22 are estimates").
NOTED_QUALIFIERS: Final = frozenset({"approximate", "partial_coverage"})
MONEY_MEASURES: Final = {m for m, unit in MEASURE_UNITS.items() if unit == "gbp"}  # pence kept
# Words that make a plain number a rate or an average, not a count: "Match rate", "average".
RATE: Final = re.compile(
    r"\b(?:rates?|averages?|mean|ratio|proportion|percentage|per\s?cent)\b", re.I
)


def _not_a_periods_count(words: str, percent: bool, where: str) -> str | None:
    """Why the values a column's heading or a row's label (`where`) stands over are not a
    period's count: a rate or an average, or a running total; None when they may be."""
    if RATE.search(words) and not percent:
        return f"a rate or an average (its {where} says so), not a count"
    if RUNNING_HEADING.search(words):
        return f"a running total (its {where} says so), not a period's figure"
    return None


def _footnoted(mark: str) -> str:
    return f"a footnote mark ({mark.strip()}): what its footnote says of the figure"


@dataclass(frozen=True)
class Figure:
    """One figure: what it measures (from the question's topic), its period and its quote."""

    value: float
    unit: str
    period_start: str | None
    period_end: str | None
    period_label: str | None
    qualifier: str
    quote: str
    question: str | None = None
    technology: str | None = None
    measure: str | None = None
    breakdown: str = "none"
    breakdown_value: str | None = None


@dataclass(frozen=True)
class Unsure:
    """A number that may be a figure, left for a person, with why it was not read as one."""

    text: str
    quote: str
    reason: str
    question: str | None = None


@dataclass(frozen=True)
class FigureReading:
    figures: tuple[Figure, ...]
    unsure: tuple[Unsure, ...]
    # (question, footnote) where a footnote says the force does not show one of its numbers
    hidden: tuple[tuple[str | None, str], ...] = ()
    # (question, quote) of a number giving what the question asks, unsure for want of a period
    undated: tuple[tuple[str | None, str], ...] = ()


@cache
def _explaining() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rule.pattern, re.M) for _, rule in COMMON)


def _candidates(line: str) -> list[re.Match]:
    """The numbers of a line that may be figures (not years, dates, references...)."""
    found = [
        match
        for match in VALUE.finditer(line)
        if not DURATION.match(line, match.end()) and not period_named(match["value"])
    ]
    lower = lowered(line)
    for pattern in _explaining():
        if not found:
            break  # every number is explained: the other patterns need not be searched
        if not may_match(words_of(pattern), lower):
            continue
        for explained in pattern.finditer(line):
            if not found or explained.start() > found[-1].start():
                break  # past the last number left
            start, end = explained.span()
            if end > start:
                found = [m for m in found if not (start <= m.start() and m.end() <= end)]
    return found


def _value(text: str) -> float | None:
    try:
        return parse_number(text)
    except ValueError:
        return None


class _Reader:
    """Reads one answer's text for one question (its label and topics)."""

    def __init__(
        self,
        label: str | None,
        topics: tuple[Topic, ...],
        question_text: str,
        as_at: str | None,
        text: str = "",
    ):
        self.label, self.topics, self.question_text = label, topics, question_text
        self.as_at = as_at
        self.text = text  # the whole answer: what it says of its years
        self.years: str | None = None  # what the answer and question say their years are
        self.years_read = False
        self.footnotes: dict[str, str | None] = {}  # a mark's footnote saying it hides a number
        self.figures: list[Figure] = []
        self.unsure: list[Unsure] = []
        self.hidden: list[tuple[str | None, str]] = []
        self.undated: list[tuple[str | None, str]] = []
        self.used: set[int] = set()  # lines already read as part of a shape

    # -- which topic a number belongs to ---------------------------------------------------

    def topic_for(self, words: str, unit: str) -> tuple[Topic, str | None] | None:
        """The question's topic that a passage's words (a heading, a row label, the sentence)
        point to, with the breakdown value they name, or None when not exactly one."""
        topics = [t for t in self.topics if (unit == "percent") == (t.measure in SHARE_MEASURES)]
        technologies = {t.technology for t in topics}
        if len(technologies) > 1:  # a heading or label naming one of them ("Knife wand")
            chosen = technologies.intersection(named("technology", words))
            if chosen:
                topics = [t for t in topics if t.technology in chosen]
                technologies = chosen
        # a policy or a supplier is never a number's measure ("under the force's guidance")
        named_measures = set(named("measure", words)).difference(OUTCOME_ONLY_MEASURES)
        if named_measures:
            matching = [t for t in topics if t.measure in named_measures]
            if (
                not matching
                and unit != "percent"
                and len(technologies) == 1
                and len(named_measures) == 1
            ):
                # A measure the question did not ask about ('deployed' for 'owned'), of the one
                # technology it asks about.
                return Topic(technologies.pop(), named_measures.pop()), None
            topics = matching
        valued = []
        for topic in topics:
            allowed = BREAKDOWNS.get(topic.breakdown)
            if allowed:
                values = [v for v in allowed if re.search(rf"\b{re.escape(v)}", words, re.I)]
                if len(values) == 1:
                    valued.append((topic, values[0]))
        if len(valued) == 1:
            return valued[0]
        if _parts_named(words):
            return None  # a part whose value is not told ("45 searches were of children")
        totals = [t for t in topics if t.breakdown == "none"]
        return (totals[0], None) if len(totals) == 1 else None

    def add(
        self,
        value: str,
        unit: str,
        period: Period | None,
        quote: str,
        words: str,
        line: str,
        question_period: bool = False,
    ):
        """Record a figure, or an unsure number when its period or topic is not known.
        `question_period`: a sentence that names no period states the figure for the one
        period its question asks about (when the question names a whole one)."""
        number = _value(value)
        doubt = _two_measures_at_once(words) if number is not None else None
        # a period's label ("2022" beside "2021"), or a count that looks like one: not sure
        if unit == "count" and period_named(value):
            doubt = A_YEAR
        if doubt:
            self.unsure.append(Unsure(value, quote, doubt, self.label))
            return
        found = self.topic_for(words, unit) if number is not None else None
        if number is not None and number % 1 and unit == "count":
            if found is None or found[0].measure not in MONEY_MEASURES:
                reason = (
                    "a count with a fraction: a rate, an average, or a thousands separator "
                    "written as a point"
                )
                self.unsure.append(Unsure(value, quote, reason, self.label))
                return
        if period is not None:
            settled = self.settled(period)
            if settled is None:
                self.unsure.append(Unsure(value, quote, CALENDAR_OR_FINANCIAL, self.label))
                return
            period = settled
        if period is None and question_period and found:
            period = self.question_period(found[0])
        if number is None or period is None or found is None:
            if number is None:
                reason = "not a number"
            elif period is None:
                reason = "no period stated for it"
                if found is not None:
                    self.undated.append((self.label, quote))
            elif parts := _parts_named(words):
                reason = f"a part of the total ({', '.join(parts)}), not the total"
            else:
                reason = "the question's topics do not say which one it is"
            self.unsure.append(Unsure(value, quote, reason, self.label))
            return
        topic, breakdown_value = found
        self.figures.append(
            Figure(
                number,
                unit,
                *iso_days(period),
                period.label,
                infer_qualifier(line),
                quote,
                self.label,
                topic.technology,
                topic.measure,
                topic.breakdown if breakdown_value else "none",
                breakdown_value,
            )
        )

    def settled(self, period: Period) -> Period | None:
        """The period as the answer means it: two years in a row ("2019-2020") are a financial
        year or two calendar years as the question or the answer says, None where neither does."""
        first = two_years(period.label) if len(period.label) > len("2019-20") else None
        if first is None:
            return period
        if not self.years_read:
            self.years, self.years_read = years_said(f"{self.question_text}\n{self.text}"), True
        return two_years_read(first, period.label, self.years)

    def question_period(self, topic: Topic) -> Period | None:
        """The period a question asks about: the whole one it names, else, for a measure of
        how things stand asked with no period, the day (or page's month) of the answer."""
        if topic.period_start and topic.period_end:
            start, end = topic.period_start, topic.period_end
            label = topic.period_label or span_label(start, end)
            return Period(date.fromisoformat(start), date.fromisoformat(end), label)
        if topic.period_start is None and topic.measure in at_a_date_measures() and self.as_at:
            start, end = _as_at(self.as_at)
            label = f"at the response date ({self.as_at})"
            return Period(date.fromisoformat(start), date.fromisoformat(end), label)
        return None

    # -- shapes ----------------------------------------------------------------------------

    def tables(self, lines: list[str]) -> None:
        index = 0
        while index < len(lines):
            if len(_cells(lines[index])) < 2:
                index += 1
                continue
            end = index
            while end < len(lines) and len(_cells(lines[end])) >= 2:
                end += 1
            self.table(lines, index, end)
            index = end

    def table(self, lines: list[str], start: int, end: int) -> None:
        rows = [(i, _cells(lines[i])) for i in range(start, end)]
        # the figures the table gave: where each stands in self.figures, its column's heading
        # or row's label, and its value as written
        added: list[tuple[int, str, str]] = []
        across = False  # whether the table's periods are its columns
        header: list[str] = []
        heads: list[tuple[int, int]] = []  # where each heading stands, in a table aligned by spaces
        joined: list[tuple[int, int]] = []  # where headings run together that no position parts
        down = False  # whether a row has started with its period
        # a row of periods alone ("2021 | 2022") is a heading row that leaves out its corner,
        # unless it stands under headings or rows of periods down, as a row of its own
        for i, cells in rows:
            beside = ""  # a note beside the row, under no heading: "(provisional figure)"
            across_named = sum(period_named(c) is not None for c in cells[1:])
            if across_named >= 2 or (  # periods as columns
                not (down or header) and across_named == len(cells) - 1 and period_named(cells[0])
            ):
                header, heads, joined = cells, _heading_spans(lines[i]), []
                self.used.add(i)
                continue
            if header and _candidates(lines[i]):
                beneath_joined = bool(joined) and _beneath(lines[i], joined)
                placed = None if beneath_joined else _placed(lines[i], cells, header, heads)
                if placed is None:
                    self.used.add(i)
                    reason = JOINED_HEADINGS if beneath_joined else BLANK_CELL
                    for cell in cells[1:]:
                        valued = CELL_VALUE.fullmatch(cell)
                        if valued:
                            self.unsure.append(
                                Unsure(valued["value"], lines[i], reason, self.label)
                            )
                    continue
                beside = " ".join([c for c in cells[1:] if c not in placed])
                cells = placed
            if header and any(period_named(c) for c in header[1:]):
                across = True
                self.row_across(lines[i], cells, header, added)
                self.used.add(i)
                continue
            period = period_named(cells[0])
            if period is None:
                if not _candidates(lines[i]):  # a heading row: it names the columns below
                    header, heads, joined = _headings(lines[i], cells, lines[i + 1 : end])
                    self.used.add(i)
                continue
            self.used.add(i)
            down = True
            values = [c for c in cells[1:] if c]
            several = len(values) > 1
            # A heading row without the period column's heading names the value columns only.
            headings = [""] + header if len(header) == len(cells) - 1 else header
            for column, cell in enumerate(cells[1:], start=1):
                match = CELL_VALUE.fullmatch(cell)
                if not match:
                    self.unread_cell(cell, lines[i])
                    continue
                value = match["value"]
                heading = headings[column] if column < len(headings) else ""
                said = _not_a_periods_count(heading, bool(match["percent"]), "column")
                if said:
                    self.unsure.append(Unsure(value, lines[i], said, self.label))
                    continue
                if several and not heading:
                    self.unsure.append(
                        Unsure(value, lines[i], "a column without a heading", self.label)
                    )
                    continue
                doubt = _several_named(heading) if " " in heading else None
                if doubt:
                    self.unsure.append(Unsure(value, lines[i], doubt, self.label))
                    continue
                if self.doubt_in_cell(match, lines[i]):
                    continue
                if several and beside and infer_qualifier(beside) != "exact":
                    reason = "a note beside the row: which of its values it qualifies is not sure"
                    self.unsure.append(Unsure(value, lines[i], reason, self.label))
                    continue
                unit = "percent" if match["percent"] else "count"
                # the column's heading qualifies every figure under it ("Extractions (approx.)"),
                # a cell's own words its figure alone
                qualifying = f"{heading} {cell} {beside}"
                before = len(self.figures)
                self.add(value, unit, period, lines[i], heading or self.question_text, qualifying)
                if len(self.figures) > before and heading:
                    added.append((before, heading, value))
        if len(added) > 0:
            self.one_total(added, "row" if across else "column")

    def row_across(
        self, line: str, cells: list[str], header: list[str], added: list[tuple[int, str, str]]
    ) -> None:
        label = cells[0]
        lined_up = _across_headings(header, cells, "|" in line)
        if lined_up is None:
            for cell in cells[1:]:
                valued = CELL_VALUE.fullmatch(cell)
                if valued:
                    self.unsure.append(Unsure(valued["value"], line, NOT_LINED_UP, self.label))
            return
        header = lined_up
        several = _several_named(label) if " " in label else None  # "Searches and matches"
        several = several or _two_measures_at_once(header[0])  # the corner: what all count
        for column, cell in enumerate(cells[1:], start=1):
            match = CELL_VALUE.fullmatch(cell)
            heading = header[column] if column < len(header) else ""
            period = period_named(heading) if heading else None
            said = _not_a_periods_count(label, bool(match["percent"]), "row") if match else None
            doubt = said or several
            if match is None:
                self.unread_cell(cell, line)
            elif doubt:
                self.unsure.append(Unsure(match["value"], line, doubt, self.label))
            elif not self.doubt_in_cell(match, line):
                unit = "percent" if match["percent"] else "count"
                # the row's label and the column's heading qualify the cell, as its own words do
                qualifying = f"{label} {heading} {cell}"
                words = label or self.question_text
                before = len(self.figures)
                self.add(match["value"], unit, period, line, words, qualifying)
                if len(self.figures) > before and label:
                    added.append((before, label, match["value"]))

    def one_total(self, added: list[tuple[int, str, str]], where: str) -> None:
        """A measure a table gives once: where several columns (or rows, `where`) give the same
        measure of the same period, none is read as its total ("Kiosk extractions", "Lab
        extractions") unless exactly one's heading says it is the total, which is then read and
        the others left. A column whose heading names one part of a breakdown the question does
        not ask for ("Police matches" when matches are asked in total) is no total either."""
        by_measure: dict[tuple, list[tuple[int, str, str]]] = {}
        for index, heading, value in added:
            figure = self.figures[index]
            key = (
                figure.technology,
                figure.measure,
                figure.breakdown,
                figure.breakdown_value,
                figure.period_start,
                figure.period_end,
                figure.unit,
            )
            by_measure.setdefault(key, []).append((index, heading, value))
        left: dict[int, str] = {}
        for same in by_measure.values():
            if len({heading for _, heading, _ in same}) > 1:
                totals = [index for index, heading, _ in same if TOTAL.search(heading)]
                for index, _, _ in same:
                    if len(totals) != 1:
                        left[index] = f"several {where}s give one measure: which is the total?"
                    elif index != totals[0]:
                        left[index] = f"a part of the total another {where} gives"
                continue
            for index, heading, _ in same:
                figure = self.figures[index]
                part = _part_named(heading, figure.measure) if figure.breakdown == "none" else None
                if part and not TOTAL.search(heading):
                    breakdown, named_value = part
                    left[index] = (
                        f"a part ('{named_value}') of the measure, not its total: the question "
                        f"does not ask by {breakdown}"
                    )
        if not left:
            return
        for index, _, value in added:
            if index in left:
                figure = self.figures[index]
                self.unsure.append(Unsure(value, figure.quote, left[index], self.label))
        self.figures = [f for k, f in enumerate(self.figures) if k not in left]

    def doubt_in_cell(self, match: re.Match, line: str) -> bool:
        """Whether a table cell's note makes its value a bound ("30 (at least)") or marks it for
        a footnote ("250 (1)"): it is then left for a person."""
        note = match["note"]
        if note is None:
            return False
        if BOUND_AFTER.match(note):
            reason = A_BOUND
        elif FOOTNOTE_MARK.fullmatch(note):
            reason = _footnoted(note)
        else:
            return False
        self.unsure.append(Unsure(match["value"], line, reason, self.label))
        return True

    def unread_cell(self, cell: str, line: str) -> None:
        """A table's cell holding no plain value is listed for a person where it stands for
        one: a value with a footnote's mark ("250*", "250¹"), a bound ("over 30", "<5", "5+"),
        or a mark that a footnote of the answer says hides a number ("*" beside "* fewer than 5
        and not shown"). Words and blanks say nothing."""
        marked = FOOTNOTED_CELL.fullmatch(cell)
        if marked:
            reason = _footnoted(marked["mark"])
            self.unsure.append(Unsure(marked["value"], line, reason, self.label))
            return
        worded = WORDED_CELL.fullmatch(cell)
        if worded:
            before, after = worded["before"].lstrip(), worded["after"]
            if (before and not after and BOUND.fullmatch(before)) or (
                after and not before and BOUND_AFTER.fullmatch(after)
            ):
                self.unsure.append(Unsure(worded["value"], line, A_BOUND, self.label))
            return
        if SUPPRESSION_MARK.fullmatch(cell):
            footnote = self.footnote_hiding(cell)
            if footnote:
                reason = f"a number not shown: the footnote says '{footnote}'"
                self.unsure.append(Unsure(cell, line, reason, self.label))
                self.hidden.append((self.label, footnote))

    def footnote_hiding(self, mark: str) -> str | None:
        """The answer's footnote saying that `mark` stands for a number not shown ("* fewer
        than 5 and not shown", "Note: - denotes a suppressed figure"), or None."""
        if mark not in self.footnotes:
            found = None
            note = re.compile(
                r"^\s*(?:notes?\s*:?\s*)?['\"‘“]?"
                + re.escape(mark)
                + r"['\"’”]?\s*(?:=|:|-|–|denotes|means|indicates|shows|represents)?\s*"
                r"(?P<says>\w.*?)\s*$",
                re.I,
            )
            for line in self.text.split("\n"):
                said = note.match(line)
                if said and SUPPRESSED.search(said["says"]):
                    found = line.strip()
                    break
            self.footnotes[mark] = found
        return self.footnotes[mark]

    def equals(self, lines: list[str]) -> None:
        for i, line in enumerate(lines):
            if i in self.used:
                continue
            match = EQUALS.match(line)
            if match is None and (" -" in line or "–" in line or "—" in line):
                match = DASHED.match(line)
                if match and _period_goes_on(match):
                    continue
            period = period_named(match["period"]) if match else None
            if match is None or period is None:
                continue
            self.used.add(i)
            if BOUND_AFTER.match(match["rest"]):
                self.unsure.append(Unsure(match["value"], line.strip(), A_BOUND, self.label))
                continue
            marked = FOOTNOTE_MARK.match(match["rest"])
            if marked:
                reason = _footnoted(marked.group(0))
                self.unsure.append(Unsure(match["value"], line.strip(), reason, self.label))
                continue
            unit = "percent" if match["percent"] else "count"
            extras = _candidates(match["rest"])
            own_words = line[: match.start("rest")] + match["rest"]
            if extras:  # the qualifier is read from this figure's clause, not the next number's
                rest = match["rest"][: extras[0].start()]
                own_words = line[: match.start("rest")] + CLAUSE_BREAK.split(rest, maxsplit=1)[0]
            self.add(match["value"], unit, period, line.strip(), self.question_text, own_words)
            for extra in extras:
                self.unsure.append(
                    Unsure(extra["value"], line.strip(), "a second number on the line", self.label)
                )

    def yes_no(self, lines: list[str]) -> None:
        asks = [t for t in self.topics if t.measure in yes_no_measures()]
        first = next(
            (
                line
                for i, line in enumerate(lines)
                if line.strip() and not echoes(line, self.question_text)
            ),
            "",
        )
        match = YES_NO.match(first)
        if not asks or not match:
            return
        value = 1.0 if match["answer"].lower() == "yes" else 0.0
        quote = sentences(first)[0]
        for topic in asks:
            if topic.breakdown != "none":
                continue
            period = self.question_period(topic)
            if period is None:
                reason = "no period: the question names none and the response date is not known"
                self.unsure.append(Unsure(match["answer"], quote, reason, self.label))
                self.undated.append((self.label, quote))
                continue
            self.figures.append(
                Figure(
                    value,
                    "yes_no",
                    *iso_days(period),
                    period.label,
                    infer_qualifier(first),
                    quote,
                    self.label,
                    topic.technology,
                    topic.measure,
                )
            )
        self.used.add(lines.index(first))

    def sentences(self, lines: list[str]) -> None:
        # a footnote saying a cell hides a number ("* fewer than 5 and not shown") is listed
        # with that cell: its own number is no figure's
        hiding = {note for note in self.footnotes.values() if note}
        for i, line in enumerate(lines):
            if i in self.used or (hiding and line.strip() in hiding):
                continue
            for sentence in sentences(line):
                if echoes(sentence, self.question_text):
                    continue
                numbers = _candidates(sentence)
                if not numbers:
                    continue
                numbers = self.footnoted(sentence, numbers)
                if not numbers:
                    continue
                if len(numbers) > 1:
                    for number in numbers:
                        self.unsure.append(
                            Unsure(
                                number["value"],
                                sentence,
                                "one of several numbers in a sentence",
                                self.label,
                            )
                        )
                    continue
                number = numbers[0]
                before, after = sentence[: number.start()], sentence[number.end() :]
                if BOUND.search(before) or BOUND_AFTER.match(after):
                    self.unsure.append(Unsure(number["value"], sentence, A_BOUND, self.label))
                    continue
                running = RUNNING_TOTAL.search(sentence)
                if running:
                    reason = RUNNING_TO_A_DAY if running["day"] else RUNNING_FROM_THE_LETTER
                    self.unsure.append(Unsure(number["value"], sentence, reason, self.label))
                    continue
                if ALONE.fullmatch(before) and ALONE.fullmatch(after):
                    # The answer is the number alone ("2) 12,345"): the question's own figure.
                    unit = "percent" if number["percent"] else "count"
                    value = number["value"]
                    self.add(value, unit, None, sentence, self.question_text, sentence, True)
                    continue
                if not _counts_something(before, after):
                    self.unsure.append(
                        Unsure(
                            number["value"],
                            sentence,
                            "a number in no shape of a figure",
                            self.label,
                        )
                    )
                    continue
                rest = before + " " + after
                period = period_in(rest)
                named_none = period is None
                if period is None:
                    # two years in a row its own words do not settle: the answer's may
                    spanned = TWO_YEARS.search(rest)
                    period = period_named(spanned.group(0)) if spanned else None
                    named_none = period is None
                unit = "percent" if number["percent"] else "count"
                if period is not None and period.end is None:
                    period = None  # "since 2018": its end is not said
                self.add(number["value"], unit, period, sentence, sentence, sentence, named_none)

    def period_notes(self, lines: list[str]) -> None:
        """A note of the answer saying a period's figures are estimates or incomplete
        ("Figures for 2021/22 are approximate"; a line with no number of its own) qualifies each
        figure of that period that its own words left exact; a note naming no period ("All
        figures are approximate") each figure of the answer."""
        if infer_qualifier(self.text) == "exact":
            return  # most answers say nothing of the kind anywhere
        for i, line in enumerate(lines):
            if i in self.used:
                continue
            qualifier = infer_qualifier(line)
            if qualifier not in NOTED_QUALIFIERS or _candidates(line):
                continue
            period = period_in(line)
            if period is not None and period.end is None:
                continue  # "since 2018": which figures it means is not said
            start, end = iso_days(period)
            self.figures = [
                _qualified(figure, qualifier)
                if figure.qualifier == "exact" and (period is None or _within(figure, start, end))
                else figure
                for figure in self.figures
            ]

    def footnoted(self, sentence: str, numbers: list[re.Match]) -> list[re.Match]:
        """A sentence's numbers but those carrying a footnote's mark ("250*", "250 (1)"), which
        are listed for a person, and the marks' own digits."""
        if not any(FOOTNOTE_STARTS.intersection(sentence[n.end() : n.end() + 2]) for n in numbers):
            return numbers
        marks = [FOOTNOTE_MARK.match(sentence, number.end()) for number in numbers]
        left = []
        for number, mark in zip(numbers, marks, strict=True):
            if mark:
                reason = _footnoted(mark.group(0))
                self.unsure.append(Unsure(number["value"], sentence, reason, self.label))
            elif not any(m and m.start() <= number.start() < m.end() for m in marks):
                left.append(number)
        return left

    def number_words(self, lines: list[str]) -> None:
        """A number written as a word ("six knife arches", "4. None.") is left for a person,
        never read: "no" and "one" are as often words of a sentence as numbers. Looked for only
        in an answer where no number was found (most answers give their figures in digits)."""
        for sentence in (s for line in lines for s in sentences(line)):
            if not echoes(sentence, self.question_text):
                self._number_words(sentence)

    def _number_words(self, sentence: str) -> None:
        for word in NUMBER_WORD.finditer(sentence):
            before, after = sentence[: word.start()], sentence[word.end() :]
            alone = ALONE.fullmatch(before) and ALONE.fullmatch(after)
            if alone or _counts_something(before, after):
                reason = "a number written as a word"
                self.unsure.append(Unsure(word.group(0), sentence, reason, self.label))


@cache
def _parts_named(words: str) -> list[str]:
    """The breakdowns whose values are open (age, ethnicity, borough...) that `words` name: a
    count of "children" or "White people" is a part of the total whose value is not read."""
    return [kind for kind in named("breakdown", words) if BREAKDOWNS.get(kind, ()) is None]


def _closed_breakdowns() -> tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]:
    """Each breakdown whose values are a closed list: its name, its values and the measures it
    goes with (`only_with` in schemas/questions.yaml; none: every measure)."""
    entries = schema_yaml("questions.yaml")["breakdown"]
    return tuple(
        (name, tuple(sorted(values)), frozenset((entries.get(name) or {}).get("only_with", ())))
        for name, values in BREAKDOWNS.items()
        if values
    )


@lru_cache(maxsize=1024)  # a table's heading is read again for each value beneath it
def _part_named(heading: str, measure: str | None) -> tuple[str, str] | None:
    """The breakdown and the values of it that a heading names, of a breakdown with a closed
    list of values that goes with `measure` ("Police matches": database, police); None where it
    names none, or every one ("Police and immigration matches"). A value that is a measure's or
    a technology's own word ("arrested" of arrests, "kiosk" of phone extraction) is no part."""
    for name, values, only_with in _closed_breakdowns():
        if only_with and measure not in only_with:
            continue
        found = [
            value
            for value in values
            if re.search(rf"\b{re.escape(value)}", heading, re.I)
            and not named("measure", value)
            and not named("technology", value)
        ]
        if 0 < len(found) < len(values):
            return name, " and ".join(found)
    return None


def _across_headings(header: list[str], cells: list[str], bars: bool) -> list[str] | None:
    """The heading over each of a row's `cells` in a table whose periods are its columns, or
    None where the count of cells does not settle which period each value is of: a heading row
    starting with a period leaves out the labels' corner ("2021 | 2022" over "Searches | 10 |
    12"), one starting with words heads the labels too ("Searches | 2021 | 2022"). A row
    written with bars (`bars`) may have fewer cells: the readers leave out a row's empty last
    cells (readers.cells.row_line), so its values stand under the first periods."""
    headings = ["", *header] if period_named(header[0]) is not None else header
    if len(cells) == len(headings) or (bars and 1 < len(cells) < len(headings)):
        return headings
    return None


def _within(figure: Figure, start: str | None, end: str | None) -> bool:
    """Whether the figure's period lies from `start` to `end` (ISO days)."""
    return (
        figure.period_start is not None
        and figure.period_end is not None
        and start is not None
        and end is not None
        and start <= figure.period_start
        and figure.period_end <= end
    )


def _qualified(figure: Figure, qualifier: str) -> Figure:
    return Figure(
        figure.value,
        figure.unit,
        figure.period_start,
        figure.period_end,
        figure.period_label,
        qualifier,
        figure.quote,
        figure.question,
        figure.technology,
        figure.measure,
        figure.breakdown,
        figure.breakdown_value,
    )


def _period_goes_on(match: re.Match) -> bool:
    """Whether the value after a period and a dash (`DASHED`) may be a part of a period: a year
    ("2021 - 2022"), the next year's last digits ("2021 - 22"), a month's ("2021 - 05") or a
    day's ("1 January 2021 - 31 March 2021")."""
    value, rest = match["value"], match["rest"]
    if (len(value) > 1 and value[0] == "0") or period_named(value) or MONTH_AFTER.match(rest):
        return True
    year = re.search(r"(?:19|20)\d\d$", match["period"].strip())
    return bool(year and len(value) == 2 and int(value) == (int(year.group(0)) + 1) % 100)


def _counts_something(before: str, after: str) -> bool:
    """Whether a sentence states its number as a count of something the vocabulary knows:
    followed by what it counts ("120 devices", "40 scans", "6 knife arches"; the nouns of
    `counted` in schemas/questions.yaml, or a measure's or technology's words), or stated
    as the value of a measure the sentence names ("Matches ... numbered 87")."""
    counted = COUNTED.match(after)
    if counted and (
        counted_nouns().search(counted.group(0))
        or named("measure", counted.group(0))
        or named("technology", counted.group(0))
    ):
        return True
    return bool(STATED.search(before) and named("measure", before))


def _as_at(day_or_month: str) -> tuple[str, str]:
    """'2025-06-09' -> that day; '2023-05' (a page address's month) -> that month."""
    if len(day_or_month) == len("2023-05"):
        first = date.fromisoformat(f"{day_or_month}-01")
        return first.isoformat(), month_end(first.year, first.month).isoformat()
    return day_or_month, day_or_month


@lru_cache(maxsize=1024)  # a table's heading is read again for each value beneath it
def _several_named(heading: str) -> str | None:
    """Why the values beneath a column's `heading` cannot be given to one measure or breakdown
    value, or None. Headings written a single space apart that no position parted are one cell
    ("Searches Matches", "Police Immigration"): where its parts, each a heading of its own
    (`_heading_parts`), name different measures, or different values of one breakdown, which
    one a value counts is for a person. The words of one part name one measure together, as in
    a question ("Searches resulting in a match" counts matches: questions.yaml's `suppresses`)."""
    parts = _heading_parts(heading)
    if len(parts) < 2:
        return None
    measures = {
        frozenset(named("measure", part)).difference(OUTCOME_ONLY_MEASURES) for part in parts
    }
    if len(measures - {frozenset()}) > 1:
        return SEVERAL_MEASURES
    for values in BREAKDOWN_VALUES:
        found = {frozenset(v.lower() for v in values.findall(part)) for part in parts}
        if len(found - {frozenset()}) > 1:
            return SEVERAL_VALUES
    return None


@lru_cache(maxsize=1024)  # a heading is read again for each value beneath it
def _two_measures_at_once(words: str) -> str | None:
    """Why the measure that `words` name is for a person, or None: the same words name two
    measures of the vocabulary, neither suppressing the other ("failed extractions": failed
    uses, and uses by "extractions"), so which one they count is not sure."""
    if len(named("measure", words)) < 2:
        return None  # most passages name one measure or none
    found = [m for m in named_where("measure", words) if m[0] not in OUTCOME_ONLY_MEASURES]
    for (one, start, end), (other, other_start, other_end) in combinations(found, 2):
        if start < other_end and other_start < end:
            phrase = words[min(start, other_start) : max(end, other_end)].lower()
            first, second = sorted((one, other))
            return f"'{phrase}' names two measures ({first} or {second}): which one is not sure"
    return None


def _heading_parts(heading: str) -> list[str]:
    """The headings a heading cell may hold, run together, read from its words whatever their
    case: two words naming a measure or a breakdown value stand in one heading when only words
    joining a phrase stand between them ("Searches resulting in a match", "Police and
    immigration matches"), in two when nothing does ("Searches matches") or other words do
    ("Number of searches number of matches", "Searches carried out matches found")."""
    words = heading.split()
    named_at = [k for k, word in enumerate(words) if _names_a_topic(word)]
    parts: list[list[str]] = [words[: named_at[0] + 1]] if named_at else [words]
    for before, at in zip(named_at, named_at[1:], strict=False):
        between = [word.lower() for word in words[before + 1 : at]]
        joining = PHRASE_WORDS
        if _names_a_value(words[before]) and _names_a_value(words[at]):
            joining = LIST_WORDS
        if between and all(word in joining for word in between):
            parts[-1].extend(words[before + 1 : at + 1])
        else:
            parts.append(words[before + 1 : at + 1])
    if named_at:
        parts[-1].extend(words[named_at[-1] + 1 :])
    return [" ".join(part) for part in parts if part]


@lru_cache(maxsize=1024)
def _names_a_topic(word: str) -> bool:
    """Whether a heading's word names a measure or a value of a breakdown."""
    return bool(named("measure", word)) or _names_a_value(word)


def _names_a_value(word: str) -> bool:
    return any(values.match(word) for values in BREAKDOWN_VALUES)


def _placed(
    line: str, cells: list[str], header: list[str], heads: list[tuple[int, int]]
) -> list[str] | None:
    """A row's cells, a blank one ("") where a whitespace-aligned row leaves a column empty: its
    values placed under the headings they stand beneath (`heads`: where each stands). None where
    that is not sure (a value beneath no heading, or beneath two). Rows of other tables, and
    rows with a cell for every heading, are as they are."""
    if not heads or "|" in line or "\t" in line:
        return cells
    spans = _spans(line)
    headed = bool(spans) and heads[0][0] < spans[0][1] and spans[0][0] < heads[0][1]
    if len(cells) == len(header) + (not headed):
        return cells
    placed = [""] * len(heads)
    for start, end in spans[1:]:  # the first cell is the row's period or label
        under = [k for k, (a, b) in enumerate(heads) if start < b and a < end]
        if not under and not CELL_VALUE.fullmatch(line[start:end]):
            continue  # a note beside the values: "(provisional figure)"
        if len(under) != 1 or placed[under[0]]:
            return None
        placed[under[0]] = line[start:end]
    return [cells[0], *(placed[1:] if headed else placed)]


def _heading_spans(line: str) -> list[tuple[int, int]]:
    """Where each heading of a table aligned by spaces stands (none in a ruled table)."""
    return [] if "|" in line or "\t" in line else _spans(line)


def _headings(
    line: str, header: list[str], below: list[str]
) -> tuple[list[str], list[tuple[int, int]], list[tuple[int, int]]]:
    """The headings of a table's heading row `line` (`header`, its cells), where each stands,
    and where those stand whose values' columns are not sure. Two headings a single space
    apart are one cell ("Searches Matches"): where the rows `below` hold several values beneath
    one, its words are parted over their columns by where the values stand (`_parted`), and
    each part stands where its column's values do. A cell the rows part differently, or that
    no position parts, stays whole, and its values are left unsure."""
    heads = _heading_spans(line)
    if len(heads) != len(header) or not any(" " in name for name in header):
        return header, heads, []
    rows = [(row, _spans(row)[1:]) for row in below]  # a row's first cell is its period or label
    names: list[str] = []
    spans: list[tuple[int, int]] = []
    joined: list[tuple[int, int]] = []
    for name, (start, end) in zip(header, heads, strict=True):
        beneath = [
            [(a, b) for a, b in cells if a < end and start < b and CELL_VALUE.fullmatch(row[a:b])]
            for row, cells in rows
        ]
        columns = [values for values in beneath if len(values) > 1]
        if " " not in name or not columns:
            names.append(name)
            spans.append((start, end))
            continue
        words = [m.span() for m in WORD.finditer(line, start, end)]
        parts = {_parted(words, values) for values in columns}
        placing = parts.pop() if len(parts) == 1 else None
        if placing is None:
            names.append(name)
            spans.append((start, end))
            joined.append((start, end))
            continue
        for column in range(len(columns[0])):
            own = [words[k] for k, placed in enumerate(placing) if placed == column]
            names.append(line[own[0][0] : own[-1][1]])
            under = [values[column] for values in columns]
            spans.append((min(a for a, _ in under), max(b for _, b in under)))
    return names, spans, joined


def _parted(words: list[tuple[int, int]], values: list[tuple[int, int]]) -> tuple[int, ...] | None:
    """The column of each of a heading's `words`, the columns being where one row's `values`
    beneath it stand: each word from where its column's value starts (headings aligned left),
    or up to where it ends (aligned right). None where neither places a word over every column
    and none outside them, or where both do, differently."""
    by_start = tuple(sum(a <= word_start for a, _ in values) - 1 for word_start, _ in words)
    by_end = tuple(sum(b < word_end for _, b in values) for _, word_end in words)
    every = set(range(len(values)))
    fitting = {placing for placing in (by_start, by_end) if set(placing) == every}
    return fitting.pop() if len(fitting) == 1 else None


def _beneath(line: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a value of the row `line` stands beneath one of `spans`."""
    return any(
        a < end and start < b
        for a, b in _spans(line)[1:]
        if CELL_VALUE.fullmatch(line[a:b])
        for start, end in spans
    )


def _spans(line: str) -> list[tuple[int, int]]:
    """Where each cell of a whitespace-aligned line starts and ends (`_cells`' cells)."""
    return [match.span() for match in WHITESPACE_CELL.finditer(line)]


def _cells(line: str) -> list[str]:
    if "|" not in line and "\t" not in line and "  " not in line.strip():
        return [line]
    cells = [c.strip() for c in CELL_SPLIT.split(line.strip())]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def read_figures(
    text: str,
    topics: Iterable[Topic] = (),
    question: str | None = None,
    question_text: str = "",
    as_at: str | None = None,
) -> FigureReading:
    """The figures of one answer `text` to the question labelled `question`, whose topics
    are `topics` (see meaning.questions). Lines that echo the question are skipped. `as_at`
    (the response date, or its month: '2025-06-09', '2025-06') is the period of a yes or no
    to a question that names none."""
    reader = _Reader(question, tuple(topics), question_text, as_at, text)
    lines = [line for line in text.split("\n") if line.strip()]
    lines = [line for line in lines if not echoes(line, question_text)]
    reader.yes_no(lines)
    reader.tables(lines)
    reader.equals(lines)
    reader.sentences(lines)
    if reader.figures:
        reader.period_notes(lines)
    if not reader.figures and not reader.unsure:
        reader.number_words(lines)
    return FigureReading(
        tuple(reader.figures), tuple(reader.unsure), tuple(reader.hidden), tuple(reader.undated)
    )


def read_response_figures(response: Response, mapped: Iterable[QuestionTopics]) -> FigureReading:
    """The figures of each question's own answer (or, for a response with one question or
    an unnumbered answer, of the whole answer) with that question's topics."""
    figures: list[Figure] = []
    unsure: list[Unsure] = []
    hidden: list[tuple[str | None, str]] = []
    undated: list[tuple[str | None, str]] = []
    by_label = {m.label: m for m in mapped}
    questions = response.questions

    def read(text: str, label: str | None) -> None:
        m = by_label.get(label)
        question = response.question(label) if label else None
        question_text = question.text if question else ""
        topics = m.topics if m else ()
        as_at = response.response_date or response.response_month
        reading = read_figures(text, topics, label, question_text, as_at)
        figures.extend(reading.figures)
        unsure.extend(reading.unsure)
        hidden.extend(reading.hidden)
        undated.extend(reading.undated)

    answers = [(q.label, response.answer_to(q.label)) for q in questions]
    shared = Counter(text for _, text in answers if text)
    for label, text in answers:
        if shared[text] == 1:
            read(text, label)
    # One answer to a range of questions ("1-3."): which number answers which is for a person.
    for text in (text for text, count in shared.items() if count > 1):
        read(text, None)
    # Lines outside the numbered answers: one question's when they answer only it; any
    # number in lines that answer several is left for a person (no topics: all unsure).
    by_cover: dict[tuple, list[str]] = {}
    for statement in response.statements:
        by_cover.setdefault(statement.covers, []).append(statement.text)
    for covers, texts in by_cover.items():
        read("\n".join(texts), covers[0] if len(covers) == 1 else None)
    if not questions and response.answer:
        read(response.answer, None)
    return FigureReading(tuple(figures), tuple(unsure), tuple(hidden), tuple(undated))
