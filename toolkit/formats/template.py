"""A filled answer template, read: the template (written by formats/template_writer.py) is a
spreadsheet a force fills in, one row per question topic, year and breakdown. A filled copy is
ingested with `multiforce ingest --force FORCE FILE`. It is recognised by its header row, in
any format the readers know (XLSX, ODS, CSV...). A row with a value is a figure (its quote is
the row as the document's text holds it); a row with a status is an outcome; a row with
neither is a question left unanswered and is skipped. Every problem is reported at once, with
its sheet, row and column. The response's reference is the file's name without its extension
(save the filled template under the force's FOI reference, e.g. 2023-0456.xlsx).
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ...schemas import campaign
from ...schemas.register import force_ids
from ...schemas.vocabulary import (
    BREAKDOWNS,
    EXEMPTIONS_PATTERN,
    MEASURES,
    STATUSES,
    TECHNOLOGIES,
    UNITS,
)
from .. import cleaning
from ..document import Document
from ..errors import DocumentError, MultiforceError
from ..readers.cells import row_line
from ..records import Extraction
from . import FormatAdapter
from .template_writer import COLUMNS, TITLE

WITHHELD = {"not_held", "refused", "cost_limit", "neither_confirm_nor_deny", "no_response"}


@dataclass
class _Problems:
    """Every problem of a filled template, each at its sheet, row and column."""

    sheet: str | None = None
    found: list[str] = field(default_factory=list)

    def add(self, row: int, column: str | None, message: str) -> None:
        where = [f"sheet {self.sheet!r}"] if self.sheet else []
        where.append(f"row {row}")
        if column:
            where.append(f"column {column} ({_letter(COLUMNS.index(column))})")
        self.found.append(f"{', '.join(where)}: {message}")


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class AnswerTemplate(FormatAdapter):
    name = "template"

    def recognises(self, document: Document) -> bool:
        return any(_header_row(table) is not None for table in document.tables)

    def parse(self, document: Document, force_id: str | None) -> Extraction:
        force_id = self._force(document, force_id)
        reference = document.path.stem
        response_id = f"{force_id}/{reference}"
        context = {"response_id": response_id, "document_id": document.sha256, "force_id": force_id}
        names = document.table_names or [None] * len(document.tables)
        is_workbook = document.media_type != "text/csv"
        figures, outcomes, problems = [], {}, []
        for name, table in zip(names, document.tables, strict=True):
            header = _header_row(table)
            if header is None:
                continue
            sheet = _Problems(name if is_workbook else None)
            for index in range(header + 1, len(table)):
                answer = _Answer.read(table[index], index + 1, sheet)
                if answer is None:
                    continue
                if answer.value is not None:
                    figures.append(answer)
                if answer.status:
                    outcomes.setdefault(answer.outcome_key, []).append(answer)
            problems += sheet.found
        problems += _clashes(figures, outcomes)
        if problems:
            raise DocumentError(
                document.path,
                f"the filled answer template has {len(problems)} problem(s):\n- "
                + "\n- ".join(problems)
                + "\n",
                "each answered row to hold the campaign's vocabulary (see the Help sheet or the # "
                "lines of the template): correct these cells and ingest the file again.",
            )
        if not figures and not outcomes:
            raise DocumentError(
                document.path,
                "the answer template has no answered row (no value and no status).",
                "a template with a value or a status filled in on at least one row.",
            )
        extraction = Extraction()
        extraction.add(
            "responses",
            {
                "response_id": response_id,
                "force_id": force_id,
                "reference": reference,
                "title": TITLE,
                "request_date": None,
                "response_date": None,
                "source_url": None,
                "licence": "Open Government Licence v3.0",
                "source_kind": "document",
            },
        )
        extraction.add(
            "documents",
            {
                "document_id": document.sha256,
                "response_id": response_id,
                "filename": document.filename,
                "media_type": document.media_type,
                "bytes": len(document.data),
                "text": document.text,
            },
        )
        for answer in figures:
            extraction.add(
                "observations",
                {
                    "observation_id": cleaning.stable_id(response_id, *answer.observation_key),
                    **context,
                    **answer.observation(),
                },
            )
        for key, answers in outcomes.items():
            extraction.add(
                "outcomes",
                {
                    "outcome_id": cleaning.stable_id(response_id, *key),
                    **context,
                    **_outcome(answers),
                },
            )
        return extraction

    def _force(self, document: Document, force_id: str | None) -> str:
        if not force_id:
            raise MultiforceError(
                f"{document.path}: this is a filled answer template, which does not say which "
                "force answered. Expected the force's id with --force, e.g. `multiforce ingest "
                f"--force west-midlands {document.path.name}` (`multiforce forces` lists them)."
            )
        if force_id not in force_ids():
            raise MultiforceError(
                f"{document.path}: --force {force_id!r} is not a force in schemas/forces.csv. "
                "Expected one of its ids, e.g. metropolitan or west-midlands (`multiforce forces` "
                "lists them)."
            )
        return force_id


def _header_row(table: list[list[str]]) -> int | None:
    for index, row in enumerate(table[:50]):
        if tuple(cell.strip().lower() for cell in row[: len(COLUMNS)]) == COLUMNS:
            return index
    return None


@dataclass
class _Answer:
    row: int
    line: str
    technology: str
    measure: str
    period_start: str
    period_end: str
    breakdown: str
    breakdown_value: str | None
    value: float | None
    unit: str
    status: str | None
    exemptions: str | None
    note: str | None
    sheet: str | None

    @classmethod
    def read(cls, cells: list[str], row: int, problems: _Problems) -> "_Answer | None":
        cell = dict(zip(COLUMNS, [c.strip() for c in cells] + [""] * len(COLUMNS), strict=False))
        if not cell["value"] and not cell["status"]:
            if cell["exemptions"]:
                problems.add(
                    row,
                    "status",
                    "exemptions are given but no status: say what you did (e.g. refused)",
                )
            return None  # a question left unanswered, or an empty row
        before = len(problems.found)

        def check(column: str, allowed, what: str) -> str:
            value = cell[column]
            if value not in allowed:
                found = f"{value!r} is not" if value else "empty, but it must be"
                problems.add(row, column, f"{found} {what}: one of {', '.join(allowed)}")
            return value

        technology = check("technology", TECHNOLOGIES, "a technology")
        measure = check("measure", MEASURES, "a measure")
        start = _date(cell["period_start"], row, "period_start", problems)
        end = _date(cell["period_end"], row, "period_end", problems)
        if start and end and start > end:
            problems.add(row, "period_end", f"the period ends ({end}) before it starts ({start})")
        breakdown = cell["breakdown"] or "none"
        if breakdown not in BREAKDOWNS:
            problems.add(
                row,
                "breakdown",
                f"{breakdown!r} is not a breakdown: one of {', '.join(BREAKDOWNS)}",
            )
        breakdown_value = cell["breakdown_value"] or None
        fixed = BREAKDOWNS.get(breakdown)
        if breakdown == "none" and breakdown_value:
            problems.add(
                row,
                "breakdown_value",
                f"{breakdown_value!r} is given but breakdown is none: "
                "set breakdown, or empty this cell",
            )
        elif fixed and breakdown_value and breakdown_value not in fixed:
            problems.add(
                row,
                "breakdown_value",
                f"{breakdown_value!r} is not a {breakdown}: one of {', '.join(sorted(fixed))}",
            )
        value = None
        if cell["value"]:
            try:
                value = cleaning.parse_number(cell["value"])
            except ValueError:
                problems.add(
                    row,
                    "value",
                    f"{cell['value']!r} is not a number: write digits only (e.g. 1234) "
                    "and put words in note",
                )
            if breakdown not in ("none", "") and breakdown in BREAKDOWNS and not breakdown_value:
                problems.add(
                    row,
                    "breakdown_value",
                    f"a figure broken down by {breakdown} must say which {breakdown} it is for",
                )
        unit = cell["unit"] or "count"
        if unit not in UNITS:
            problems.add(row, "unit", f"{unit!r} is not a unit: one of {', '.join(UNITS)}")
        status = cell["status"] or None
        if status and status not in STATUSES:
            problems.add(row, "status", f"{status!r} is not a status: one of {', '.join(STATUSES)}")
        elif status in WITHHELD and cell["value"]:
            problems.add(
                row, "value", f"a value is given but the status is {status}: empty one of them"
            )
        exemptions = _exemptions(cell["exemptions"], status, row, problems)
        if len(problems.found) > before:
            return None
        return cls(
            row,
            row_line(cells),
            technology,
            measure,
            start,
            end,
            breakdown,
            breakdown_value,
            value,
            unit,
            status,
            exemptions,
            cell["note"] or None,
            problems.sheet,
        )

    @property
    def observation_key(self) -> tuple:
        return (
            self.technology,
            self.measure,
            self.period_start,
            self.period_end,
            self.breakdown,
            self.breakdown_value,
        )

    @property
    def outcome_key(self) -> tuple:
        return (self.technology, self.measure, self.breakdown, self.period_start, self.period_end)

    @property
    def where(self) -> str:
        return f"sheet {self.sheet!r}, row {self.row}" if self.sheet else f"row {self.row}"

    def observation(self) -> dict:
        return {
            "technology": self.technology,
            "measure": self.measure,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "period_label": _period_label(self.period_start, self.period_end),
            "breakdown": self.breakdown,
            "breakdown_value": self.breakdown_value,
            "value": self.value,
            "unit": self.unit,
            "qualifier": cleaning.infer_qualifier(self.note),
            "caveat": self.note,
            "quote": self.line,
            "locator": None,
        }


def _outcome(answers: list[_Answer]) -> dict:
    first = answers[0]
    exemptions = sorted({e for a in answers if a.exemptions for e in a.exemptions.split(";")})
    notes = list(dict.fromkeys(a.note for a in answers if a.note))
    return {
        "technology": first.technology,
        "measure": first.measure,
        "breakdown": first.breakdown,
        "period_start": first.period_start,
        "period_end": first.period_end,
        "status": first.status,
        "exemptions": ";".join(exemptions) or None,
        "reason": "; ".join(notes) or None,
        "quote": first.line,
        "locator": None,
    }


def _clashes(figures: list[_Answer], outcomes: dict) -> list[str]:
    """Rows that contradict each other: two values for one figure, two statuses for one topic."""
    problems = []
    seen: dict[tuple, _Answer] = {}
    for answer in figures:
        other = seen.setdefault(answer.observation_key, answer)
        if other is not answer and other.value != answer.value:
            problems.append(
                f"{other.where} and {answer.where}: two values "
                f"({cleaning.number_text(other.value)} and {cleaning.number_text(answer.value)}) "
                "for the same figure: keep one row"
            )
    for answers in outcomes.values():
        statuses = list(dict.fromkeys(a.status for a in answers))
        if len(statuses) > 1:
            sheets = {a.sheet for a in answers}
            rows = (
                (f"sheet {answers[0].sheet!r}, " if len(sheets) == 1 and answers[0].sheet else "")
                + "rows "
                + " and ".join(str(a.row) if len(sheets) == 1 else a.where for a in answers)
            )
            topic = (
                f"{answers[0].technology} {answers[0].measure} by {answers[0].breakdown}, "
                f"{answers[0].period_start}"
            )
            problems.append(
                f"{rows}: different statuses ({', '.join(statuses)}) for one question topic "
                f"({topic}): give them one status, e.g. partially_disclosed, and say which part in "
                "note"
            )
    return problems


def _date(raw: str, row: int, column: str, problems: _Problems) -> str | None:
    text = raw.strip()
    if not text:
        problems.add(row, column, "empty, but every answered row needs its period")
        return None
    parsed = None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            parsed = datetime.strptime(text, pattern).date()
            break
        except ValueError:
            continue
    if parsed is None:
        problems.add(
            row, column, f"{raw!r} is not a date: write it as YYYY-MM-DD (e.g. 2019-01-01)"
        )
        return None
    latest = date.today().year
    if not campaign.EARLIEST_YEAR <= parsed.year <= latest:
        problems.add(
            row,
            column,
            f"the year {parsed.year} is out of range: {campaign.EARLIEST_YEAR} to {latest}",
        )
        return None
    return parsed.isoformat()


def _exemptions(raw: str, status: str | None, row: int, problems: _Problems) -> str | None:
    # People write "S31(1), s 40(2)" or "section 31(1)": the Act's citations, spaced differently.
    text = re.sub(r"(?i)\bsection\s*", "s", raw)
    text = re.sub(r"\s+", "", text).replace(",", ";").lower()
    if not text:
        if status == "refused":
            problems.add(
                row, "exemptions", "empty, but a refusal names the exemption applied (e.g. s31(1))"
            )
        return "s12" if status == "cost_limit" else None
    if not re.match(EXEMPTIONS_PATTERN, text):
        problems.add(
            row,
            "exemptions",
            f"{raw!r} is not a list of sections of the Act: write e.g. s31(1) or s31(1);s40(2)",
        )
        return None
    return text


def _period_label(start: str, end: str) -> str:
    if start[:4] == end[:4] and start[5:] == "01-01" and end[5:] == "12-31":
        return start[:4]
    return f"{start} to {end}"
