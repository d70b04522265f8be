"""Rows extracted from documents, table by table, before validation and publishing."""

from dataclasses import dataclass, field

import polars as pl

from ..schemas.models import columns
from .cleaning import stable_id

TABLES = ("responses", "documents", "observations", "outcomes")
ROW_KEYS = {
    "responses": "response_id",
    "documents": "document_id",
    "observations": "observation_id",
    "outcomes": "outcome_id",
}
VALUE_COLUMNS = {"observations": "value", "outcomes": "status"}
# What makes a figure or an outcome one thing within its response: its id is derived from these.
ID_COLUMNS = {
    "observations": (
        "technology",
        "measure",
        "period_start",
        "period_end",
        "breakdown",
        "breakdown_value",
    ),
    "outcomes": ("technology", "measure", "breakdown", "period_start", "period_end"),
}


def row_id(table: str, response_id: str, row: dict) -> str:
    """The stable id of an observation or outcome: the same figure always gets the same id."""
    return stable_id(response_id, *(row[column] for column in ID_COLUMNS[table]))


@dataclass
class Extraction:
    """All rows for a batch of documents. A row whose key is already held with the same value
    is the same figure stated twice (a page and its PDF) and is kept once; a different value
    for one key is kept, for validation to report."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in TABLES})
    _seen: dict[str, set] = field(default_factory=lambda: {t: set() for t in TABLES}, repr=False)

    def add(self, table: str, row: dict) -> None:
        value_column = VALUE_COLUMNS.get(table)
        seen = (row[ROW_KEYS[table]], row[value_column] if value_column else None)
        if seen not in self._seen[table]:
            self._seen[table].add(seen)
            self.rows[table].append(row)

    def extend(self, other: "Extraction") -> None:
        for table in TABLES:
            for row in other.rows[table]:
                self.add(table, row)

    def frame(self, table: str) -> pl.DataFrame:
        return pl.DataFrame(self.rows[table], schema=columns(table))

    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.rows.items()}
