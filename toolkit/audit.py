"""Every number in a document's text, and what became of it.

Each number is one of: a figure an adapter read (an observation's value); part of the period
of an observation or an outcome, or a period heading a table's column (`period_headings`: the
heading rows of periods a draft's reading found, "Device | 2022 | 2023"); the label of a part
heading a table's row or column (`part_headings`: "Under 18 | 18-24 | 65+", a draft's reading's
labels naming parts of a breakdown, each label's own numbers only); a common non-figure
recognised here once for every adapter (a year, a date, a reference, a question number, a
section of the Act, an address); or a passage the adapter declares it ignores, with its reason.
Anything else is *unexplained*: a figure the adapter may have missed, which ingest reports as a
warning.

A number is a run of digits (with "," or "." between digit groups) and the letters glued to it:
"21,790", "93%", "Q1", "3rd". Roman numerals (i, ii) hold no digit and are not listed.
"""

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import ClassVar, Final, NamedTuple

from .cleaning import SCALE_IN_DIGITS, caveat_scale, in_scale
from .layouts.literals import LONG, ascii_words, lowered, reads_behind, words_of
from .readers.cells import sheet_line
from .rules import Ignore, compiled

# Starts only where a run of letters or digits starts, so a huge word is read in linear time.
TOKEN: Final = re.compile(r"(?<![^\W_])[^\W\d_]*+\d++(?:[.,]\d++)*+%?[^\W\d_]*+")
BARE: Final = re.compile(r"\d+(?:[.,]\d+)*%?")
DIGIT: Final = re.compile(r"\d")
# A TOKEN from its first digit. It starts with one digit, not a run (\d++), so that the regular
# expression engine skips to the next digit at once instead of trying every position.
CORE: Final = re.compile(r"\d\d*+(?:[.,]\d++)*+%?[^\W\d_]*+")
# CORE in a text whose characters beyond ASCII are all punctuation of U+2000 to U+203F (the
# curly quotes, dashes and bullets that letters type), as bytes of its shape: each of those
# characters "?", each digit NUL and each letter "A". A search for one byte skips to the next
# digit far quicker than a search for `\d`, which asks Unicode's tables of every character.
# Captured, to split the text by.
SHAPED_CORE: Final = re.compile(rb"(\0\0*+(?:[.,]\0++)*+%?A*+)")
SHAPE: Final = bytes.maketrans(
    b"0123456789" + bytes(range(65, 91)) + bytes(range(97, 123)), b"\0" * 10 + b"A" * 52
)
REACH: Final = 20  # characters before a number where a passage explaining it may start
TAIL: Final = 10  # characters after it where such a passage may end, beyond numbers of its own
WORD: Final = 200  # the longest word (a web address, a reference) read whole

YEAR: Final = r"(?:199\d|20[0-2]\d|203[0-5])"
MONTH: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
ORDINAL: Final = r"(?:st|nd|rd|th)?"

# Kinds of number, in the order a number is explained (the first that applies wins).
FIGURE: Final = "figure"
PERIOD: Final = "period"
IGNORED: Final = "ignored"
PART_LABEL: Final = "label"
UNEXPLAINED: Final = "unexplained"
NOT_EXPLAINED: Final = "not a figure read by the adapter, nor explained"


def _common(kind: str, reason: str, *patterns: str) -> list[tuple[str, Ignore]]:
    return [(kind, Ignore(pattern=pattern, reason=reason)) for pattern in patterns]


# Non-figures every force's letters hold. A year counts only in a context that makes it one
# ("from 2015", "2018 to 2021", "Act 2000", "2015, 2016 and 2017"): a bare 2016 may be a count.
COMMON: Final[list[tuple[str, Ignore]]] = [
    *_common(
        "date",
        "a date",
        rf"(?i)\b\d{{1,2}}{ORDINAL}\s+(?:of\s+)?{MONTH}\.?,?\s+\d{{4}}\b",
        rf"(?i)\b{MONTH}\.?\s+\d{{1,2}}{ORDINAL},?\s+\d{{4}}\b",
        rf"(?i)\b{MONTH}\.?\s+{YEAR}\b",
        r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b",
        r"\b\d{4}-\d{2}-\d{2}\b",
    ),
    *_common(
        "year",
        "a year",
        rf"\b{YEAR}\s*(?:to|until|till|through|and|[-–—])\s*{YEAR}\b",
        rf"\b{YEAR}[/-]\d{{2}}\b",
        rf"(?i)\b(?:in|from|since|during|until|till|pre|post|before|after|between|year|years"
        rf"|FY|Act|end of|start of|beginning of|as of|as at)\s+{YEAR}\b",
    ),
    *_common("year", "a list of years", rf"\b{YEAR}(?:\s*(?:,|and|&|or)\s*{YEAR}\b)+"),
    *_common(
        "year",
        "the year of an Act",
        r"(?i)\b(?:Act|PACE|Order|Regulations?)\s+\(?(?:1[89]\d\d|20\d\d)\b",
    ),
    *_common(
        "reference",
        "a reference number",
        r"(?i)\b(?:\w++[./-])*+FOI(?:[./-]?\w++)++",
        r"(?i)\bFOI\s*(?:request\s*)?(?:no\b\.?|number|ref(?:erence)?)?\s*:?\s*\d[\w./-]*",
        r"(?i)\bref(?:erence)?\s*(?:(?:no|number|num)\b\.?\s*:?|:)\s*[\w./-]*\d[\w./-]*",
        r"(?i)\b(?:request|case|application)\s+(?:no\b\.?|number)?\s*:?\s*\d[\w.-]*/[\w./-]+",
        r"\b\d{3,6}/\d{2}(?:/[A-Z]{1,4})?\b(?!/)",  # 049/19, 001925/22: a count has no "/"
    ),
    *_common(
        "question",
        "a question number",
        r"^\s*\(?\d{1,2}[.)](?=\s|$)",  # "1." on a line of its own, above its answer too
        r"^\s*\(?\d{1,2}\s*(?:[-–]|to)\s*\d{1,2}[.)](?=\s|$)",
        r"^\s*\(\d{1,2}\)",
        r"(?i)^\s*(?:Q|question\s*)\d{1,2}\b",
        r"\bQ\d{1,2}(?:\s*(?:[-–]|to)\s*Q?\d{1,2})?\b",
        r"(?i)\bquestions?\s+(?:no\b\.?\s*)?\d{1,2}(?:\s*(?:and|&|,|to|-|–)\s*\d{1,2})*",
    ),
    *_common(
        "section of the Act",
        "a section of the Freedom of Information Act",
        r"(?i:\bsections?\s+|\bs\.?(?=\d))\d{1,3}(?:\s?\(\s?\d+\s?\))*(?:\s?\(\s?[a-z]\s?\))?"
        r"(?:\s*(?:,|and|&|or)\s*\d{1,3}(?:\(\d+\))*(?:\([a-z]\))?)*",
    ),
    *_common(
        "address",
        "an address, telephone number or page number",
        r"(?i)\bhttps?://\S+|\bwww\.\S+|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++",
        r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b",
        r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b",
        r"(?i)\bpage\s+\d+(?:\s+of\s+\d+)?\b",
        r"(?i)\b(?:tel(?:ephone)?|phone|call|dial)\b\.?:?\s*(?:us\s+)?(?:on\s+)?(?:101|999|111)\b",
        r"(?i)\bP\.?\s?O\.?\s+Box\s+\d+\b",
        r"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|Road|Lane|Avenue|Way|Place"
        r"|Square|Drive|Court|Close|Row|Hill|Park|Gardens|Parade|Terrace)\b",
    ),
    *_common(
        "identifier",
        "a paragraph of a PACE code of practice",
        r"(?i)\bpara(?:graph)?s?\.?\s*\d+(?:\.\d+)*\s+of\s+(?:PACE\s+)?Code\s+[A-H]\b",
        r"(?i)\b(?:PACE\s+)?Code\s+[A-H]\s*,?\s*(?:para(?:graph)?s?\.?\s*)?\d+(?:\.\d+)*",
    ),
    *_common("scale", "the scale sums are written in (£000s)", SCALE_IN_DIGITS),
    *_common(
        "identifier",
        "the name of a workbook's sheet, written before its rows",
        rf"^{re.escape(sheet_line(''))}[^\n]*",
    ),
    *_common(
        "identifier",
        "the name of a system, form or code, not a count",
        r"\b[A-Z]{2,}\d+[A-Z\d]*\b",  # IDENT1, PNC2, ANPR3
    ),
]


class Number(NamedTuple):
    """One number in the text, where it stands, and what it is (a document holds hundreds: a
    tuple is made several times faster than a frozen dataclass)."""

    text: str
    start: int
    line: int
    kind: str
    detail: str
    observation_id: str | None = None

    def render(self) -> str:
        which = f" (observation {self.observation_id})" if self.kind == FIGURE else ""
        return f"line {self.line:>4}  {self.text:<12} {self.kind}: {self.detail}{which}"


@dataclass
class Audit:
    """The numbers of a text (`spans`: where each starts and ends) and each one's verdict:
    (kind, detail, row id), or None for a number left unexplained. An ingest wants only the
    unexplained; the list of every number, with its line, is made when asked for (`multiforce
    audit`)."""

    path: Path
    text: str = field(repr=False)
    spans: list[tuple[int, int]] = field(default_factory=list, repr=False)
    verdicts: list[tuple[str, str, str | None] | None] = field(default_factory=list, repr=False)

    @cached_property
    def numbers(self) -> list[Number]:
        return self._numbers(range(len(self.spans)))

    @property
    def unexplained(self) -> list[Number]:
        return self._numbers(i for i, verdict in enumerate(self.verdicts) if verdict is None)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for verdict in self.verdicts:
            kind = verdict[0] if verdict else UNEXPLAINED
            counts[kind] = counts.get(kind, 0) + 1
        return counts

    def _numbers(self, indexes) -> list[Number]:
        """The numbers at `indexes` (in order), with their lines and verdicts."""
        numbers, line, line_start = [], 1, 0
        for i in indexes:
            start, end = self.spans[i]
            line += self.text.count("\n", line_start, start)
            line_start = start
            kind, detail, row_id = self.verdicts[i] or (UNEXPLAINED, NOT_EXPLAINED, None)
            numbers.append(Number(self.text[start:end], start, line, kind, detail, row_id))
        return numbers

    def summary(self) -> str:
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(self.counts().items()))
        return f"{self.path.name}: {len(self.spans)} numbers ({parts or 'none'})"

    def render(self) -> str:
        return "\n".join([self.summary(), *(n.render() for n in self.numbers)])

    def warnings(self) -> list[str]:
        return [
            f"{self.path.name} line {n.line}: the number {n.text} "
            f'(in "{_context(self.text, n)}") was not read as a figure and is not a year, date, '
            "reference or question number. If it is a figure, the adapter should read it; if "
            "not, declare it in the adapter's `ignored` rules with the reason (run `multiforce "
            "audit` on the document to see every number)."
            for n in self.unexplained
        ]


def audit(path: Path, text: str, rows: dict[str, list[dict]], ignored=()) -> Audit:
    """What became of every number of `text`, given the rows parsed from it."""
    starts, ends = _spans(text)
    texts = [text[start:end] for start, end in zip(starts, ends, strict=True)]
    verdicts: list[tuple[str, str, str | None] | None] = [None] * len(starts)

    def explain(start: int, end: int, verdict, accepts=None) -> None:
        """`verdict` for each number from start to end not yet explained that `accepts` (a test
        of the number's text) takes."""
        for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            if verdicts[i] is None and ends[i] <= end and (accepts is None or accepts(texts[i])):
                verdicts[i] = verdict

    occurrences = _Occurrences(text)
    observations = rows.get("observations", [])
    described = [_describe(row) for row in observations]
    for row, what in zip(observations, described, strict=True):
        for start, end in occurrences(row.get("quote")):
            explain(start, end, (FIGURE, what, row["observation_id"]), _states(row))
    outcomes = rows.get("outcomes", [])
    for table, what, row in [
        *(("observations", what, row) for row, what in zip(observations, described, strict=True)),
        *(("outcomes", _describe_outcome(row), row) for row in outcomes),
    ]:
        found = occurrences(row.get("quote"))
        if found:
            accepts = in_period(
                row.get("period_start"), row.get("period_end"), row.get("period_label")
            )
            verdict = (PERIOD, f"the period of {what}", row.get(ROW_ID[table]))
            for start, end in found:
                explain(start, end, verdict, accepts)
    for row in rows.get("period_headings", []):
        accepts = in_period(row.get("period_start"), row.get("period_end"), row.get("period_label"))
        verdict = (PERIOD, f"a period ({row.get('period_label')}) heading a table's column", None)
        for start, end in occurrences(row.get("quote")):
            explain(start, end, verdict, accepts)
    for row in rows.get("part_headings", []):
        label = row.get("label") or ""
        verdict = (PART_LABEL, f"a part ({label}) labelling a table's row or column", None)
        for start, end in occurrences(row.get("quote")):
            for at, after in _whole_label(text, label, start, end):
                explain(at, after, verdict)
    # Rules read only around the numbers still unexplained: most of a letter is prose that no
    # rule needs to read. The adapter's own rules read each such number's whole line (a passage
    # it ignores may be long); the common rules, whose passages are short, its surroundings.
    pending = [i for i, verdict in enumerate(verdicts) if verdict is None]
    lines = _lines(text, starts, ends, pending)
    ignored = tuple(ignored)
    for i, rule in _first_rules(_first_ignored(ignored), text, starts, ends, lines, pending):
        verdicts[i] = (IGNORED, ignored[rule].reason, None)
    for reference in _own_references(rows):
        for start, end in occurrences(reference):
            explain(start, end, ("reference", "the response's own reference", None))
    pending = [i for i in pending if verdicts[i] is None]
    if len(pending) * (REACH + TAIL) > len(text):  # numbers everywhere: read it all, at once
        around = dict.fromkeys(pending, (0, len(text)))
    else:
        around = {i: _surroundings(text, starts[i], ends[i]) for i in pending}
    spans = _merged(around[i] for i in pending)
    for i, rule in _first_rules(_FIRST_COMMON, text, starts, ends, spans, pending, around):
        kind, common = COMMON[rule]
        verdicts[i] = (kind, common.reason, None)

    return Audit(Path(path), text, list(zip(starts, ends, strict=True)), verdicts)


def _spans(text: str) -> tuple[list[int], list[int]]:
    """Where each number of the text (each TOKEN match) starts, and where it ends."""
    if "\0" not in text and ascii_words(text):  # NUL stands for a digit (SHAPE)
        found = _shaped_spans(text)
        if found is not None:
            return found
    tokens = _tokens(text)
    return [token.start() for token in tokens], [token.end() for token in tokens]


def _shaped_spans(text: str) -> tuple[list[int], list[int]] | None:
    """_spans of a text of `ascii_words`, from a split of its shape (SHAPE) by SHAPED_CORE (a
    byte a character: the pieces' lengths give the places), or None where letters are glued to
    a number ("1a2") and TOKEN must decide."""
    # the text before the first number, the number, the text between it and the next...
    shape = text.encode("ascii", "replace").translate(SHAPE)
    pieces = SHAPED_CORE.split(shape)
    bounds = list(accumulate(map(len, pieces)))
    starts, ends = bounds[0:-1:2], bounds[1::2]
    for index, before in enumerate(pieces[0:-1:2]):
        if before[-1:] == b"A":  # "Q1": the letters before the digits are the number's
            starts[index] -= len(before) - len(before.rstrip(b"A"))
        elif not before and index and pieces[2 * index - 1][-1:] == b"A":
            return None  # "1a2": the letters end the number before, and "2" is no number
    return starts, ends


def _tokens(text: str) -> list[re.Match]:
    """Every number of the text (TOKEN's matches), found from the runs of digits: a scan for
    digits skips the prose that a scan for TOKEN would try at every letter."""
    tokens: list[re.Match] = []
    for core in CORE.finditer(text):
        start = core.start()
        if start and _is_letter(text[start - 1]):  # "Q1", "IDENT1": letters glued before it
            end = tokens[-1].end() if tokens else 0  # "0%a0": the "a" is the earlier number's
            while start > end and _is_letter(text[start - 1]):
                start -= 1
            token = TOKEN.match(text, start)
            if token:
                tokens.append(token)
            else:  # the letters are glued to an earlier number ("1a2"); "0a0.0" ends with one
                tokens.extend(TOKEN.finditer(text, core.start() + 1, core.end()))
        else:
            tokens.append(core)
    return tokens


def _is_letter(character: str) -> bool:
    """What `[^\\W\\d_]` matches (a word character, not a digit nor "_"), without a regular
    expression's call: this is asked of the character before every number."""
    return character.isalnum() and not character.isdecimal()


def _lines(text: str, starts: list[int], ends: list[int], which) -> list[tuple[int, int]]:
    """The lines holding the tokens `which` (in order of position), each line once."""
    lines: list[tuple[int, int]] = []
    for i in which:
        if lines and starts[i] < lines[-1][1]:
            continue  # on the line before: found once, not once per token (a line may be huge)
        end = text.find("\n", ends[i])
        lines.append((text.rfind("\n", 0, starts[i]) + 1, len(text) if end < 0 else end + 1))
    return lines


def _surroundings(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a passage that explains the number from `start` to `end` can lie: from the start
    of the word REACH characters before it to the end of the word TAIL characters after it (a
    passage's later numbers, if unexplained, extend it with their own surroundings). A keyword,
    a date or a range is shorter; a list is followed number by number, each explaining the
    next."""
    low = max(0, start - REACH)
    floor = max(0, low - WORD)
    low = max(text.rfind(" ", floor, low), text.rfind("\n", floor, low)) + 1 or floor
    high = min(len(text), end + TAIL)
    space, newline = text.find(" ", high, high + WORD), text.find("\n", high, high + WORD)
    if space < 0 or 0 <= newline < space:
        space = newline
    return low, min(len(text), high + WORD) if space < 0 else space


def _first_rules(rules: "_FirstRules", text, starts, ends, spans, pending, surroundings=None):
    """(token, rule) for each pending token a rule explains, the rules reading each span that
    holds any (spans and tokens are in order of position, and each token lies in a span)."""
    groups, at = [], 0
    for low, high in spans:
        first = at
        while at < len(pending) and starts[pending[at]] < high:
            at += 1
        if at > first:
            groups.append((low, high, pending[first:at]))
    passages = [
        (
            low,
            high,
            [(starts[i], ends[i], *(surroundings[i] if surroundings else ())) for i in members],
        )
        for low, high, members in groups
    ]
    for (_, _, members), found in zip(groups, rules(text, passages), strict=True):
        for i, rule in zip(members, found, strict=True):
            if rule is not None:
                yield i, rule


class _FirstRules:
    """Which of the rules, the first in their order, covers each number of a passage with a
    match, remembered by the passage's text: a force repeats its paragraphs (the exemptions it
    cites, its questions, its table headings) from letter to letter, and what the rules find in
    a passage depends on nothing but its characters and the few before it that the patterns
    read (a `\\b`, a look-behind).

    Narrowing (the common rules): once a rule has explained some of a passage's numbers, the
    later rules read only the surroundings of those left; each number then comes as (start,
    end, low, high), where (low, high) are its surroundings."""

    def __init__(self, rules: tuple[Ignore, ...], narrowing: bool = False):
        self.narrowing = narrowing
        patterns = [compiled(rule.pattern) for rule in rules]
        self.behind = max(map(reads_behind, patterns), default=0)
        self.searches = [(pattern, _any_word(words_of(pattern))) for pattern in patterns]

    def __call__(self, text: str, passages: list) -> list[tuple[int | None, ...]]:
        """For each passage (low, high, its numbers) of the text, the first rule covering each
        number, or None; the passages not remembered are read together, rule by rule."""
        found: list = [None] * len(passages)
        keys, unread = [], []
        for index, (low, high, numbers) in enumerate(passages):
            start = max(0, low - self.behind)
            key = None
            if high - start < LONG:  # a long line, seldom repeated, is not worth its memory
                relative = tuple([at - start for number in numbers for at in number])
                key = (self, text[start:high], low - start, relative)
                found[index] = _REMEMBERED.get(key)
            if found[index] is None:
                keys.append(key)
                unread.append(index)
        if unread:
            read = self.read(text, [passages[index] for index in unread])
            if len(_REMEMBERED) + len(unread) > _REMEMBERED.MAXSIZE:
                _REMEMBERED.clear()
            for index, key, first in zip(unread, keys, read, strict=True):
                found[index] = first
                if key is not None:
                    _REMEMBERED[key] = first
        return found

    def read(self, text: str, passages: list) -> list[tuple[int | None, ...]]:
        """Each rule in turn reads the spans of every passage with numbers left; a span without
        one of the words every match holds (in the text lower-cased) is not searched."""
        lower = lowered(text)
        readings = [_Reading(low, high, numbers) for low, high, numbers in passages]
        active = readings
        for index, (pattern, words) in enumerate(self.searches):
            if not active:
                break
            words = words if lower is not None else None
            settled = False
            for reading in active:
                covered = False
                for low, high in reading.spans:
                    if words and not words.search(lower, low, high):
                        continue
                    for match in pattern.finditer(text, low, high):
                        if match.end() > match.start():
                            covered |= reading.cover(index, match.start(), match.end())
                if covered:
                    reading.settle(self.narrowing)
                    settled = True
            if settled:
                active = [reading for reading in active if reading.pending]
        return [tuple(reading.found) for reading in readings]


class _Reading:
    """One passage's numbers as the rules explain them: the first rule covering each, the
    numbers left, and the spans still to read."""

    def __init__(self, low: int, high: int, numbers: list[tuple[int, ...]]):
        self.numbers = numbers
        self.starts = [number[0] for number in numbers]
        self.found: list[int | None] = [None] * len(numbers)
        self.pending = list(range(len(numbers)))
        self.spans = [(low, high)]

    def cover(self, rule: int, start: int, end: int) -> bool:
        """Whether the rule's match from start to end explains a number not yet explained."""
        covered = False
        for i in range(
            bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        ):
            if self.found[i] is None and self.numbers[i][1] <= end:
                self.found[i] = rule
                covered = True
        return covered

    def settle(self, narrowing: bool) -> None:
        still = [i for i in self.pending if self.found[i] is None]
        if narrowing and still:
            self.spans = _merged(self.numbers[i][2:] for i in still)
        self.pending = still


class _Memory(dict):
    """Recent passages and what the rules found in them, emptied whole when full. It answers to
    functools.lru_cache's `cache_clear` and `cache_parameters`, as the other memories of recent
    passages do."""

    # passages, each under LONG characters: a few hundred a force repeats
    MAXSIZE: ClassVar[int] = 8192

    def cache_clear(self) -> None:
        self.clear()

    def cache_parameters(self) -> dict:
        return {"maxsize": self.MAXSIZE, "typed": False}


_REMEMBERED: Final = _Memory()


@cache  # each adapter's ignored rules: a few, kept for the process
def _first_ignored(rules: tuple[Ignore, ...]) -> _FirstRules:
    return _FirstRules(rules)


def _merged(spans) -> list[tuple[int, int]]:
    """Overlapping spans (in order of position: tokens are) joined. The span being joined is
    kept apart until it ends: a line of a hundred thousand numbers makes one span of them."""
    merged: list[tuple[int, int]] = []
    first, last = None, -1
    for low, high in spans:
        if first is not None and low <= last:
            last = high if high > last else last
            continue
        if first is not None:
            merged.append((first, last))
        first, last = low, high
    if first is not None:
        merged.append((first, last))
    return merged


def _any_word(words: tuple[str, ...] | None) -> re.Pattern | None:
    return re.compile("|".join(map(re.escape, words))) if words else None


_FIRST_COMMON: Final = _FirstRules(tuple(rule for _, rule in COMMON), narrowing=True)


def _own_references(rows: dict[str, list[dict]]) -> list[str]:
    """The response's own reference, which the letter may repeat anywhere."""
    return sorted({row["reference"] for row in rows.get("responses", []) if row.get("reference")})


ROW_ID: Final = {"observations": "observation_id", "outcomes": "outcome_id"}


class _Occurrences:
    """Where each quote that holds a digit stands in the text (every place: a figure may be
    stated twice). A quote without one explains no number (every number holds a digit: TOKEN),
    so the text is not searched for it: an outcome's sentence, often."""

    def __init__(self, text: str):
        self.text = text
        self.cache: dict[str, list[tuple[int, int]]] = {}

    def __call__(self, quote: str | None) -> list[tuple[int, int]]:
        if not quote:
            return []
        if quote not in self.cache:
            found = []
            at = self.text.find(quote) if DIGIT.search(quote) else -1
            while at >= 0:
                found.append((at, at + len(quote)))
                at = self.text.find(quote, at + 1)
            self.cache[quote] = found
        return self.cache[quote]


def _whole_label(text: str, label: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where `label` stands whole in text[start:end], no letter or digit glued to it: "18-24"
    of "Age | 18-24 | 25-34", never of "2018-24"."""
    if not label:
        return []
    pattern = re.compile(rf"(?<![^\W_]){re.escape(label)}(?![^\W_])")
    return [found.span() for found in pattern.finditer(text, start, end)]


def _states(row: dict):
    """A test of a number's text: whether it states the figure's value, or a sum's value in the
    scale its caveat names ("1,250" under "£000s" for £1,250,000: cleaning.caveat_scale)."""
    value = row["value"]
    scale = None if row.get("unit") != "gbp" else caveat_scale(row.get("caveat"))
    if scale is None:
        return lambda number: _value(number) == value
    return lambda number: _value(number) in (value, in_scale(value, scale))


@lru_cache(maxsize=4096)  # a letter's numbers recur from letter to letter ("2019", "Q1")
def _value(number: str) -> float | None:
    if not BARE.fullmatch(number):
        return None  # "Q1" or "3rd" is never a figure's value
    try:
        return float(number.rstrip("%").replace(",", ""))
    except ValueError:
        return None  # "1.2.3"


@lru_cache(maxsize=4096)  # a corpus has a few periods
def in_period(start: str | None, end: str | None, label: str | None):
    """A test of a number's text: whether it is part of a period, its year or a number of its
    label."""
    accepted = {value[:4] for value in (start, end) if value}
    accepted |= {m.group(0) for m in TOKEN.finditer(label or "")}
    return frozenset(accepted).__contains__


def _describe(row: dict) -> str:
    parts = [
        row.get("technology"),
        row.get("measure"),
        row.get("period_label"),
        row.get("breakdown_value"),
    ]
    return " ".join(str(p) for p in parts if p)


def _describe_outcome(row: dict) -> str:
    return f"the outcome {row.get('technology')} {row.get('measure')} ({row.get('status')})"


def _context(text: str, number: Number, width: int = 60) -> str:
    number_end = number.start + len(number.text)
    line_start = text.rfind("\n", 0, number.start) + 1
    line_end = text.find("\n", number_end)
    line_end = len(text) if line_end < 0 else line_end
    start, end = max(line_start, number.start - width), min(line_end, number_end + width)
    snippet = text[start:end].strip()
    return ("…" if start > line_start else "") + snippet + ("…" if end < line_end else "")
