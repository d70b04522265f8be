"""Rows extracted from documents, table by table, before validation and publishing; the one
name a response has (`response_id`), and the rule that makes several sources one response."""

import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Final

import polars as pl

from ..schemas.models import columns
from ..schemas.vocabulary import SOURCE_KIND_SEPARATOR, SOURCE_KINDS
from .cleaning import stable_id

# In the order they are written: a row's keys point only at tables written before it.
TABLES: Final = ("responses", "documents", "questions", "observations", "outcomes")
ROW_KEYS: Final = {
    "responses": "response_id",
    "documents": "document_id",
    "questions": "question_id",
    "observations": "observation_id",
    "outcomes": "outcome_id",
}
VALUE_COLUMNS: Final = {"observations": "value", "outcomes": "status"}
# What makes a figure, an outcome or a question one thing within its response: its id is
# derived from these.
ID_COLUMNS: Final = {
    "observations": (
        "technology",
        "measure",
        "period_start",
        "period_end",
        "breakdown",
        "breakdown_value",
    ),
    "outcomes": (
        "technology",
        "measure",
        "breakdown",
        "period_start",
        "period_end",
        "breakdown_value",
    ),
    "questions": (
        "number",
        "text",
        "technology",
        "measure",
        "breakdown",
        "period_start",
        "period_end",
    ),
}
_ID_VALUES: Final = {table: itemgetter(*names) for table, names in ID_COLUMNS.items()}
# Two sources of one response must agree on these; other columns take the first in sort order.
AGREEING_RESPONSE_COLUMNS: Final = ("request_date", "response_date", "review_of")


def reference_key(reference: str) -> str:
    """A force's reference as one key, however it is punctuated: `208/20`, `208-20`, `208_20`
    and `208 / 20` are all `208-20` (runs of slashes, hyphens, underscores and spaces)."""
    return re.sub(r"[/\-_\s]+", "-", reference.strip()).strip("-")


def response_id(force_id: str, reference: str) -> str:
    return f"{force_id}/{reference_key(reference)}"


def row_id(table: str, response_id: str, row: dict) -> str:
    """The stable id of an observation, outcome or question: one row, one id, always."""
    return stable_id(response_id, *_ID_VALUES[table](row))


def source_kinds(*joined: str) -> str:
    """Every source kind named in `joined`, once each, in the vocabulary's order."""
    named = {kind for value in joined for kind in value.split(SOURCE_KIND_SEPARATOR)}
    return SOURCE_KIND_SEPARATOR.join(kind for kind in SOURCE_KINDS if kind in named)


def merge_responses(held: dict, new: dict) -> tuple[dict, list[str]]:
    """One response row from two sources of it, and the columns on which they disagree.

    The kinds are joined; a column one source leaves empty comes from the other; dates and
    the response reviewed must agree; any other column that differs (a title, a spelling of
    the reference) takes the smaller value, so the result does not depend on the order."""
    merged: dict = {}
    disagreeing: list[str] = []
    for name in dict.fromkeys([*held, *new]):  # the columns in their order
        a, b = held.get(name), new.get(name)
        if name == "source_kind":
            merged[name] = source_kinds(a or "", b or "")
        elif a is None or b is None or a == b:
            merged[name] = a if b is None else b
        else:
            if name in AGREEING_RESPONSE_COLUMNS:
                disagreeing.append(name)
            merged[name] = min(a, b)
    return merged, disagreeing


def cited_first(row: dict) -> tuple:
    """Of two rows stating one figure, the one published: a quote into a document before a
    locator, then the smallest document_id."""
    return (row["document_id"] is None, row["document_id"] or "")


@dataclass(frozen=True)
class Disagreement:
    """Two sources of one response that say different things about it."""

    response_id: str
    column: str
    values: tuple
    sources: tuple


@dataclass
class Extraction:
    """All rows for a batch of documents, and the file each row came from.

    A row whose key is already held with the same value is the same figure stated twice (a
    page and its PDF, a document and its transcription) and is kept once, from the source
    `cited_first` picks; a different value for one key is kept, for validation to report.
    Responses from several sources are merged (`merge_responses`)."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in TABLES})
    sources: dict[str, list] = field(default_factory=lambda: {t: [] for t in TABLES}, repr=False)
    disagreements: list[Disagreement] = field(default_factory=list)
    _at: dict[str, dict] = field(default_factory=lambda: {t: {} for t in TABLES}, repr=False)

    def add(self, table: str, row: dict, source: str | None = None) -> None:
        value_column = VALUE_COLUMNS.get(table)
        seen = (row[ROW_KEYS[table]], row[value_column] if value_column else None)
        at = self._at[table].get(seen)
        if at is None:
            self._at[table][seen] = len(self.rows[table])
            self.rows[table].append(row)
            self.sources[table].append(source)
        elif table == "responses":
            merged, disagreeing = merge_responses(self.rows[table][at], row)
            for column in disagreeing:
                self.disagreements.append(
                    Disagreement(
                        row["response_id"],
                        column,
                        (self.rows[table][at][column], row[column]),
                        (self.sources[table][at], source),
                    )
                )
            self.rows[table][at] = merged
        elif value_column and cited_first(row) < cited_first(self.rows[table][at]):
            self.rows[table][at] = row
            self.sources[table][at] = source

    def extend(self, other: "Extraction", source: str | None = None) -> None:
        for table in TABLES:
            for index, row in enumerate(other.rows[table]):
                self.add(table, row, other.source_of(table, index) or source)
        self.disagreements += other.disagreements

    def source_of(self, table: str, index: int) -> str | None:
        return self.sources[table][index] if index < len(self.sources[table]) else None

    def frame(self, table: str) -> pl.DataFrame:
        return pl.DataFrame(self.rows[table], schema=columns(table))

    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.rows.items()}
