"""A filled answer template, read: the template (written by formats/template_writer.py) is a
spreadsheet a force fills in, one row per question topic, year and breakdown. A filled copy is
ingested with `multiforce ingest --force FORCE FILE`. It is recognised by its header row, in
any format the readers know (XLSX, ODS, CSV...). A row with a value is a figure (its quote is
the row as the document's text holds it); a row with a status is an outcome; a row with
neither is a question left unanswered and is skipped. Every problem is reported at once, with
its sheet, row and column. The response itself (force, reference, title, dates, address) is
given in the file: a block of `field,value` rows above the header row in a CSV, a Response
sheet (or such rows above the header) in a workbook. docs/formats.md describes every column.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from ...schemas import campaign
from .. import cleaning
from ..document import Document
from ..errors import DocumentError, MultiforceError
from ..readers.cells import row_line
from ..records import Extraction
from ..rows import document_row, observation_row, outcome_row, response_row
from ..validation import row_failures
from . import FormatAdapter
from ._entries import Invalid, cited_exemptions, named_force
from .template_writer import COLUMNS, RESPONSE_FIELDS, TITLE, column_letter

WITHHELD = {"not_held", "refused", "cost_limit", "neither_confirm_nor_deny", "no_response"}


@dataclass
class _Problems:
    """Every problem of a filled template, each at its sheet, row and column, said once."""

    sheet: str | None = None
    found: list[str] = field(default_factory=list)

    def add(self, row: int | None, column: str | None, message: str) -> None:
        where = [f"sheet {self.sheet!r}"] if self.sheet else []
        where += [f"row {row}"] if row else []
        if column in COLUMNS:
            where.append(f"column {column} ({column_letter(COLUMNS.index(column))})")
        elif column:
            where.append(column)
        line = f"{', '.join(where)}: {message}"
        if line not in self.found:
            self.found.append(line)


# The template's column for a row's column, where a failure of the models points at it.
CELL_OF_COLUMN = {"caveat": "note", "reason": "note", "qualifier": "note"}


class AnswerTemplate(FormatAdapter):
    name = "template"

    def recognises(self, document: Document) -> bool:
        return any(_header_row(table) is not None for table in document.tables)

    def parse(self, document: Document, force_id: str | None) -> Extraction:
        names = document.table_names or [None] * len(document.tables)
        is_workbook = document.media_type != "text/csv"
        given = _Problems()
        details = _response_details(document, given)
        force = self._force(document, details.pop("force_id", None), force_id, given)
        response = response_row(
            force,
            details.pop("reference", None) or "?",
            title=details.pop("title", None) or TITLE,
            source_kind="document",
            **details,
        )
        this = response["response_id"]
        figures, outcomes, sheets = [], {}, [given]
        for name, table in zip(names, document.tables, strict=True):
            header = _header_row(table)
            if header is None:
                continue
            sheet = _Problems(name if is_workbook else None)
            sheets.append(sheet)
            for index in range(header + 1, len(table)):
                answer = _Answer.read(table[index], index + 1, sheet)
                if answer is None:
                    continue
                if answer.value is not None:
                    figures.append(answer)
                if answer.status or answer.value is not None:
                    outcomes.setdefault(answer.outcome_key, []).append(answer)
        context = {"document_id": document.sha256}
        rows = {
            "observations": [
                (observation_row(this, force, {**context, **a.observation()}), a) for a in figures
            ],
            "outcomes": [
                (outcome_row(this, force, {**context, **_outcome(answers)}), answers[0])
                for answers in outcomes.values()
            ],
        }
        for failure in row_failures("responses", [response]):
            given.add(None, failure.column, failure.detail)
        by_sheet = {sheet.sheet: sheet for sheet in sheets[1:]}
        for table, made in rows.items():
            for failure in row_failures(table, [row for row, _ in made]):
                answer = made[failure.index][1] if failure.index is not None else None
                column = CELL_OF_COLUMN.get(failure.column, failure.column)
                sheet = by_sheet[answer.sheet] if answer else given
                sheet.add(answer.row if answer else None, column, failure.detail)
        if not figures and not outcomes and not any(sheet.found for sheet in sheets[1:]):
            raise DocumentError(
                document.path,
                "the answer template has no answered row (no value and no status).",
                "a template with a value or a status filled in on at least one row.",
            )
        problems = [line for sheet in sheets for line in sheet.found]
        problems += _clashes(figures, outcomes)
        if problems:
            raise DocumentError(
                document.path,
                f"the filled answer template has {len(problems)} problem(s):\n- "
                + "\n- ".join(problems)
                + "\n",
                "the response's details and each answered row in the campaign's vocabulary (see "
                "the Help sheet or the # lines of the template): correct these cells and ingest "
                "the file again.",
            )
        extraction = Extraction()
        extraction.add("responses", response)
        extraction.add("documents", document_row(document, this))
        for table, made in rows.items():
            for row, _ in made:
                extraction.add(table, row)
        return extraction

    def _force(self, document: Document, written, force_id: str | None, problems) -> str:
        """The force the file names; --force only where it names none (and must then agree)."""
        if written:
            try:
                force = named_force(written)
            except Invalid as error:
                problems.add(None, "force_id", str(error))
                return written
            if force_id and force_id != force:
                problems.add(
                    None, "force_id", f"the file names {force!r}, but --force says {force_id!r}"
                )
            return force
        if not force_id:
            raise MultiforceError(
                f"{document.path}: this filled answer template does not say which force answered. "
                "Expected the force's id beside force_id above the header row (or the Response "
                f"sheet), or given with --force, e.g. `multiforce ingest --force west-midlands "
                f"{document.path.name}` (`multiforce forces` lists them)."
            )
        return force_id


def _response_details(document: Document, problems: _Problems) -> dict:
    """The response's fields as the file gives them: `field | value` rows above an answers
    header, or anywhere on a sheet without one (the Response sheet)."""
    fields = dict(RESPONSE_FIELDS)
    found = {}
    for table in document.tables:
        header = _header_row(table)
        for cells in table[: header if header is not None else len(table)]:
            name = cells[0].strip().lower().rstrip(":") if cells else ""
            value = cells[1].strip() if len(cells) > 1 else ""
            if name in fields and value:
                found[name] = value
    if "reference" not in found:
        problems.add(
            None,
            "reference",
            "missing: write your FOI reference beside `reference` above the header row "
            "(or on the Response sheet)",
        )
    for name in ("request_date", "response_date"):
        if name in found:
            found[name] = _date(found[name], None, name, problems, any_year=True)
    return found


def _header_row(table: list[list[str]]) -> int | None:
    for index, row in enumerate(table[:100]):
        if tuple(cell.strip().lower() for cell in row[: len(COLUMNS)]) == COLUMNS:
            return index
    return None


@dataclass
class _Answer:
    row: int
    line: str
    technology: str
    measure: str
    period_start: str | None
    period_end: str | None
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
        """The row's cells as values: numbers, dates, citations. Whether they are in the
        vocabulary is the models' to say (row_failures), after."""
        cell = dict(zip(COLUMNS, [c.strip() for c in cells] + [""] * len(COLUMNS), strict=False))
        beyond = [c.strip() for c in cells[len(COLUMNS) :] if c.strip()]
        if beyond:  # a cell past the last column: a comma in a cell that was not quoted, often
            problems.add(
                row,
                None,
                f"{len(beyond)} cell(s) beyond the last column ({', '.join(beyond)}): quote a cell "
                "that holds a comma, or move the text into the note",
            )
        if not cell["value"] and not cell["status"]:
            if cell["exemptions"]:
                problems.add(
                    row,
                    "status",
                    "exemptions are given but no status: say what you did (e.g. refused)",
                )
            return None  # a question left unanswered, or an empty row
        before = len(problems.found)
        status = cell["status"] or None
        # A topic withheld as a whole needs no period; one given is read.
        withheld = status in WITHHELD and not cell["value"]
        start = end = None
        if not withheld or cell["period_start"] or cell["period_end"]:
            start = _date(cell["period_start"], row, "period_start", problems)
            end = _date(cell["period_end"], row, "period_end", problems)
        if start and end and start > end:
            problems.add(row, "period_end", f"the period ends ({end}) before it starts ({start})")
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
        if status in WITHHELD and cell["value"]:
            problems.add(
                row, "value", f"a value is given but the status is {status}: empty one of them"
            )
        exemptions = cited_exemptions(cell["exemptions"]) or None
        if status == "refused" and not exemptions:
            problems.add(
                row, "exemptions", "empty, but a refusal names the exemption applied (e.g. s31(1))"
            )
        if status == "cost_limit" and not exemptions:
            exemptions = "s12"
        if len(problems.found) > before:
            return None
        return cls(
            row,
            row_line(cells),
            cell["technology"],
            cell["measure"],
            start,
            end,
            cell["breakdown"] or "none",
            cell["breakdown_value"] or None,
            value,
            cell["unit"] or "count",
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
            "period_label": cleaning.span_label(self.period_start, self.period_end),
            "breakdown": self.breakdown,
            "breakdown_value": self.breakdown_value,
            "value": self.value,
            "unit": self.unit,
            "qualifier": cleaning.infer_qualifier(self.note),
            "caveat": self.note,
            "quote": self.line,
        }


def _outcome(answers: list[_Answer]) -> dict:
    """One outcome for the rows of one topic; a figure given without a status is disclosed."""
    first = answers[0]
    exemptions = sorted({e for a in answers if a.exemptions for e in a.exemptions.split(";")})
    notes = list(dict.fromkeys(a.note for a in answers if a.note))
    return {
        "technology": first.technology,
        "measure": first.measure,
        "breakdown": first.breakdown,
        "period_start": first.period_start,
        "period_end": first.period_end,
        "status": first.status or "disclosed",
        "exemptions": ";".join(exemptions) or None,
        "reason": "; ".join(notes) or None,
        "quote": first.line,
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
        statuses = list(dict.fromkeys(a.status or "disclosed" for a in answers))
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


def _date(
    raw: str, row: int | None, column: str, problems: _Problems, any_year: bool = False
) -> str | None:
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
            row,
            column,
            f"{raw!r} is not a date: write it as YYYY-MM-DD or DD/MM/YYYY (e.g. 2019-01-01)",
        )
        return None
    latest = date.today().year
    if not any_year and not campaign.EARLIEST_YEAR <= parsed.year <= latest:
        problems.add(
            row,
            column,
            f"the year {parsed.year} is out of range: {campaign.EARLIEST_YEAR} to {latest}",
        )
        return None
    return parsed.isoformat()
