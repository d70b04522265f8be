"""What the figure readers record of one answer's numbers: a `Figure`, with its period, topic
and quote, or a number left `Unsure` for a person. `Recorder` gives a number its question's
topic and its period and records it; `candidates` are the numbers of a line that may be figures.
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from itertools import combinations
from typing import Final

from ...schemas.vocabulary import BREAKDOWNS, MEASURE_UNITS, MEASURES, OUTCOME_ONLY_MEASURES
from ..audit import COMMON
from ..cleaning import (
    SCALE,
    Period,
    find_scale,
    infer_qualifier,
    iso_days,
    parse_number,
    scale_of,
    span_label,
)
from ..layouts.dates import MONTH_NAMES, MONTHS
from ..layouts.literals import lowered, may_match, words_of
from .periods import month_end, period_named, two_years, two_years_read, years_said
from .questions import (
    Topic,
    at_a_date_measures,
    counted_as,
    device_measures,
    named,
    named_in_answer,
    named_where,
    part_words,
    parts_labelled,
)

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
SHARE_MEASURES: Final = {"share_of_uses"}
DURATION: Final = re.compile(r"\s*(?:hours?|working days|days|weeks|months|years|minutes)\b", re.I)
# "on" before a count of days makes them occasions, not a length of time: "deployed on 17 days in
# 2024" counts the days on which it happened ("for 17 days", "within 30 days" are durations).
ON_DAYS: Final = re.compile(r"\bon\s+$", re.I)
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
    # a span counted back from a month or a day the text names: "the 12 months to December 2023"
    r"|\b(?:\d{1,2}|six|nine|twelve|eighteen) (?:months?|weeks?) (?:to|ending|up to)\b"
)
CALENDAR_OR_FINANCIAL: Final = "calendar or financial years?"
A_YEAR: Final = "a year where a value stands: a heading or a count?"
A_BOUND: Final = "a bound, not the figure"
# A range where one figure would stand: "10-15", "10 to 15" (a span of years is a period).
RANGE_AFTER: Final = re.compile(
    rf"\s*(?:[-–—]|to\b)\s*(?P<high>{NUMBER}){NOT_AFTER_A_NUMBER}", re.I
)
RANGE_BEFORE: Final = re.compile(rf"(?P<low>{NUMBER})\s*(?:[-–—]|\bto)\s*$", re.I)
RANGE_CELL: Final = re.compile(rf"(?P<low>{NUMBER})\s*(?:[-–—]|to)\s*(?P<high>{NUMBER})", re.I)
# A range written in words: "between 10 and 15" (a span of years, "between 2020 and 2023", is a
# period).
RANGE_BETWEEN: Final = re.compile(
    rf"\bbetween\s+(?P<low>{NUMBER})\s+and\s+(?P<high>{NUMBER}){NOT_AFTER_A_NUMBER}", re.I
)


def a_range(low: str, high: str) -> str:
    """Why a range's numbers are for a person: no single figure is given."""
    return f"a range, {low} to {high}: no single figure; is a figure asked, and which?"


MONEY_MEASURES: Final = {m for m, unit in MEASURE_UNITS.items() if unit == "gbp"}  # pence kept
# A sum of money in a sentence: "£45,000"; "£1.2 million" and "£45k" say their scale in words.
MONEY: Final = re.compile(
    rf"£\s?(?P<value>{NUMBER})"
    rf"(?:(?P<scale>\s?(?:k|m|bn|million|billion)\b)|{NOT_AFTER_A_NUMBER})",
    re.I,
)
# A note saying every sum of the answer is in a scale: "All figures are in £000s", "Costs are
# shown in £k", "All spend figures are given in £m": its subject, then the verb, then the scale.
ALL_IN_A_SCALE: Final = re.compile(
    r"(?:^|[.:;]\s+)(?:the\s+)?(?:all\s+(?:of\s+)?(?:the\s+)?)?(?:\w+\s+){0,2}?"
    r"(?:figures|sums|amounts|costs|values|spend|expenditure)\s+(?:\w+\s+){0,2}?"
    r"(?:are|is)\s+(?:(?:shown|given|stated|expressed|quoted|provided)\s+)?(?:in\s+)?$",
    re.I,
)
# Words after a note's scale that make it not hold for every sum: "except 2023", "unless stated".
SCALE_EXCEPTION: Final = re.compile(r"\b(?:except|unless|apart from|other than|but)\b", re.I)


# A day with no year in a table's heading: "Devices held at 31 March", "Year (as at 31 March)":
# the day of each year beneath it that a count of how things stand is taken at.
HEADING_DAY: Final = re.compile(
    rf"\bat\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_NAMES})\b(?!\s*,?\s*\d)",
    re.I,
)


# A reason names a measure or a breakdown for a person, never by its id. A measure: its label's
# first clause (schemas/vocabulary.py), lower-cased ("devices newly put into service during the
# period", "uses that failed"); a clause "with" what goes beside it is the label's note, not the
# measure ("Percentage of uses, with a breakdown"), and "it" in a label is the technology
# ("Offensive weapons found through it"), which a reason read alone does not name.
LABEL_CLAUSE_END: Final = re.compile(r"\s*[(;:]|,\s+with\b")
LABEL_IT: Final = re.compile(r"\bit\b")


def _measure_words(label: str) -> str:
    first = LABEL_CLAUSE_END.split(label, maxsplit=1)[0]
    return LABEL_IT.sub("the technology", first[:1].lower() + first[1:])


MEASURE_WORDS: Final = {measure: _measure_words(label) for measure, label in MEASURES.items()}
# An id's last word a particle (up, out, in...) makes the verb before it and it one noun, as
# people write it hyphenated ("follow_up": "follow-up", as "set-up" or "check-in" are).
PARTICLE_LAST: Final = re.compile(r"_(up|out|off|in|on|down|back|over)$")


def id_words(identifier: str) -> str:
    """An id as a reason writes it for a person: its words ("device_owner_role": "device owner
    role"), a verb and its particle ending it hyphenated ("follow_up": "follow-up")."""
    return PARTICLE_LAST.sub(r"-\1", identifier).replace("_", " ")


# A breakdown has no label: its id's words ("device owner role", "search reason", "follow-up").
BREAKDOWN_WORDS: Final = {breakdown: id_words(breakdown) for breakdown in BREAKDOWNS}
NO_ONE_TOPIC: Final = "the question's topics do not say which one it is"
A_COUNT_BESIDE_A_SUM: Final = (
    "a count beside a sum of money: the spend asked is the sum, not the count"
)


@dataclass(frozen=True)
class TableLabel:
    """The row label or column heading a table's value stands under, and the breakdown whose
    values are open that the table says its labels are parts of (`part_of`), where the label
    names no measure, technology or total of its own: `told` where the table's corner names it
    ("Ethnicity | 2022 | 2023": each row below is an ethnic group), not where only the other
    labels name its parts ("Other" beside "White" and "Black": another part, or the total?)."""

    text: str
    part_of: str | None = None
    told: bool = False


def footnote_mark_reason(mark: str) -> str:
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
    # a sum's scale, as the force names it, where the quote writes the sum in it ("£000s")
    caveat: str | None = None


@dataclass(frozen=True)
class Unsure:
    """A number that may be a figure, left for a person, with why it was not read as one."""

    text: str
    quote: str
    reason: str
    question: str | None = None


@cache
def _explaining() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(rule.pattern, re.M) for _, rule in COMMON)


def _on_days(line: str, number: re.Match) -> bool:
    """Whether a number before a duration's word counts the days on which something happened
    ("on 17 days"), an occasion-like count, not a length of time."""
    return ON_DAYS.search(line, max(0, number.start() - 4), number.start()) is not None


def candidates(line: str) -> list[re.Match]:
    """The numbers of a line that may be figures (not years, dates, references...)."""
    found = [
        match
        for match in VALUE.finditer(line)
        if not (DURATION.match(line, match.end()) and not _on_days(line, match))
        and not period_named(match["value"])
    ]
    if found and "000" in line:  # a scale's "000" ("Spend (£'000)") is no number of its own
        scales = [scale.span() for scale in SCALE.finditer(line)]
        found = [m for m in found if not any(a <= m.start() < b for a, b in scales)]
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


class Recorder:
    """What is read of one answer's text for one question (its label and topics): each
    number recorded as a figure, or left unsure with why."""

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
        self.blanks: list[tuple[str | None, str]] = []  # FigureReading.blanks
        self.undated: list[tuple[str | None, str]] = []
        self.sums_unread: list[tuple[str | None, str]] = []  # FigureReading.sums_unread
        # each table's heading row of periods ("Device | 2022 | 2023"), with the periods it names
        self.period_headings: list[tuple[str, tuple[Period, ...]]] = []
        # each table's line whose labels name parts ("Year | Under 18 | 65+"), with those labels
        self.part_headings: list[tuple[str, tuple[str, ...]]] = []
        self.used: set[int] = set()  # lines already read as part of a shape
        self.answer_scale: tuple[str, bool] | None = None  # the answer's scale, and if sure
        self.answer_scale_read = False
        self.heading_day: tuple[int, int, str] | None = None  # a table heading's day: month, day
        self.heading_day_read = False

    # -- which topic a number belongs to ---------------------------------------------------

    def topic_for(
        self,
        words: str,
        unit: str,
        technology: str | None = None,
        label: TableLabel | None = None,
    ) -> tuple[Topic, str | None] | str:
        """The question's topic that a passage's words (a heading, a row label, the sentence)
        point to, with the breakdown value they name, or, when not exactly one, why not. A
        `technology` the number's own words name ("4 knife arches") settles it among the
        question's technologies; a table's `label` may name a part of a breakdown whole."""
        # a count beside a sum of money ("12 scanners at a cost of £14,500") is not the sum: the
        # words of money are the sum's
        beside_a_sum = unit != "gbp" and MONEY.search(_without_scale(words)) is not None
        topics = [
            t
            for t in self.topics
            if (unit == "percent") == (t.measure in SHARE_MEASURES)
            and technology in (None, t.technology)
            and not (beside_a_sum and t.measure in MONEY_MEASURES)
        ]
        if not topics and beside_a_sum and any(t.measure in MONEY_MEASURES for t in self.topics):
            return A_COUNT_BESIDE_A_SUM
        technologies = {t.technology for t in topics}
        if len(technologies) > 1:  # a heading or label naming one of them ("Knife wand")
            chosen = technologies.intersection(named("technology", words))
            if chosen:
                topics = [t for t in topics if t.technology in chosen]
                technologies = chosen
        # a policy or a supplier is never a number's measure ("under the force's guidance")
        named_measures = set(named("measure", words)).difference(OUTCOME_ONLY_MEASURES)
        if beside_a_sum:
            named_measures -= MONEY_MEASURES
        # an answer's own words ("We have 12") say what its number counts where no measure's
        # words do: a number the question does not ask of, never a figure of what they name
        said = (
            dict(named_in_answer("measure", words))
            if not named_measures and not counts_another_thing(words, self.topics)
            else {}
        )
        if said:
            topics = [t for t in topics if t.measure in said]
            if not topics:
                return counts_unasked(said, self.topics)
        elif named_measures:
            matching = [t for t in topics if t.measure in named_measures]
            if (
                not matching
                and unit != "percent"
                and len(technologies) == 1
                and len(named_measures) == 1
            ):
                # A measure the question did not ask about ('deployed' for 'owned'), of the one
                # technology it asks about, unless the question's own word may mean it.
                measure = named_measures.pop()
                return _read_another_way(measure, words, self.topics, self.question_text) or (
                    Topic(technologies.pop(), measure),
                    None,
                )
            topics = matching
        elif counted := counts_another_thing(words, self.topics):
            return counted  # "Officers" over a column, for a count of searches
        valued = []
        for topic in topics:
            allowed = BREAKDOWNS.get(topic.breakdown)
            if allowed:
                values = [v for v in allowed if re.search(rf"\b{re.escape(v)}", words, re.I)]
                if len(values) == 1:
                    valued.append((topic, values[0]))
        if len(valued) == 1:
            return valued[0]
        part = _as_a_part(topics, words, label, self.question_text)
        if part is not None:
            return part
        totals = [t for t in topics if t.breakdown == "none"]
        if len(totals) == 1:
            return totals[0], None
        asked = part_words(self.question_text) if topics and not totals else None
        if asked:
            return (
                f"a total, where the question asks for a part alone ('{asked}'): is this total "
                "what was asked, or is the part missing from the answer?"
            )
        return NO_ONE_TOPIC

    def add(
        self,
        value: str,
        unit: str,
        period: Period | None,
        quote: str,
        words: str,
        line: str,
        question_period: bool = False,
        technology: str | None = None,
        label: TableLabel | None = None,
        a_count: bool = False,
    ):
        """Record a figure, or an unsure number when its period or topic is not known.
        `question_period`: a sentence that names no period states the figure for the one
        period its question asks about (when the question names a whole one). `technology`:
        the one the number's own words name, and `label`, a table's row label or column
        heading over it (`topic_for`). `a_count`: a table's value standing where its table puts
        counts (beside other counts in its row, beneath a period's heading), never a year,
        whatever its digits ("2023 | 1502 | 410 | 1912")."""
        number = _value(value)
        doubt = two_measures_at_once(words) if number is not None else None
        # a period's label ("2022" beside "2021"), or a count that looks like one: not sure
        if unit == "count" and not a_count and period_named(value):
            doubt = A_YEAR
        if doubt:
            self.unsure.append(Unsure(value, quote, doubt, self.label))
            return
        found = self.topic_for(words, unit, technology, label) if number is not None else None
        if number is not None and number % 1 and unit == "count":
            if not isinstance(found, tuple) or found[0].measure not in MONEY_MEASURES:
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
        if period is None and question_period and isinstance(found, tuple):
            period = self.question_period(found[0])
        found_none = isinstance(found, str)
        if number is None or period is None or not isinstance(found, tuple):
            # a sentence naming no period may take its question's: what it lacks first is a topic
            if number is not None and period is None and not (question_period and found_none):
                reason = "no period stated for it"
                if isinstance(found, tuple) and found[0].measure not in self.measures():
                    # what it counts is not what was asked, which is the first thing to decide
                    reason = counts_unasked(_said_of(found[0].measure, words), self.topics)
                elif isinstance(found, tuple):
                    self.undated.append((self.label, quote))
            else:  # why its words give it no topic, where there is a number
                reason = found if isinstance(found, str) else "not a number"
            self.unsure.append(Unsure(value, quote, reason, self.label))
            return
        topic, breakdown_value = found
        if len(period.label) == len("2023") and topic.measure in at_a_date_measures():
            period = self.on_heading_day(period)
        scale, doubt = self.in_a_scale(number, unit, words, topic)
        if doubt:
            self.unsure.append(Unsure(value, quote, doubt, self.label))
            if topic.measure in MONEY_MEASURES:
                self.sums_unread.append((self.label, quote))
            return
        if topic.measure in MONEY_MEASURES:
            unit = "gbp"  # a sum beneath "Spend" or after "£" is in pounds
        self.figures.append(
            Figure(
                number if scale is None else round(number * scale_of(scale), 2),
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
                scale,
            )
        )

    def in_a_scale(
        self, number: float, unit: str, words: str, topic: Topic
    ) -> tuple[str | None, str | None]:
        """(the scale a sum is surely written in, why the number is left for a person instead):
        a sum in a scale its own heading or label names ("Spend (£000s)": 1,250 is £1,250,000),
        or that a note of the answer says every sum is in ("All figures are in £000s"), is
        published in pounds with the scale as its caveat (the quote check reads it in that
        scale: cleaning.caveat_scale); a sum where a scale is named elsewhere in the answer
        (another column's heading, a note about some sums) is left with both values, as is a
        count under a heading in thousands. (None, None) where no scale concerns it."""
        own = find_scale(words) if unit != "gbp" else None
        money = topic.measure in MONEY_MEASURES
        if own and not money:
            return None, (
                f"a count under a heading in a scale ('{own.group(0)}'): is it "
                f"{_times(number, scale_of(own.group(0)))}, and of what is asked?"
            )
        if not money:
            return None, None
        if own:
            return own.group(0), None
        named = self.scale_of_answer()
        if named is None:
            return None, None
        scale, sure = named
        if sure and unit != "gbp":
            return scale, None
        return None, (
            f"a sum in an answer that names a scale ('{scale}') not of its own heading: is it "
            f"£{_times(number, 1)} or £{_times(number, scale_of(scale))}?"
        )

    def on_heading_day(self, period: Period) -> Period:
        """A calendar year's count of how things stand, taken on the day a table heading of the
        answer names with no year ("Devices held at 31 March" over "2022 | 2023"): that day of
        the year, where the answer's headings name one day; else the year, as before."""
        if not self.heading_day_read:
            self.heading_day_read = True
            days = set()
            for line in self.text.split("\n"):
                if "|" in line and " at " in line:
                    for found in HEADING_DAY.finditer(line):
                        month = MONTHS.get(found["month"].lower())
                        if month:
                            written = f"{int(found['day'])} {found['month']}"
                            days.add((month, int(found["day"]), written))
            self.heading_day = days.pop() if len(days) == 1 else None
        if self.heading_day is None or period.end is None or period.start.year != period.end.year:
            return period
        month, day, written = self.heading_day
        try:
            on = date(period.start.year, month, day)
        except ValueError:  # "at 30 February"
            return period
        return Period(on, on, f"{written} {period.start.year}")

    def scale_of_answer(self) -> tuple[str, bool] | None:
        """The scale the answer's text names (SCALE), with whether a note says every sum is in
        it (ALL_IN_A_SCALE, and no exception after it), None where it names none."""
        if not self.answer_scale_read:
            self.answer_scale_read = True
            found = find_scale(self.text)
            if found:
                line_start = self.text.rfind("\n", 0, found.start()) + 1
                line_end = self.text.find("\n", found.end())
                after = self.text[found.end() : line_end if line_end >= 0 else None]
                before = self.text[line_start : found.start()]
                sure = (
                    "|" not in before
                    and ALL_IN_A_SCALE.search(before) is not None
                    and not SCALE_EXCEPTION.search(after.split(".")[0])
                    and len(SCALE.findall(self.text)) == 1
                )
                self.answer_scale = (found.group(0), sure)
        return self.answer_scale

    def measures(self) -> frozenset[str]:
        """The measures the question asks."""
        return frozenset(topic.measure for topic in self.topics)

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


def _without_scale(words: str) -> str:
    """Words with any scale taken out: "Spend (£000)" names a scale, no sum of money."""
    return SCALE.sub(" ", words) if "000" in words else words


def money_written(found: re.Match) -> str:
    """A sum of money (`MONEY`) as the audit reads its number: its scale joined on ("12k",
    "1.6m"), not one written apart ("1.2" of "£1.2 million")."""
    scale = found["scale"] or ""
    return found["value"] + scale if scale and not scale[0].isspace() else found["value"]


def written_in_a_scale(found: re.Match) -> str | None:
    """Why a sum of money (`MONEY`) written with its scale is left for a person, or None where
    it has none: "£12k" and "£1.6m" are named with their value in pounds and the caveat that
    publishes them so (its scale, as `cleaning.caveat_scale` reads it); "£1.2 million" with its
    scale in words."""
    scale = found["scale"]
    if not scale:
        return None
    if scale.strip().lower() in ("million", "billion"):
        return "a sum of money with its scale in words ('£1.2 million'): its pounds are not read"
    number, written = parse_number(found["value"]), found.group(0)
    return (
        f"a sum written in a scale ('{written}'): £{_times(number, scale_of(written))} in pounds, "
        f"not £{_times(number, 1)}; published in pounds with the caveat '£{scale.strip()}', is it "
        "the spend asked?"
    )


def _times(number: float, scale: float) -> str:
    """A number times a scale, as a reason writes it: '1,250,000', '1,402.5'."""
    product = round(number * scale, 2)
    return f"{product:,.0f}" if float(product).is_integer() else f"{product:,}"


def counts_unasked(said: dict[str, str], topics: tuple[Topic, ...]) -> str:
    """Why a number whose sentence's own words say what it counts (`said`: each measure with
    its words, "We have 12") is no figure of the measures the question asks."""
    counts = _measures_quoted(said.items())
    asked = measures_asked(topics)
    return (
        f"the sentence counts {counts}, where the question asks {asked}: is it the number "
        "asked, or another?"
    )


def _measures_quoted(said) -> str:
    """Measures in words, each with the words that name it: (measure, words) pairs."""
    return "; ".join(f"{MEASURE_WORDS[measure]} ('{words}')" for measure, words in said)


def measures_asked(topics: tuple[Topic, ...]) -> str:
    """The measures the question asks, in words, for a reason."""
    measures = sorted({topic.measure for topic in topics})
    return "; ".join(MEASURE_WORDS[measure] for measure in measures) or "nothing countable"


def _said_of(measure: str, words: str) -> dict[str, str]:
    """The measure with the words of `words` naming it ("bought"), for `counts_unasked`."""
    said = next(
        (words[start:end] for m, start, end in named_where("measure", words) if m == measure), ""
    )
    return {measure: said}


# The letters two words of one root share at least ("deployed", "deployments": "deploy").
ROOT_LETTERS: Final = 5


def _read_another_way(
    measure: str, words: str, topics: tuple[Topic, ...], question: str
) -> str | None:
    """Why a number whose words name a measure the question was not mapped to is for a person,
    or None: the question's word for the measure it was mapped to shares its root with the
    answer's word ("deployed" mapped to devices put into service; "Deployments" counting uses),
    so the force read the question the other way, and which it asks is for a person."""
    said = _said_of(measure, words)[measure]
    if not said or not question:
        return None
    asked = {topic.measure for topic in topics}
    for other, start, end in named_where("measure", question):
        mapped = question[start:end]
        if other in asked and _one_root(said, mapped):
            return (
                f"the answer counts {MEASURE_WORDS[measure]} ('{said}'), where the question's "
                f"'{mapped}' was read as {MEASURE_WORDS[other]}: which does the question ask?"
            )
    return None


def _one_root(one: str, other: str) -> bool:
    """Whether two words start alike for a root's letters ("Deployments", "deployed")."""
    one, other = one.lower(), other.lower()
    shared = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= ROOT_LETTERS


def counts_another_thing(words: str, topics: tuple[Topic, ...]) -> str | None:
    """Why `words` naming no measure count something the question does not ask of, or None: a
    noun that counts only other measures ("Officers", "People searched", "40 officers" for a
    count of searches; `counted_as` in schemas/questions.yaml)."""
    if named("measure", words):
        return None
    for noun, measures in counted_as():
        found = noun.search(words)
        if found and not any(topic.measure in measures for topic in topics):
            return f"it counts {found.group(0).lower()}, which the question does not ask of"
    return None


def counts_other_than_named(counted: str, sentence: str) -> str | None:
    """Why a sentence's number, followed by `counted` (the words it counts), is no figure of the
    devices the sentence's words name, or None: a noun of `counted_as` that cannot count them
    ("Knife arches were deployed at 14 events": events are no arches deployed). A measure of
    other things may be named beside the number's own noun ("40 officers carried out scans")."""
    if named("measure", counted):
        return None  # "14 deployments": the number's own words name what it counts
    said = [
        (measure, start, end)
        for measure, start, end in named_where("measure", sentence)
        if measure not in OUTCOME_ONLY_MEASURES
    ]
    if not said or any(measure not in device_measures() for measure, _, _ in said):
        return None  # most sentences name no count of devices
    for noun, measures in counted_as():
        found = noun.search(counted)
        if found and not any(measure in measures for measure, _, _ in said):
            names = _measures_quoted((m, sentence[a:b]) for m, a, b in said)
            return (
                f"it counts {found.group(0).lower()}, where the sentence's words name {names}: "
                "is it the number asked, or another?"
            )
    return None


def _as_a_part(
    topics: list[Topic], words: str, label: TableLabel | None, question: str
) -> tuple[Topic, str] | str | None:
    """A part of a breakdown whose values are open that `words` name, as the question's topic
    of that breakdown with the part for its value where a table's label names it whole ("White
    | 40"), else why it is neither that nor the total: a part whose value is not read ("45
    searches were of children"; where the `question` asks for a part alone, whether it is that
    part), of a breakdown the question does not ask by, or a label among parts that may be one.
    None where they name no part."""
    parts = dict.fromkeys(parts_named(words))
    whole = parts_labelled(label.text) if label else {}
    parts.update(dict.fromkeys(whole))
    if label and label.part_of and not parts:
        if not label.told:
            kind = BREAKDOWN_WORDS[label.part_of]
            return f"a label among parts of {kind}: another part, or the total?"
        parts, whole = {label.part_of: None}, {label.part_of: " ".join(label.text.split())}
    if not parts:
        return None
    if len(parts) == 1:
        [breakdown] = parts
        by_it = [t for t in topics if t.breakdown == breakdown]
        if breakdown in whole and len(by_it) == 1:
            return by_it[0], whole[breakdown]
        if breakdown in whole and by_it:
            return NO_ONE_TOPIC
    breakdowns_asked = {t.breakdown for t in topics}
    said, asked = part_words(words), part_words(question)
    if said and asked and "none" not in breakdowns_asked and breakdowns_asked.issuperset(parts):
        kinds = " and ".join(BREAKDOWN_WORDS[part] for part in parts)
        return (
            f"a part of {kinds} ('{said}'), where the question asks for a part alone "
            f"('{asked}'): is it the part asked, and which value of {kinds} is it?"
        )
    kinds = ", ".join(BREAKDOWN_WORDS[part] for part in parts)
    return f"a part of the total ({kinds}), not the total"


def parts_named(words: str) -> list[str]:
    """The breakdowns whose values are open (age, ethnicity, borough...) that `words` name: a
    count of "children" or "White people" is a part of the total whose value is not read."""
    return [kind for kind in named("breakdown", words) if BREAKDOWNS.get(kind, ()) is None]


def _as_at(day_or_month: str) -> tuple[str, str]:
    """'2025-06-09' -> that day; '2023-05' (a page address's month) -> that month."""
    if len(day_or_month) == len("2023-05"):
        first = date.fromisoformat(f"{day_or_month}-01")
        return first.isoformat(), month_end(first.year, first.month).isoformat()
    return day_or_month, day_or_month


@lru_cache(maxsize=1024)  # a heading is read again for each value beneath it
def two_measures_at_once(words: str) -> str | None:
    """Why the measure that `words` name is for a person, or None: the same words name two
    measures of the vocabulary, neither suppressing the other ("failed extractions": failed
    uses, and uses by "extractions"), so which one they count is not sure."""
    if len(named("measure", words)) < 2:
        return None  # most passages name one measure or none
    found = [m for m in named_where("measure", words) if m[0] not in OUTCOME_ONLY_MEASURES]
    for (one, start, end), (other, other_start, other_end) in combinations(found, 2):
        if start < other_end and other_start < end:
            phrase = words[min(start, other_start) : max(end, other_end)].lower()
            first, second = (MEASURE_WORDS[measure] for measure in sorted((one, other)))
            return f"'{phrase}' names two measures ({first}; {second}): which one is not sure"
    return None
