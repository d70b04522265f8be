"""The one row builder per table: every source (adapters, transcriptions, reviewed drafts,
templates, compilations) makes its rows here, each column filled with its default, so that a
row's shape and id are written once. Whether a row's values are right is for the pandera
models in schemas/ to say (validation), not for these builders."""

from functools import cache
from typing import Final

from ..schemas.models import columns
from ..schemas.vocabulary import MEASURE_UNITS
from .records import ROW_KEYS, response_id, row_id

OGL: Final = "Open Government Licence v3.0"

_DEFAULTS: Final = {
    "responses": {"licence": OGL},
    "documents": {"text_source": "extracted"},
    "observations": {"breakdown": "none", "qualifier": "exact"},
    "outcomes": {"breakdown": "none"},
    "questions": {},
}


def _row(table: str, given: dict) -> dict:
    empty = _empty(table)
    row = {**empty, **given}
    if len(row) > len(empty):  # a key that is not a column was added
        unknown = set(given) - set(empty)
        raise TypeError(f"{table} has no column {', '.join(sorted(unknown))}")
    return row


@cache
def _empty(table: str) -> dict:
    """Each column of the table, in order, with its default."""
    return {name: _DEFAULTS[table].get(name) for name in columns(table)}


def response_row(force_id: str, reference: str, **given) -> dict:
    """A response; its id comes from the force and its reference (records.response_id)."""
    given = {"response_id": response_id(force_id, reference), **given}
    return _row("responses", {"force_id": force_id, "reference": reference, **given})


def document_row(document, response_id: str) -> dict:
    """The row of a read Document (toolkit.document) of the response."""
    return _row(
        "documents",
        {
            "document_id": document.sha256,
            "response_id": response_id,
            "filename": document.filename,
            "media_type": document.media_type,
            "bytes": len(document.data),
            "text": document.text,
            "text_source": getattr(document, "text_source", "extracted"),
        },
    )


def _with_id(table: str, response_id: str, row: dict) -> dict:
    row["response_id"] = response_id
    row[ROW_KEYS[table]] = row_id(table, response_id, row)
    return row


def observation_row(response_id: str, force_id: str, given: dict) -> dict:
    """A figure from its columns; `document_id` and `quote` for a figure read from a document,
    `locator` else. Its unit is the one its measure allows where only one fits (yes_no, gbp),
    count else."""
    row = _row("observations", given)
    if "unit" not in given:
        row["unit"] = MEASURE_UNITS.get(row["measure"], "count")
    row["force_id"] = force_id
    return _with_id("observations", response_id, row)


def outcome_row(response_id: str, force_id: str, given: dict) -> dict:
    """What the response did with one question topic, from its columns."""
    row = _row("outcomes", given)
    row["force_id"] = force_id
    return _with_id("outcomes", response_id, row)


def question_row(response_id: str, given: dict) -> dict:
    """One question of the request, for one topic (topic columns null where it is unmapped),
    from its columns."""
    return _with_id("questions", response_id, _row("questions", given))
