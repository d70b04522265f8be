"""Every number in a document's text, and what became of it.

Each number is one of: a figure an adapter read (an observation's value); part of the period
of an observation or an outcome; a common non-figure recognised here once for every adapter
(a year, a date, a reference, a question number, a section of the Act, an address); or a
passage the adapter declares it ignores, with its reason. Anything else is *unexplained*: a
figure the adapter may have missed, which ingest reports as a warning.

A number is a run of digits (with "," or "." between digit groups) and the letters glued to it:
"21,790", "93%", "Q1", "3rd". Roman numerals (i, ii) hold no digit and are not listed.
"""

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from .rules import Ignore

# Starts only where a run of letters or digits starts, so a huge word is read in linear time.
TOKEN = re.compile(r"(?<![^\W_])[^\W\d_]*+\d++(?:[.,]\d++)*+%?[^\W\d_]*+")
BARE = re.compile(r"\d+(?:[.,]\d+)*%?")

YEAR = r"(?:199\d|20[0-2]\d|203[0-5])"
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
ORDINAL = r"(?:st|nd|rd|th)?"

# Kinds of number, in the order a number is explained (the first that applies wins).
FIGURE, PERIOD, IGNORED, UNEXPLAINED = "figure", "period", "ignored", "unexplained"


def _common(kind: str, reason: str, *patterns: str) -> list[tuple[str, Ignore]]:
    return [(kind, Ignore(pattern=pattern, reason=reason)) for pattern in patterns]


# Non-figures every force's letters hold. A year counts only in a context that makes it one
# ("from 2015", "2018 to 2021", "Act 2000"): a bare 2016 may be a count.
COMMON: list[tuple[str, Ignore]] = [
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
    *_common(
        "reference",
        "a reference number",
        r"(?i)\b(?:\w++[./-])*+FOI(?:[./-]?\w++)++",
        r"(?i)\bFOI\s*(?:request\s*)?(?:no\b\.?|number|ref(?:erence)?)?\s*:?\s*\d[\w./-]*",
        r"(?i)\bref(?:erence)?\s*(?:(?:no|number|num)\b\.?\s*:?|:)\s*[\w./-]*\d[\w./-]*",
    ),
    *_common(
        "question",
        "a question number",
        r"^\s*\(?\d{1,2}[.)](?=\s)",
        r"^\s*\(\d{1,2}\)",
        r"(?i)^\s*(?:Q|question\s*)\d{1,2}\b",
        r"\bQ\d{1,2}\b",
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
    ),
]


@dataclass(frozen=True)
class Number:
    """One number in the text, where it stands, and what it is."""

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
    path: Path
    text: str = field(repr=False)
    numbers: list[Number] = field(default_factory=list)

    @property
    def unexplained(self) -> list[Number]:
        return [n for n in self.numbers if n.kind == UNEXPLAINED]

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for number in self.numbers:
            counts[number.kind] = counts.get(number.kind, 0) + 1
        return counts

    def summary(self) -> str:
        parts = ", ".join(f"{n} {kind}" for kind, n in sorted(self.counts().items()))
        return f"{self.path.name}: {len(self.numbers)} numbers ({parts or 'none'})"

    def render(self) -> str:
        return "\n".join([self.summary(), *(n.render() for n in self.numbers)])

    def warnings(self) -> list[str]:
        return [
            f'{self.path.name} line {n.line}: the number {n.text} (in "{_context(self.text, n)}") '
            "was not read as a figure and is not a year, date, reference or question number. If it "
            "is a figure, the adapter should read it; if not, declare it in the adapter's "
            "`ignored` rules with the reason (run `multiforce audit` on the document to see every "
            "number)."
            for n in self.unexplained
        ]


def audit(path: Path, text: str, rows: dict[str, list[dict]], ignored=()) -> Audit:
    """What became of every number of `text`, given the rows parsed from it."""
    tokens = [m for m in TOKEN.finditer(text)]
    starts = [m.start() for m in tokens]
    verdicts: list[tuple[str, str, str | None] | None] = [None] * len(tokens)

    def explain(start: int, end: int, verdict, accepts=lambda token: True) -> None:
        for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            token = tokens[i]
            if verdicts[i] is None and token.end() <= end and accepts(token):
                verdicts[i] = verdict

    occurrences = _Occurrences(text)
    observations = rows.get("observations", [])
    for row in observations:
        for start, end in occurrences(row.get("quote")):
            explain(
                start,
                end,
                (FIGURE, _describe(row), row["observation_id"]),
                lambda token, value=row["value"]: _value(token) == value,
            )
    for table in ("observations", "outcomes"):
        for row in rows.get(table, []):
            accepts = _in_period(row)
            what = _describe(row) if table == "observations" else _describe_outcome(row)
            for start, end in occurrences(row.get("quote")):
                explain(
                    start, end, (PERIOD, f"the period of {what}", row.get(ROW_ID[table])), accepts
                )
    for kind, rule in [(IGNORED, rule) for rule in ignored] + COMMON:
        if None not in verdicts:
            break  # every number is accounted for: the remaining patterns cannot change a verdict
        for start, end in rule.passages(text):
            explain(start, end, (kind, rule.reason, None))

    numbers = []
    line, line_start = 1, 0
    for token, verdict in zip(tokens, verdicts, strict=True):
        line += text.count("\n", line_start, token.start())
        line_start = token.start()
        kind, detail, row_id = verdict or (
            UNEXPLAINED,
            "not a figure read by the adapter, nor explained",
            None,
        )
        numbers.append(Number(token.group(0), token.start(), line, kind, detail, row_id))
    return Audit(Path(path), text, numbers)


ROW_ID = {"observations": "observation_id", "outcomes": "outcome_id"}


class _Occurrences:
    """Where each quote stands in the text (every place: a figure may be stated twice)."""

    def __init__(self, text: str):
        self.text = text
        self.cache: dict[str, list[tuple[int, int]]] = {}

    def __call__(self, quote: str | None) -> list[tuple[int, int]]:
        if not quote:
            return []
        if quote not in self.cache:
            found, at = [], self.text.find(quote)
            while at >= 0:
                found.append((at, at + len(quote)))
                at = self.text.find(quote, at + 1)
            self.cache[quote] = found
        return self.cache[quote]


def _value(token: re.Match) -> float | None:
    if not BARE.fullmatch(token.group(0)):
        return None  # "Q1" or "3rd" is never a figure's value
    try:
        return float(token.group(0).rstrip("%").replace(",", ""))
    except ValueError:
        return None  # "1.2.3"


def _in_period(row: dict):
    years = {value[:4] for value in (row.get("period_start"), row.get("period_end")) if value}
    label_tokens = {m.group(0) for m in TOKEN.finditer(row.get("period_label") or "")}
    return lambda token: token.group(0) in years or token.group(0) in label_tokens


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
