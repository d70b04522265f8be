"""Figures in the shapes forces write them, each with its period, qualifier, verbatim quote
and the topic of the question it answers:

- tables, with periods down or across (read by meaning.tables);
- `2016 = 32` lines;
- sentences with one number and one period: "120 devices were deployed in 2018", "As at
  5 February 2020, 1345 devices currently await examination" (a date: a day's period);
- sentences with several numbers, each plainly its technology's or its period's: "4 knife
  arches and 20 wands", "in 2021 and 2022 ... 312 and 401 searches respectively", "150 matches
  in 2021, compared with 176 in 2022" (`SEVERAL_SHAPES`);
- "Yes" / "No" answering a "do you use ..." question (unit yes_no);
- percentages (unit percent), only where the question asks for a share.

A number whose meaning is not sure (no period, no single topic, several numbers in one
sentence not each plainly its technology's or period's) is returned in `FigureReading.unsure`
for a person, never as a figure. Years, dates, references, question numbers, sections of the
Act and addresses are not figures (toolkit/audit.py's common patterns say which).
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Final

from ..cleaning import ESTIMATE_BEFORE, Period, infer_qualifier, iso_days, parse_number
from ..layouts.data import any_of, schema_yaml
from ..layouts.dates import MONTH_NAMES, find_date
from ..layouts.literals import lowered, may_match, words_of
from ..layouts.response import Response
from .periods import NAMED_YEAR, TWO_YEARS, YEAR, period_in, period_named
from .questions import (
    QuestionTopics,
    Topic,
    counted_nouns,
    named,
    named_where,
    yes_no_measures,
)
from .recording import (
    A_BOUND,
    BOUND,
    BOUND_AFTER,
    FOOTNOTE_MARK,
    MEASURE_WORDS,
    MONEY,
    MONEY_MEASURES,
    NOT_AFTER_A_NUMBER,
    NUMBER,
    RANGE_AFTER,
    RANGE_BEFORE,
    RANGE_BETWEEN,
    RUNNING,
    SUPERSCRIPT_DIGITS,
    Figure,
    Recorder,
    Unsure,
    a_range,
    candidates,
    counts_another_thing,
    counts_other_than_named,
    footnote_mark_reason,
    measures_asked,
    money_written,
    written_in_a_scale,
)
from .tables import read_tables
from .text import NOT_HELD_OF, NUMBER_WORD, echoes, has_number_word, sentences

FOOTNOTE_STARTS: Final = frozenset(f"*†‡§¶([{SUPERSCRIPT_DIGITS}")
# A footnote's own mark opening its sentence: "* Includes 14 ...", "† Of these ...", "¹ This ...".
# A "*" opens a bulleted line as often: it is a mark where the answer sets one beside a figure.
FOOTNOTE_OPENING: Final = re.compile(rf"\s*(?P<mark>[*†‡§¶]+|[{SUPERSCRIPT_DIGITS}]+)\s*(?=\w)")
MARK_BESIDE: Final = re.compile(r"[\w)%]\s?\*")
# A note that a period's figure stops short of its end: "The 2023 figure runs to 30 November
# 2023", "Figures for 2023/24 cover up to 31 January 2024", "2023 is to 30 June 2023 only".
PART_PERIOD: Final = re.compile(
    r"\b(?:runs?|ran|covers?|covered|goes|go|is|are|was|were)\s+(?:only\s+)?(?:up\s+)?"
    rf"(?:to|until)\s+(?:and\s+including\s+)?(?P<day>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})"
    r"\s+\d{4})",
    re.I,
)
# A sentence saying what another figure holds, as its subject or with none: "Includes 14 ...",
# "This figure includes 14 ...", "The 2021 total excludes 6 ...": its numbers are parts of that
# figure, no figures of their own.
HOLDS_ANOTHER: Final = re.compile(
    r"\W*(?:(?:this|that|the|these|those|its?|their)\s+(?:[\w/-]+\s+){0,3}?)?"
    r"(?P<verb>includes?|including|excludes?|excluding|comprises?|covers)\b",
    re.I,
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
# A number a sentence states as a count: "120 devices ...", "... searches was 8145".
# What the number counts: the two words after it ("120 devices", "6 knife arches").
COUNTED: Final = re.compile(r"\s+(?:additional |more |new )?[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?", re.I)
WORD_END: Final = re.compile(r"[\w-]*")  # the rest of a word a name's pattern ends inside
STATED: Final = re.compile(
    rf"\b(?:was|were|is|are|totall?ed|numbered|of|at|{ESTIMATE_BEFORE}|:)\s*$", re.I
)
# What may stand beside a number that is a whole answer: its list mark, a qualifier, a full stop.
ALONE: Final = re.compile(
    rf"\s*(?:(?:Q|Question\s*)?\(?\d{{1,2}}[a-z]?[.):-]\s*)?(?:(?:{ESTIMATE_BEFORE})\s*)?"
    r"[.;]?\s*",
    re.I,
)
# A number as a clause's subject, what it counts left unsaid, and the verb after it saying what
# followed ("..., and 85 led to an arrest", "Of these, 12 resulted in arrests", "85 of them led
# to arrests"): the clause's words after the verb name the measure it counts.
SUBJECT_BEFORE: Final = re.compile(
    r"(?:^|[,;:]|\b(?:and|but|while|whereas)|\bof (?:these|those|them|which))\s*$", re.I
)
VERB_OF_WHAT_FOLLOWED: Final = re.compile(
    r"\s+(?:of (?:them|these|those)\s+)?(?:(?:have|had|has)\s+)?(?:led|resulted|ended)\b"
    r"(?P<rest>[^,;:]*)",
    re.I,
)
CLAUSE_BREAK: Final = re.compile(r"\s+(?:and|but|however|while)\s+|[,;]", re.I)
# A period's line whose value is a number written as a word: "2022/23 - nil", "2023: None",
# "2024 = zero" (the word the whole value, as `EQUALS` and `DASHED` take a number).
PERIOD_WORD: Final = re.compile(
    rf"^[\s•*·-]*(?P<period>.+?)\s*(?:=|:|\s[-–—]\s|[–—])\s*(?P<value>{NUMBER_WORD.pattern})\s*[.;]?\s*$",
    re.I,
)
# A running total in a sentence (RUNNING), or a total to or from a day: "Up to 31 March 2024",
# "Since 1 May 2020".
RUNNING_TOTAL: Final = re.compile(
    r"(?P<day>\b(?:up to|by|since|until|till)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+"
    rf"\s+\d{{4}})|{RUNNING}",
    re.I,
)
RUNNING_TO_A_DAY: Final = "a running total to or from a day, not a period's figure"
# A sentence stating a rate or an average: "an average of 120 searches a month", "3 per shift".
RATE_IN_A_SENTENCE: Final = re.compile(
    r"\b(?:averages?|on average|rates?|ratio|(?:per|a|an|each|every)\s+(?:day|week|fortnight"
    r"|month|quarter|year|annum|shift|officer|device|kiosk|scanner|hour)|(?:daily|weekly|monthly"
    r"|annual|yearly)\s+(?:average|rate|figure))\b(?!\s+(?:after|before|later|earlier|ago)\b)",
    re.I,
)
A_RATE: Final = "a rate or an average (the sentence says so), not a count"
RUNNING_FROM_THE_LETTER: Final = (
    "a running total, or a count over a span counted back from the letter's date ('to date', "
    "'in the last 12 months'), not a period's figure"
)
# One period as a list or a comparison names it: a year, a financial year or a month ("2021",
# "2021/22", "March 2021"), not one end of a span ("2019-2020", "2019 to 2020").
PERIOD_ITEM: Final = (
    rf"(?:(?:{MONTH_NAMES})\.?\s+)?{YEAR}(?:\s*/\s*\d\d(?:\d\d)?|-\d\d)?"
    r"(?!\d|\s*[-–—/]\s*\d|\s+to\s+\d)"
)
LIST_JOIN: Final = r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+"
# "In 2021 and 2022 ... 312 and 401 searches respectively": periods listed, then as many numbers
RESPECTIVELY: Final = re.compile(r"\brespectively\b", re.I)
PERIODS_LISTED: Final = re.compile(rf"\b{PERIOD_ITEM}(?:(?:{LIST_JOIN}){PERIOD_ITEM})+", re.I)
# What makes the first period of a list the end of a span or a month's year ("2019 to 2020 and
# 2021", "March 2021 and 2022", "between 2021 and 2022"): not a list of periods.
SPAN_BEFORE: Final = re.compile(
    rf"(?:[\d/–—-]\s*|\b(?:to|between|from|{MONTH_NAMES})\.?\s+)$", re.I
)
NUMBERS_JOINED: Final = re.compile(LIST_JOIN, re.I)
# "150 matches in 2021, compared with 176 in 2022": each number with its own period after it
# (and what it counts, said again or not), one joined to the next by a comparison.
OWN_PERIOD: Final = re.compile(
    rf"(?P<counted>{COUNTED.pattern})?\s+(?:in|during)\s+(?P<period>{PERIOD_ITEM})", re.I
)
COMPARED: Final = re.compile(r",?\s+(?:compared (?:with|to)|against|and)\s+", re.I)
# Words saying things are not had yet ("on order", "we have ordered", "will have", "expects to
# buy": schemas/phrases.yaml `to_come`): a number in their clause counts things still to come,
# neither held nor bought in the period its sentence names.
TO_COME: Final = any_of(schema_yaml("phrases.yaml")["to_come"], re.I)
TO_COME_WORDS: Final = words_of(TO_COME)  # one of them is in any sentence it matches
# What ends the clause a denial speaks in: punctuation, a conjunction starting another clause
# ("but", "however"), or "and" before a new subject ("..., and we bought 40").
CLAUSE_END: Final = re.compile(
    r"[,;:()]|\b(?:but|however|while|whereas|although|though|yet|except)\b"
    r"|\band\s+(?=(?:we|it|there|they|the force|our|this|these|in|during|for)\b)",
    re.I,
)
# A verb that makes a clause of its own: a form of "be", "have" or "do", or a modal, each
# finite ("were" of "40 knife wands were bought"; not "bought", which may name what a noun is:
# "no record of the 40 knife wands bought in 2023").
FINITE_VERB: Final = (
    r"(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|may|might|shall|should"
    r"|must)(?:n't)?"
)
# "And" or "or" joining a clause of its own: a subject of a few words (no relative pronoun,
# whose verb would be another clause's) and its own finite verb after them ("... and 40 knife
# wands were bought in 2023"), not another noun joined to the one denied ("no record of the
# make of our arches and 6 knife wands").
COORDINATED_CLAUSE: Final = re.compile(
    rf"\b(?:and|or)\s+(?:(?!(?:that|which|who|whom|whose)\b)[\w-]+\s+){{1,6}}?{FINITE_VERB}\b",
    re.I,
)
# A finite verb, or a word before a denial in its clause: the denial's clause has its own verb
# ("We have no record", "We keep no record"), so a clause joined after it is another. "No record
# of the arches and 40 wands is held" is one clause, whose subject the denial heads.
HAS_FINITE_VERB: Final = re.compile(rf"\b{FINITE_VERB}\b", re.I)
# What joins a range's ends, and how far before its second end to look for it ("10 to 15").
RANGE_JOINS: Final = ("-", "–", "—", "to")
RANGE_JOIN_CHARS: Final = 6
# The verb between what a number counts and a denial that is its predicate ("were" of "40 knife
# wands were not recorded").
BE_BEFORE_DENIAL: Final = re.compile(
    r"\s+(?:(?:is|are|was|were|has|have|had)\s+)?(?:been\s+)?(?=(?:not|never)\b)", re.I
)
# A phrase opening a clause that is no subject: when or where ("In 2023", "During 2022/23",
# "As at 31 March 2024"), for `_clause_joined`.
LEADING_PHRASE: Final = re.compile(
    r"^\s*(?:(?:in|during|for|as at|as of|at|by|since|between|from|throughout|within|across)\b"
    r"[^,;:]*?(?=\b(?:no|not|never|nothing)\b|$)|(?:however|also|unfortunately|sadly)\b)",
    re.I,
)
# A question word after a denial starts the clause it denies ("no record of how many arches and
# 40 knife wands were bought"): a verb after a later "and" may be that clause's own.
EMBEDDED_QUESTION: Final = re.compile(r"\b(?:how|what|which|whether|if|who|when|where|why)\b", re.I)
# A determiner just before a number makes it name things there are ("the 6 knife wands", "our
# 12 kiosks"): words of holding, naming what is held.
NAMING_HELD: Final = re.compile(
    r"\b(?:the|our|its|their|these|those|both|all|all of the|each of the)\s+$", re.I
)
# What joins one item of a list to the next: "the 4 knife arches and 6 knife wands", "4 arches,
# or our 6 wands".
LIST_NEXT: Final = re.compile(
    r"(?:\s*,\s*(?:(?:and|or|nor)\s+)?|\s+(?:and|or|nor)\s+)(?:(?:the|our|its|their)\s+)?", re.I
)
# What may follow a list's item: the sentence's or clause's end, or the join to the next item.
LIST_ITEM_END: Final = re.compile(r"\s*(?:[.,;:!?)]|$|(?:and|or|nor)\b)", re.I)
# A number its sentence's grammar relates to the sentence's other number, each relation with
# its reason, the words marking it (before the number, or, `ahead`, just after it) and whether
# the other number must stand before it: a part of a whole before it ("1,500 phones, of which
# 400 were victims'", "20 wands, 5 of which are unserviceable"), or an earlier figure ("3,400
# searches, up from 2,100 in 2023", "previously had 15 but now have 9"). Its clause, from the
# marking words to the clause's end, is set aside, and the other number read without it.
A_PART_OF: Final = (
    "a part of the {other} before it ('{words}'), not its total: is it a part the question "
    "asks, and which?"
)
AN_EARLIER_FIGURE: Final = (
    "an earlier figure than the {other} beside it ('{words}'): of another period or date than "
    "the sentence's; is it a figure asked, and of which period?"
)
RELATED: Final = (
    (A_PART_OF, re.compile(r"\bof (?:which|whom|these|those|them)\s*,?\s*$", re.I), False, True),
    (A_PART_OF, re.compile(r"\s+of (?:which|whom|these|those|them)\b", re.I), True, True),
    (
        AN_EARLIER_FIGURE,
        re.compile(
            r"\b(?:up|down|rising|falling|risen|fallen|increas(?:ed|ing)|decreas(?:ed|ing)|rose"
            r"|fell)\s+from\s+(?:a total of\s+)?$",
            re.I,
        ),
        False,
        True,
    ),
    (
        AN_EARLIER_FIGURE,
        re.compile(r"\b(?:previously|formerly|originally)\b(?:\s+[a-z]+){0,3}\s+$", re.I),
        False,
        False,
    ),
)
RELATED_WORDS: Final = (
    "of which",
    "of whom",
    "of these",
    "of those",
    "of them",
    " from ",
    "previous",
    "formerly",
    "originally",
)
# Words making a sum the price of one thing ("Each wand cost £250.", "£250 per unit", "£250
# apiece"), not a sum spent: "each" or "per" before no period ("each year" is a period's).
UNIT_PRICE: Final = re.compile(
    r"\b(?:each|per)\b(?!\s+(?:of\s+the\s+)?(?:financial\s+|calendar\s+)?(?:day|week|fortnight"
    r"|month|quarter|year|annum)s?\b)|\bapiece\b|\bunit (?:cost|price)s?\b",
    re.I,
)
# "The figure for 2024 is 3,400.", "In 2023 the total was around 5,500.": a number stated as
# "the figure" with nothing after it is the whole answer, of the one measure the question asks.
THE_FIGURE: Final = re.compile(r"\b(?:the|this|that)\s+(?:figure|total|number|count)\b", re.I)
# What a note of the answer may say of a period's figures ("Figures for 2021/22 are estimates").
NOTED_QUALIFIERS: Final = frozenset({"approximate", "partial_coverage", "provisional"})
# What ends the clause of words saying things are to come (`_to_come`): a denial's clause end
# (`CLAUSE_END`), or "and" or "or" before a verb of its own clause ("We have 42 wands and have
# ordered 10 arches": the 42 is had).
CLAUSE_ENDS_BEFORE_TO_COME: Final = re.compile(
    rf"{CLAUSE_END.pattern}|\b(?:and|or)\s+(?=(?:also\s+)?(?:{FINITE_VERB}|ordered|expects?|plans?"
    r"|intends?)\b)",
    re.I,
)


@dataclass(frozen=True)
class FigureReading:
    figures: tuple[Figure, ...]
    unsure: tuple[Unsure, ...]
    # (question, footnote) where a footnote says the force does not show one of its numbers
    hidden: tuple[tuple[str | None, str], ...] = ()
    # (question, quote) of a number giving what the question asks, unsure for want of a period
    undated: tuple[tuple[str | None, str], ...] = ()
    # (line, its periods) of each table's heading row of periods ("Device | 2022 | 2023")
    period_headings: tuple[tuple[str, tuple[Period, ...]], ...] = ()
    # (line, its labels) of each table's line whose labels name parts ("Age | Under 18 | 65+")
    part_headings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # (question, what is not given) of a table's blank cell where its column or row gives a
    # period's figure: "2022 ('Knife wands')"
    blanks: tuple[tuple[str | None, str], ...] = ()
    # (question, quote) of a sum giving the spend the question asks, unsure only for how it is
    # written: in a scale ("£12k", "Spend (£000s)") or in a table's cell ("2021 | £12,500")
    sums_unread: tuple[tuple[str | None, str], ...] = ()


class _Reader(Recorder):
    """Reads one answer's sentences, "=" lines and yes or no for one question; its tables
    are read_tables'."""

    # -- shapes ----------------------------------------------------------------------------

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
            ranged = _range_after(match["rest"], 0)
            if ranged:  # "2023 = 10-15": no single figure
                reason = a_range(match["value"], ranged["high"])
                for value in (match["value"], ranged["high"]):
                    self.unsure.append(Unsure(value, line.strip(), reason, self.label))
                continue
            if BOUND_AFTER.match(match["rest"]):
                self.unsure.append(Unsure(match["value"], line.strip(), A_BOUND, self.label))
                continue
            marked = FOOTNOTE_MARK.match(match["rest"])
            if marked:
                reason = footnote_mark_reason(marked.group(0))
                self.unsure.append(Unsure(match["value"], line.strip(), reason, self.label))
                continue
            counts_else = counts_another_thing(match["rest"], self.topics)
            if counts_else:  # "2023 = 40 officers" for a count of searches
                self.unsure.append(Unsure(match["value"], line.strip(), counts_else, self.label))
                continue
            unit = "percent" if match["percent"] else "count"
            extras = candidates(match["rest"])
            own_words = line[: match.start("rest")] + match["rest"]
            if extras:  # the qualifier is read from this figure's clause, not the next number's
                rest = match["rest"][: extras[0].start()]
                own_words = line[: match.start("rest")] + CLAUSE_BREAK.split(rest, maxsplit=1)[0]
            # what the value counts is the question's, unless its own words name a measure
            # ("2022 = 14 deployments")
            words = match["rest"] if named("measure", match["rest"]) else self.question_text
            self.add(match["value"], unit, period, line.strip(), words, own_words)
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
                numbers = candidates(sentence)
                if not numbers:
                    continue
                aside = self.aside(sentence)
                if aside:
                    for number in numbers:
                        self.unsure.append(Unsure(number["value"], sentence, aside, self.label))
                    continue
                numbers = self.footnoted(sentence, numbers)
                if not numbers:
                    continue
                if len(numbers) > 1:
                    if not self.several(sentence, numbers):
                        self.several_unsure(sentence, numbers)
                    continue
                self.one(sentence, numbers[0], sentence)

    def aside(self, sentence: str) -> str | None:
        """Why a sentence's numbers are no figures of their own, or None: a footnote its mark
        opens ("* Includes 14 deployments at ...": of the figure the mark stands beside), or a
        sentence saying what another figure includes or leaves out."""
        opening = FOOTNOTE_OPENING.match(sentence)
        if opening and (opening["mark"][0] != "*" or MARK_BESIDE.search(self.text)):
            mark = opening["mark"]
            return (
                f"a footnote ('{mark}'): what it says of the figure its mark stands beside, not "
                "a figure of its own; does it change that figure?"
            )
        holds = HOLDS_ANOTHER.match(sentence)
        if holds:
            return (
                f"says what another figure holds ('{holds['verb']}'): a part of it, not a figure "
                "of its own; which figure, and is the part asked?"
            )
        return None

    def one(self, sentence: str, number: re.Match, quote: str) -> None:
        """A sentence's one number (or its one number left once the clause of a number related
        to it is set aside: `related`), read as its words say, or listed for a person with
        why; `quote` is the whole sentence."""
        before, after = sentence[: number.start()], sentence[number.end() :]
        ranged = _range_after(after, 0)
        if ranged:  # "10-15 searches": the second number is none of the sentence's candidates
            reason = a_range(number["value"], ranged["high"])
            for value in (number["value"], ranged["high"]):
                self.unsure.append(Unsure(value, quote, reason, self.label))
            return
        denied = _not_held_of(sentence, number)
        if denied:
            reason = self.not_held_reason(denied, sentence, number)
            self.unsure.append(Unsure(number["value"], quote, reason, self.label))
            return
        doubt = _doubt(sentence, number)
        if doubt:
            self.unsure.append(Unsure(number["value"], quote, doubt, self.label))
            return
        if ALONE.fullmatch(before) and ALONE.fullmatch(after):
            # The answer is the number alone ("2) 12,345"): the question's own figure.
            unit = "percent" if number["percent"] else "count"
            self.add(number["value"], unit, None, quote, self.question_text, quote, True)
            return
        if ALONE.fullmatch(after) and self.the_figure(before):
            # "The figure for 2024 is 3,400.": the whole answer, for the period it names
            period, named_none = _period_of(before)
            other = self.another_period(period)
            if other:  # no measure named: only the question's period ties it to what was asked
                self.unsure.append(Unsure(number["value"], quote, other, self.label))
                return
            unit = "percent" if number["percent"] else "count"
            value = number["value"]
            self.add(value, unit, period, quote, self.question_text, quote, named_none)
            return
        counted = _counted(after)
        counts_else = counted and (
            counts_another_thing(counted, self.topics) or counts_other_than_named(counted, sentence)
        )
        if counts_else:
            self.unsure.append(Unsure(number["value"], quote, counts_else, self.label))
            return
        if not _counts_something(before, after):
            reason = "a number in no shape of a figure"
            self.unsure.append(Unsure(number["value"], quote, reason, self.label))
            return
        period, named_none = _period_of(before + " " + after)
        unit = "percent" if number["percent"] else "count"
        self.add(number["value"], unit, period, quote, sentence, quote, named_none)

    def the_figure(self, before: str) -> bool:
        """Whether the words before a sentence's last number state it as "the figure" ("The
        figure for 2024 is", "In 2023 the total was around") naming no measure or technology of
        their own, answering a question of one measure."""
        return (
            len(self.measures()) == 1
            and STATED.search(before) is not None
            and THE_FIGURE.search(before) is not None
            and not named("measure", before)
            and not named("technology", before)
        )

    def another_period(self, period: Period | None) -> str | None:
        """Why "the figure" of a period (`the_figure`) is left for a person, or None: the
        question asks another period, and the sentence names no measure to say it is one
        asked."""
        spans = [
            (t.period_start, t.period_end, t.period_label)
            for t in self.topics
            if t.period_start is not None and t.period_end is not None
        ]
        if period is None or not spans:
            return None
        start, end = iso_days(period)
        if start is None or end is None:
            return None
        if any(first <= start and end <= last for first, last, _ in spans):
            return None
        labels = " or ".join(dict.fromkeys(f"'{label}'" for _, _, label in spans))
        return (
            f"'the figure' of '{period.label}', where the question asks {labels}: the period "
            "differs from the one asked; is it the figure asked?"
        )

    def related(self, sentence: str, numbers: list[re.Match]) -> tuple[str, re.Match] | None:
        """A sentence of two numbers, the second related to the first by its grammar (`RELATED`:
        a part of it, "of which 400 were from victims' phones", "5 of which are unserviceable";
        an earlier figure, "up from 2,100 in 2023", "previously had 15 but now have 9"): the
        related number is listed for a person with the relation, and the sentence without its
        clause, with the other number, returned to be read as a sentence of one number; None for
        any other sentence."""
        lower = sentence.lower()
        if len(numbers) != 2 or not any(words in lower for words in RELATED_WORDS):
            return None  # most sentences of two numbers relate neither to the other
        for index, number in enumerate(numbers):
            other = numbers[1 - index]
            for relation, pattern, ahead, whole_before in RELATED:
                found = _relation_of(pattern, ahead, whole_before, sentence, number, other)
                if found is None:
                    continue
                if relation is A_PART_OF and _value_of(number) >= _value_of(other):
                    return None  # "4 knife arches and 20 of them are new": no part of the 4
                words, start, end = found
                rest = sentence[:start] + sentence[end:]
                left = candidates(rest)
                if len(left) != 1 or left[0]["value"] != other["value"]:
                    return None
                reason = relation.format(other=other["value"], words=words)
                self.unsure.append(Unsure(number["value"], sentence, reason, self.label))
                return rest, left[0]
        return None

    def money(self, lines: list[str]) -> None:
        """Sums of money in sentences ("In 2023 the force spent £45,000 on kiosks"): one sum in
        a sentence answering a question of spend is its figure, in pounds; any other is left for
        a person, with the reason."""
        asked = any(topic.measure in MONEY_MEASURES for topic in self.topics)
        for i, line in enumerate(lines):
            if i in self.used or "£" not in line:
                continue
            for sentence in sentences(line):
                sums = list(MONEY.finditer(sentence))
                if not sums:
                    continue
                aside = self.aside(sentence)
                reason = aside or _money_doubt(sentence, sums, asked)
                if reason is None:
                    found = sums[0]
                    words = sentence[: found.start()] + " " + sentence[found.end() :]
                    period, named_none = _period_of(words)
                    self.add(
                        found["value"], "gbp", period, sentence, sentence, sentence, named_none
                    )
                    continue
                for found in sums:
                    text = money_written(found)
                    self.unsure.append(Unsure(text, sentence, reason, self.label))
                if not aside and asked and len(sums) == 1 and sums[0]["scale"]:
                    self.sums_unread.append((self.label, sentence))  # "£12k": spend given

    def several(self, sentence: str, numbers: list[re.Match]) -> bool:
        """Whether a sentence's several numbers are each plainly one measure's (`_by_measure`),
        one technology's or one period's (`SEVERAL_SHAPES`): each is then read as a sentence of
        that one number would be, and recorded; or one is related to the other (`related`).
        Otherwise (False) all are left for a person."""
        if _doubted(sentence, numbers):
            return False
        by_measure = _by_measure(sentence, numbers, self.measures())
        if by_measure is not None:
            for number, (period, named_none), words in by_measure:
                unit = "percent" if number["percent"] else "count"
                self.add(number["value"], unit, period, sentence, words, sentence, named_none)
            return True
        main = self.related(sentence, numbers)
        if main is not None:  # "20 knife wands, 5 of which are unserviceable": the 20
            self.one(*main, quote=sentence)
            return True
        technologies = frozenset(t.technology for t in self.topics)
        for shape in SEVERAL_SHAPES:
            read = shape(sentence, numbers, technologies)
            if read is None:
                continue
            for number, (period, named_none), technology in read:
                unit = "percent" if number["percent"] else "count"
                value = number["value"]
                self.add(value, unit, period, sentence, sentence, sentence, named_none, technology)
            return True
        return False

    def several_unsure(self, sentence: str, numbers: list[re.Match]) -> None:
        """A sentence's several numbers left for a person: each that names what the sentence
        says is not held ("We hold no record of the make of the 6 knife wands or the 4 knife
        arches") with why (`not_held_reason`), each counting things to come ("and have ordered
        10") with why (`_to_come`), the others as one of several."""
        to_come_of = _to_come_listed(sentence, numbers)
        for number, denial, to_come in zip(
            numbers, _denials(sentence, numbers), to_come_of, strict=True
        ):
            reason = _range_reason(sentence, number) or "one of several numbers in a sentence"
            if denial is not None:
                denied, heading = denial
                reason = self.not_held_reason(denied, sentence, number, heading)
            elif to_come:  # "We have 42 wands and have ordered 10 arches.": the 10
                reason = _to_come_reason(to_come)
            self.unsure.append(Unsure(number["value"], sentence, reason, self.label))

    def not_held_reason(
        self, denied: str, sentence: str, number: re.Match, heading: re.Match | None = None
    ) -> str:
        """Why a number naming what a sentence says is not held (`denied`: the words saying so)
        is for a person: what it names, and, where determiner and technology make it name
        things held ("the 6 knife wands") and the question asks another measure, that measure.
        A number listed after another (`heading`: "the 4 knife arches and 6 knife wands") has
        the first's determiner."""
        counted = _counted(sentence, number.end())
        determiner = NAMING_HELD.search(sentence, 0, number.start())
        start = determiner.start() if determiner else number.start()
        end = _named_end(sentence, number)  # "the 6 wands", not "the 6 wands and"
        names = sentence[start : number.end() + len(counted) if end is None else end].strip()
        if heading is not None and determiner is None:
            determiner = NAMING_HELD.search(sentence, 0, heading.start())
        held = "devices_in_service"
        if determiner and named("technology", counted) and held not in self.measures():
            return (
                f"the sentence says information is not held ('{denied}'), and its number names "
                f"{MEASURE_WORDS[held]} ('{names}'), where the question asks "
                f"{measures_asked(self.topics)}: is it the number asked, or another?"
            )
        return (
            f"the sentence says information is not held ('{denied}'), and its number names what "
            f"that is about ('{names}'): is it the number asked, or another?"
        )

    def period_notes(self, lines: list[str]) -> None:
        """A note of the answer saying a period's figures are estimates, provisional or
        incomplete ("Figures for 2021/22 are approximate", "The 2024 figure is provisional"; a
        line with no number of its own) qualifies each figure of that period that its own words
        left exact; a note naming no period ("All figures are approximate") each figure of the
        answer."""
        if infer_qualifier(self.text) == "exact":
            return  # most answers say nothing of the kind anywhere
        for i, line in enumerate(lines):
            if i in self.used:
                continue
            qualifier = infer_qualifier(line)
            if qualifier not in NOTED_QUALIFIERS or candidates(line):
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

    def part_periods(self, lines: list[str]) -> None:
        """A note that a period's figure stops short of the period's end ("The 2023 figure runs
        to 30 November 2023") ends that figure's period on its day: the period the note names,
        else the one period of the answer's figures that holds the day; where neither is sure,
        the note is listed for a person."""
        for i, line in enumerate(lines):
            if i in self.used or " to " not in line and " until " not in line:
                continue
            part = PART_PERIOD.search(line)
            ending = find_date(part["day"]) if part else None
            if part is None or ending is None:
                continue
            day = ending[0].isoformat()
            named_period = period_in(line[: part.start("day")])
            start, end = iso_days(named_period)
            holding = {
                (f.period_start, f.period_end)
                for f in self.figures
                if f.period_start
                and f.period_end
                and f.period_start <= day < f.period_end
                and (named_period is None or (f.period_start, f.period_end) == (start, end))
            }
            if len(holding) != 1:
                reason = (
                    f"a note that a figure's period runs only to {part['day']}: which figure's, "
                    "and is the rest of its period asked?"
                )
                self.unsure.append(Unsure(part["day"], line, reason, self.label))
                continue
            [(start, end)] = holding
            self.figures = [
                _ended(figure, day, part["day"])
                if (figure.period_start, figure.period_end) == (start, end)
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
                reason = footnote_mark_reason(mark.group(0))
                self.unsure.append(Unsure(number["value"], sentence, reason, self.label))
            elif not any(m and m.start() <= number.start() < m.end() for m in marks):
                left.append(number)
        return left

    def number_words(self, lines: list[str], everywhere: bool) -> None:
        """A number written as a word ("six knife arches", "4. None.", "2022/23 - nil") is left
        for a person, never read: "no" and "one" are as often words of a sentence as numbers.
        Looked for `everywhere` in an answer where no number was found; in one that gave
        numbers, in a period's line whose value is a word (`PERIOD_WORD`) and in the sentences
        of the lines read as no shape that hold no number of their own ("None were purchased
        in 2023.") — a year the figures leave out, with no note, would go unseen."""
        for i, line in enumerate(lines):
            if (not everywhere and i in self.used) or not has_number_word(line):
                continue  # most lines of an answer giving numbers hold no number word
            worded = _period_word(line)
            if worded:
                reason = "a number written as a word"
                self.unsure.append(Unsure(worded["value"], line.strip(), reason, self.label))
                continue
            for sentence in sentences(line):
                if not echoes(sentence, self.question_text):
                    self._number_words(sentence, everywhere)

    def _number_words(self, sentence: str, everywhere: bool = True) -> None:
        for word in NUMBER_WORD.finditer(sentence):
            before, after = sentence[: word.start()], sentence[word.end() :]
            alone = ALONE.fullmatch(before) and ALONE.fullmatch(after)
            if alone or _counts_something(before, after):
                if not everywhere and candidates(sentence):
                    return  # a sentence with a number of its own: its shapes read it
                reason = "a number written as a word"
                self.unsure.append(Unsure(word.group(0), sentence, reason, self.label))


def _period_word(line: str) -> re.Match | None:
    """A period's line whose value is a number written as a word (`PERIOD_WORD`: "2022/23 -
    nil"), or None; its last word is looked at first, most lines ending in none."""
    words = line.rstrip(" .;\t").rsplit(None, 1)
    if not words or NUMBER_WORD.fullmatch(words[-1]) is None:
        return None
    worded = PERIOD_WORD.match(line)
    return worded if worded and period_named(worded["period"]) else None


def _ended(figure: Figure, day: str, written: str) -> Figure:
    """The figure with its period ending on `day`, as a note writes it (`written`)."""
    label = f"{figure.period_label or figure.period_start} (to {written})"
    return replace(figure, period_end=day, period_label=label)


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
    return replace(figure, qualifier=qualifier)


def _period_goes_on(match: re.Match) -> bool:
    """Whether the value after a period and a dash (`DASHED`) may be a part of a period: a year
    ("2021 - 2022"), the next year's last digits ("2021 - 22"), a month's ("2021 - 05") or a
    day's ("1 January 2021 - 31 March 2021")."""
    value, rest = match["value"], match["rest"]
    if (len(value) > 1 and value[0] == "0") or period_named(value) or MONTH_AFTER.match(rest):
        return True
    year = re.search(r"(?:19|20)\d\d$", match["period"].strip())
    return bool(year and len(value) == 2 and int(value) == (int(year.group(0)) + 1) % 100)


def _period_of(words: str) -> tuple[Period | None, bool]:
    """The one period a sentence's words (its number left out) name, and whether they name
    none (its question's period may then be the figure's)."""
    period = period_in(words)
    named_none = period is None
    if period is None:
        # two years in a row its own words do not settle: the answer's may
        spanned = TWO_YEARS.search(words)
        period = period_named(spanned.group(0)) if spanned else None
        named_none = period is None
    if period is not None and period.end is None:
        period = None  # "since 2018": its end is not said
    return period, named_none


def _not_held_of(sentence: str, number: re.Match) -> str | None:
    """The words saying information is not held (`NOT_HELD_OF`) in the clause of the sentence
    that a number stands in, before it, or as the predicate of what it counts ("40 knife wands
    were not recorded"), or None."""
    after = _denied_after(sentence, number)
    if after:
        return after
    before = sentence[: number.start()]
    denials = list(NOT_HELD_OF.finditer(before))
    if not denials:
        return None  # most sentences deny nothing
    last = denials[-1]
    if CLAUSE_END.search(before, last.end()):
        return None  # "We hold no record of the make, but we bought 6 in 2023"
    if _clause_joined(sentence, last, number):
        return None  # "We have no record of the make of our arches and 40 wands were bought"
    return last.group(0)


def _denied_after(sentence: str, number: re.Match) -> str | None:
    """The words saying information is not held that are the predicate of what a number counts
    ("40 knife wands were not recorded", "12 scanners have not been recorded"), or None."""
    if " not " not in sentence and " never " not in sentence:
        return None  # most sentences deny nothing: a substring says so at a scan's cost
    counted = _counted(sentence, number.end())
    verb = BE_BEFORE_DENIAL.match(sentence, number.end() + len(counted))
    found = NOT_HELD_OF.match(sentence, verb.end()) if verb else None
    return found.group(0) if found else None


def _clause_joined(sentence: str, denial: re.Match, number: re.Match) -> bool:
    """Whether a clause of its own (`COORDINATED_CLAUSE`: "and 40 knife wands were bought")
    starts after a denial and before the number's verb, the denial's clause having its own
    verb (a finite one, or the denial not its clause's first words) and asking no question
    whose verb it may be (`EMBEDDED_QUESTION`): the number is then the joined clause's, out of
    the denial's reach."""
    joined = COORDINATED_CLAUSE.search(sentence, denial.end())
    if joined is None or joined.start() > number.start():
        return False  # most denials join no clause, or only after the number
    if EMBEDDED_QUESTION.search(sentence, denial.end(), joined.start()):
        return False  # "no record of which arches and 40 wands were bought": what it denies
    # the denial's own clause, from the last clause end before it ("In 2023, no record of ...":
    # from "no"), judges whether it has a verb; a phrase naming when ("In 2023 no record") none
    opening = [end.end() for end in CLAUSE_END.finditer(sentence, 0, denial.start())]
    start = opening[-1] if opening else 0
    subject = LEADING_PHRASE.sub("", sentence[start : denial.start()]).strip()
    return bool(HAS_FINITE_VERB.search(sentence, start, joined.start()) or subject)


def _denials(sentence: str, numbers: list[re.Match]) -> list[tuple[str, re.Match] | None]:
    """For each of a sentence's numbers, the words saying what it names is not held
    (`_not_held_of`) with the number heading its list, or None. A number listed straight after
    one a denial covers (`_listed_after`: "no record of the 4 knife arches, or our 6 knife
    wands") is covered too, though a comma or "and our" would start another clause, and names
    what the list's first names: "the" of "the 4 knife arches and 6 knife wands" is the 6's."""
    found: list[tuple[str, re.Match] | None] = []
    for i, number in enumerate(numbers):
        last = found[-1] if found else None
        if last is not None and _listed_after(sentence, numbers[i - 1], number):
            found.append(last)
            continue
        denied = _not_held_of(sentence, number)
        found.append((denied, number) if denied is not None else None)
    return found


def _listed_after(sentence: str, previous: re.Match, number: re.Match) -> bool:
    """Whether a number is the next item of a list after the one before it, each naming a
    technology ("4 knife arches and 6 knife wands", "4 arches, or our 6 wands"), and its item
    ends the list or joins the next (not "..., and 4 arches were bought")."""
    first, then = _named_end(sentence, previous), _named_end(sentence, number)
    return (
        first is not None
        and then is not None
        and LIST_NEXT.fullmatch(sentence, first, number.start()) is not None
        and LIST_ITEM_END.match(sentence, then) is not None
    )


def _named_end(sentence: str, number: re.Match) -> int | None:
    """Where the technology's name a number counts ends ("4 knife arches", "6 wands": not the
    "and" that `COUNTED`'s two words may take after "wands"), or None where it names none."""
    counted = _counted(sentence, number.end())
    names = named_where("technology", counted)
    if not names:
        return None
    stop = number.end() + max(end for _, _, end in names)
    word = WORD_END.match(sentence, stop)  # the rest of the name's last word
    return word.end() if word else stop


def _doubted(sentence: str, numbers: list[re.Match]) -> bool:
    """Whether any number of the sentence is no period's figure (`_doubt`): its numbers are
    then all for a person."""
    return any(_doubt(sentence, number) for number in numbers)


def _doubt(sentence: str, number: re.Match) -> str | None:
    """Why a sentence's number (or sum of money) is no period's figure, or None: a bound ("over
    30", "5 or fewer"), a running total, or a rate or an average (`_a_rate`)."""
    if BOUND.search(sentence, 0, number.start()) or BOUND_AFTER.match(sentence, number.end()):
        return A_BOUND
    ranged = _range_reason(sentence, number)
    if ranged:
        return ranged
    denied = _not_held_of(sentence, number)
    if denied:
        return f"a number naming what the sentence says is not held ('{denied}'), no figure"
    to_come = _to_come(sentence, number)
    if to_come:
        return _to_come_reason(to_come)
    running = RUNNING_TOTAL.search(sentence)
    if running:
        return RUNNING_TO_A_DAY if running["day"] else RUNNING_FROM_THE_LETTER
    return A_RATE if _a_rate(sentence, number) else None


def _range_reason(sentence: str, number: re.Match) -> str | None:
    """Why a number is one end of a range ("10 to 15 searches", "between 10 and 15"), or
    None."""
    after = _range_after(sentence, number.end())
    if after:
        return a_range(number["value"], after["high"])
    between = _between(sentence, number)
    if between:
        return a_range(between["low"], between["high"])
    if (
        not sentence[max(0, number.start() - RANGE_JOIN_CHARS) : number.start()]
        .rstrip()
        .endswith(RANGE_JOINS)
    ):
        return None  # most numbers start no range's second end: the few characters before say so
    before = RANGE_BEFORE.search(sentence, 0, number.start())
    if before and period_named(before["low"]) is None:
        return a_range(before["low"], number["value"])
    return None


def _between(sentence: str, number: re.Match) -> re.Match | None:
    """The range in words ("between 10 and 15") a number is one end of, or None; years are a
    period's ends, no range's."""
    if "between" not in sentence and "Between" not in sentence:
        return None  # most sentences name no range in words
    for found in RANGE_BETWEEN.finditer(sentence):
        ends = (found.start("low"), found.start("high"))
        if number.start() in ends:
            if period_named(found["low"]) or period_named(found["high"]):
                return None
            return found
    return None


def _range_after(text: str, at: int) -> re.Match | None:
    """The rest of a range starting with a number ending at `at` ("-15" of "10-15"), or None;
    a year is no end of a range ("It has – in 2023 – 7": an aside)."""
    found = RANGE_AFTER.match(text, at)
    return found if found and period_named(found["high"]) is None else None


def _to_come_reason(words: str) -> str:
    return (
        f"the sentence speaks of things ordered or still to come ('{words}'), not of things "
        "held or bought: is it the number asked, or another?"
    )


def _to_come(sentence: str, number: re.Match, numbers: list[re.Match] | None = None) -> str | None:
    """The words saying things are not had yet (`TO_COME`) in the clause a number stands in
    ("The force has 60 scanners on order, due in 2026"), not in another clause ("We have 42
    wands, and have ordered more") nor about another of the sentence's `numbers` ("We have 42
    wands and 10 more on order": the 10's), or None."""
    if not may_match(TO_COME_WORDS, lowered(sentence)) or TO_COME.search(sentence) is None:
        return None  # most sentences speak of what is, or was: their words say so cheaply
    others = numbers or []
    start = max(
        [end.end() for end in CLAUSE_ENDS_BEFORE_TO_COME.finditer(sentence, 0, number.start())]
        + [other.end() for other in others if other.end() <= number.start()],
        default=0,
    )
    after = CLAUSE_ENDS_BEFORE_TO_COME.search(sentence, number.end())
    end = min(
        [after.start() if after else len(sentence)]
        + [other.start() for other in others if other.start() >= number.end()]
    )
    found = TO_COME.search(sentence, start, end)
    return found.group(0) if found else None


def _value_of(number: re.Match) -> float:
    return parse_number(number["value"])


def _relation_of(
    pattern: re.Pattern,
    ahead: bool,
    whole_before: bool,
    sentence: str,
    number: re.Match,
    other: re.Match,
) -> tuple[str, int, int] | None:
    """The words relating a number to the sentence's other number (`RELATED`) and the span of
    its clause, from those words (or the number, its words after it) to the clause's end, the
    other number outside it; or None."""
    if whole_before and other.start() > number.start():
        return None
    if ahead:
        found = pattern.match(sentence, number.end())
        start = number.start()
    else:
        found = pattern.search(
            sentence, other.end() if other.end() <= number.start() else 0, number.start()
        )
        start = found.start() if found else 0
    if found is None:
        return None
    clause_end = CLAUSE_END.search(sentence, number.end())
    end = clause_end.start() if clause_end else len(sentence)
    if start <= other.start() < end:
        return None
    return found.group(0).strip(" ,"), start, end


def _to_come_listed(sentence: str, numbers: list[re.Match]) -> list[str | None]:
    """For each of a sentence's numbers, the words saying it counts things to come (`_to_come`),
    or None: an item listed after one they cover shares them (`_listed_after`: "ordered 4 knife
    arches and 6 knife wands"), and one listed before ("4 knife arches and 6 knife wands on
    order": the 4's too), as nouns joined with no verb of their own, the words straight after the
    list (not "We have 42 knife wands, and 10 knife arches are on order": the 10's alone)."""
    found = [_to_come(sentence, number, numbers) for number in numbers]
    for i in range(1, len(numbers)):  # "ordered 4 knife arches and 6 knife wands": the 6's too
        if found[i] is None and found[i - 1] and _listed_after(sentence, *numbers[i - 1 : i + 1]):
            found[i] = found[i - 1]
    for i in range(len(numbers) - 2, -1, -1):
        if found[i] is None and found[i + 1] and _listed_before(sentence, *numbers[i : i + 2]):
            found[i] = found[i + 1]
    return found


def _listed_before(sentence: str, previous: re.Match, number: re.Match) -> bool:
    """Whether a number's item is joined to the next as a noun of a list ("4 knife arches and 6
    knife wands on order"), each naming a technology, the next's words after it holding no verb
    of their own before the words saying things are to come."""
    first, then = _named_end(sentence, previous), _named_end(sentence, number)
    if first is None or then is None or not LIST_NEXT.fullmatch(sentence, first, number.start()):
        return False
    to_come = TO_COME.search(sentence, then)
    return to_come is not None and not HAS_FINITE_VERB.search(sentence, then, to_come.start())


def _money_doubt(sentence: str, sums: list[re.Match], asked: bool) -> str | None:
    """Why a sentence's sums of money are for a person, or None where its one sum is the
    spend a question asks."""
    if not asked:
        return "a sum of money, which the question does not ask of"
    if len(sums) > 1:
        return "one of several sums of money in a sentence"
    found = sums[0]
    scaled = written_in_a_scale(found)
    if scaled:
        return scaled
    each = UNIT_PRICE.search(sentence)
    if each:
        return (
            f"a price of one ('{each.group(0)}'), not a sum spent in a period: the spend asked is "
            "it times the number bought; is that number given?"
        )
    return _doubt(sentence, found)


def _a_rate(sentence: str, number: re.Match) -> bool:
    """Whether the sentence states its number as a rate or an average ("an average of 120
    searches a month"), not a period's count; a share (a percentage) and a time to examination,
    which is an average by its nature, are what they say."""
    return (
        not number.groupdict().get("percent")  # a sum of money has none
        and RATE_IN_A_SENTENCE.search(sentence) is not None
        and "time_to_examination" not in named("measure", sentence)
    )


# How each of a sentence's several numbers is read: (the number, its period and whether none
# was named, the technology its own words name or None)
Read = list[tuple[re.Match, tuple[Period | None, bool], str | None]]


def _by_technology(sentence: str, numbers: list[re.Match], asked: frozenset[str]) -> Read | None:
    """Each number followed by what it counts, naming one of the question's technologies, each
    technology once: "The force owns 4 knife arches and 20 wands." The period is the
    sentence's, as for one number; numbers listed "respectively" are not of one period."""
    if RESPECTIVELY.search(sentence):
        return None
    owned = []
    for number in numbers:
        counted = _counted(sentence, number.end())
        named_here = set(named("technology", counted)) if counted else set()
        if len(named_here) != 1 or not named_here <= asked:
            return None
        owned.append(named_here.pop())
    if len(set(owned)) != len(owned):
        return None
    period = _period_of(_without(sentence, numbers))
    return [(number, period, technology) for number, technology in zip(numbers, owned, strict=True)]


def _by_measure(
    sentence: str, numbers: list[re.Match], asked: frozenset[str]
) -> list[tuple[re.Match, tuple[Period | None, bool], str]] | None:
    """Each number counting one of the measures the question asks, each measure once, by the
    words of its own clause, from it to the next number: "In 2024, 1,200 searches were carried
    out and 85 led to an arrest." answering a question asking both. The period is the
    sentence's, as for one number. Each number with the words saying what it counts, or None
    where the sentence is not of that shape."""
    if len(asked) < 2 or RESPECTIVELY.search(sentence):
        return None  # most questions ask one measure
    read: list[tuple[re.Match, str]] = []
    counted: set[str] = set()
    for index, number in enumerate(numbers):
        end = numbers[index + 1].start() if index + 1 < len(numbers) else len(sentence)
        words = sentence[number.start() : end]
        before, after = sentence[: number.start()], sentence[number.end() : end]
        measures = set(named("measure", words))
        own = _subject_of_what_followed(before, after)
        if own is not None:
            measures = {own}
        elif not _counts_something("", after):
            return None
        if len(measures) != 1 or not measures <= asked or measures & counted:
            return None
        counted |= measures
        read.append((number, words))
    period = _period_of(_without(sentence, numbers))
    return [(number, period, words) for number, words in read]


def _respectively(sentence: str, numbers: list[re.Match], asked: frozenset[str]) -> Read | None:
    """Periods listed and as many numbers listed, paired in order, the numbers together
    counting something: "In 2021 and 2022 the force carried out 312 and 401 searches
    respectively", or the periods after them: "312 and 401 searches in 2021 and 2022
    respectively." """
    if not RESPECTIVELY.search(sentence):
        return None
    first, last = numbers[0], numbers[-1]
    listed = PERIODS_LISTED.search(sentence, 0, first.start()) or PERIODS_LISTED.search(
        sentence, last.end()
    )
    if listed is None or SPAN_BEFORE.search(sentence, 0, listed.start()):
        return None
    periods = [period_named(m.group(0)) for m in re.finditer(PERIOD_ITEM, listed.group(0), re.I)]
    if (
        len(periods) != len(numbers)
        or None in periods
        or len(NAMED_YEAR.findall(sentence)) != len(NAMED_YEAR.findall(listed.group(0)))
        or not all(
            NUMBERS_JOINED.fullmatch(sentence, one.end(), other.start())
            for one, other in zip(numbers, numbers[1:], strict=False)
        )
        or not _counts_something(sentence[: first.start()], sentence[last.end() :])
    ):
        return None
    return _paired(numbers, periods)


def _each_with_its_period(
    sentence: str, numbers: list[re.Match], asked: frozenset[str]
) -> Read | None:
    """Each number with its own period after it, counting what the first counts, joined to
    the next by a comparison: "There were 150 matches in 2021, compared with 176 in 2022." """
    owns: list[re.Match[str]] = []
    for number in numbers:
        own = OWN_PERIOD.match(sentence, number.end())
        if own is None:
            return None
        owns.append(own)
    first = numbers[0]
    counted = {(own["counted"] or "").strip().lower() for own in owns[1:]} - {""}
    periods = [period_named(own["period"]) for own in owns]
    years_own = sum(len(NAMED_YEAR.findall(own["period"])) for own in owns)
    if (
        None in periods
        or not counted <= {(owns[0]["counted"] or "").strip().lower()}
        or years_own != len(NAMED_YEAR.findall(sentence))
        or not all(
            COMPARED.fullmatch(sentence, own.end(), number.start())
            for own, number in zip(owns, numbers[1:], strict=False)
        )
        or not _counts_something(sentence[: first.start()], sentence[first.end() :])
    ):
        return None
    return _paired(numbers, periods)


def _paired(numbers: list[re.Match], periods: list) -> Read:
    """Each number with its period, in order."""
    return [
        (number, (period, False), None) for number, period in zip(numbers, periods, strict=True)
    ]


SEVERAL_SHAPES: Final = (_by_technology, _respectively, _each_with_its_period)


def _without(sentence: str, numbers: list[re.Match]) -> str:
    """The sentence's words without its numbers."""
    ends = [0, *(n.end() for n in numbers)]
    starts = [*(n.start() for n in numbers), len(sentence)]
    return " ".join(sentence[end:start] for end, start in zip(ends, starts, strict=True))


def _counted(text: str, at: int = 0) -> str:
    """The words a number ending at `at` counts: the two after it (`COUNTED`), run on to the
    end of a technology's name that starts in them ("8 hand-held metal detectors", "4
    walk-through metal detectors": names of three words); "" where no word follows."""
    counted = COUNTED.match(text, at)
    if counted is None:
        return ""
    if counted_nouns().search(counted.group(0)) or named("technology", counted.group(0)):
        return counted.group(0)  # most numbers: the two words say what is counted
    end = counted.end()
    # the rest of the sentence is searched only here, so that few passages are cached by `named`
    for _, start, stop in named_where("technology", text[at:]):
        word = WORD_END.match(text, at + stop)  # always matches, if only nothing
        if at + start < end and word:
            end = max(end, word.end())
    return text[at:end]


def _counts_something(before: str, after: str) -> bool:
    """Whether a sentence states its number as a count of something the vocabulary knows:
    followed by what it counts ("120 devices", "40 scans", "6 knife arches"; the nouns of
    `counted` in schemas/questions.yaml, or a measure's or technology's words), or stated
    as the value of a measure the sentence names ("Matches ... numbered 87")."""
    counted = _counted(after)
    if counted and (
        counted_nouns().search(counted) or named("measure", counted) or named("technology", counted)
    ):
        return True
    if STATED.search(before) and named("measure", before):
        return True
    return _subject_of_what_followed(before, after) is not None


def _subject_of_what_followed(before: str, after: str) -> str | None:
    """The measure a number counts as its clause's subject followed by what followed ("85 led to
    an arrest", "and 12 resulted in arrests"), or None: the one measure the verb's clause names
    (a measure counting uses that led somewhere, `arrests`)."""
    if not SUBJECT_BEFORE.search(before):
        return None
    verb = VERB_OF_WHAT_FOLLOWED.match(after)
    if verb is None:
        return None
    measures = named("measure", verb["rest"])
    return measures[0] if len(measures) == 1 else None


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
    read_tables(reader, lines)
    reader.equals(lines)
    reader.sentences(lines)
    reader.money(lines)
    if reader.figures:
        reader.period_notes(lines)
        reader.part_periods(lines)
    reader.number_words(lines, not reader.figures and not reader.unsure)
    return FigureReading(
        tuple(reader.figures),
        tuple(reader.unsure),
        tuple(reader.hidden),
        tuple(reader.undated),
        tuple(reader.period_headings),
        tuple(reader.part_headings),
        tuple(reader.blanks),
        tuple(reader.sums_unread),
    )


def read_response_figures(response: Response, mapped: Iterable[QuestionTopics]) -> FigureReading:
    """The figures of each question's own answer (or, for a response with one question or
    an unnumbered answer, of the whole answer) with that question's topics."""
    figures: list[Figure] = []
    unsure: list[Unsure] = []
    hidden: list[tuple[str | None, str]] = []
    undated: list[tuple[str | None, str]] = []
    period_headings: list[tuple[str, tuple[Period, ...]]] = []
    part_headings: list[tuple[str, tuple[str, ...]]] = []
    blanks: list[tuple[str | None, str]] = []
    sums_unread: list[tuple[str | None, str]] = []
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
        period_headings.extend(reading.period_headings)
        part_headings.extend(reading.part_headings)
        blanks.extend(reading.blanks)
        sums_unread.extend(reading.sums_unread)

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
    return FigureReading(
        tuple(figures),
        tuple(unsure),
        tuple(hidden),
        tuple(undated),
        tuple(period_headings),
        tuple(part_headings),
        tuple(blanks),
        tuple(sums_unread),
    )
