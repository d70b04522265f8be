"""The database's schema: tables with their primary and foreign keys, indexes, full-text search
and views. Publishing creates it; exports describe the same keys."""

import sqlite_utils

from ...schemas.models import columns
from ..campaigns.store import ensure_campaign_schema
from ..records import ROW_KEYS
from ..reference import publish_reference
from ..views import VIEWS

TYPES = {"String": str, "Float64": float, "Int64": int}
FOREIGN_KEYS = {
    "responses": [("force_id", "forces", "force_id")],
    "documents": [("response_id", "responses", "response_id")],
    "questions": [("response_id", "responses", "response_id")],
    "observations": [
        ("response_id", "responses", "response_id"),
        ("document_id", "documents", "document_id"),
        ("force_id", "forces", "force_id"),
    ],
    "outcomes": [
        ("response_id", "responses", "response_id"),
        ("document_id", "documents", "document_id"),
        ("force_id", "forces", "force_id"),
        ("held_by", "forces", "force_id"),
    ],
}

# Which documents are held, read by what code: asked before every ingest, and answered from
# this index alone rather than through each document's text (the adapter columns come after it).
HELD_DOCUMENTS = ["document_id", "adapter", "adapter_version", "response_id"]
INDEXES = {
    "forces": [["name"]],  # the views list forces by name: no sort, and outcomes found per force
    # The views join every figure to its response's source_kind: covered, one lookup each.
    # and a campaign's requests find the response that answers each, where none is named
    "responses": [["force_id"], ["response_id", "source_kind"], ["campaign_id", "force_id"]],
    "documents": [["response_id"], HELD_DOCUMENTS],
    "questions": [["response_id"], ["technology", "measure"]],
    "observations": [
        ["force_id", "technology", "measure", "period_start"],
        ["technology", "measure", "period_start"],
        # figures_by_force_year by technology and force, read from the index alone; a force's
        # figures response by response, so technology_evidence groups them without sorting
        [
            "technology",
            "force_id",
            "response_id",
            "period_start",
            "period_end",
            "measure",
            "breakdown",
            "breakdown_value",
            "value",
            "qualifier",
            "period_label",
        ],
        ["response_id"],
        ["document_id"],
    ],
    "outcomes": [
        # a force's outcomes topic by topic: the pages' filters, and the summaries' seeking of
        # each topic's latest response (summaries.py)
        ["force_id", "technology", "measure", "breakdown"],
        ["technology", "status"],
        ["force_id", "technology", "status", "exemptions"],  # outcome_matrix's distinct statuses
        ["response_id"],
        ["document_id"],
    ],
}


FULL_TEXT = ["filename", "text"]  # the documents' columns a search reads


# The indexes that writing itself reads (a document's rows deleted before it is read again, a
# response's checked), and the held documents' (one row a document: cheap to keep as it goes).
# Every other index serves only the pages and queries. A build from nothing makes none of them
# for its first batch, which meets an empty database, then these before its second batch, and
# the rest once all its rows are in: quicker than keeping them up to date row by row.
WRITING_INDEXES = (["response_id"], ["document_id"], HELD_DOCUMENTS)


# Indexes an earlier version made that INDEXES has replaced: dropped, not kept up to date.
RETIRED_INDEXES = (
    "idx_observations_technology_force_id_period_start_period_end_measure_breakdown"
    "_breakdown_value_value_qualifier_period_label_response_id",
    "idx_outcomes_force_id_technology_measure",  # a prefix of the one with breakdown
)


def ensure_schema(db: sqlite_utils.Database, indexes: bool = True) -> None:
    """Create what is missing: the reference tables, the data tables (adding the columns a
    database built by an earlier version lacks), their indexes (none without `indexes`: see
    `ensure_indexes`), and the views."""
    publish_reference(db)
    for index in INDEXES["forces"]:
        db["forces"].create_index(index, if_not_exists=True)
    for table, foreign_keys in FOREIGN_KEYS.items():
        schema = {name: TYPES[dtype.__name__] for name, dtype in columns(table).items()}
        db[table].create(schema, pk=ROW_KEYS[table], foreign_keys=foreign_keys, if_not_exists=True)
        held = db[table].columns_dict
        for name, kind in schema.items():
            if name not in held:
                db[table].add_column(name, kind)
    if indexes:
        ensure_indexes(db)
    for name in RETIRED_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS [{name}]")
    ensure_campaign_schema(db)  # campaigns, requests: before the views that read them
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)


def ensure_indexes(db: sqlite_utils.Database, only=None) -> None:
    """The data tables' indexes that are missing (of those in `only`, if given). The documents'
    full-text index is made at the end of a publish that finds none (store/fulltext.py): made
    from the rows already in, it is kept up to date from then on by triggers (indexing a
    build's texts at once takes half the time)."""
    for table in FOREIGN_KEYS:
        for index in INDEXES[table]:
            if only is None or index in only:
                db[table].create_index(index, if_not_exists=True)


def drop_indexes(db: sqlite_utils.Database) -> None:
    """Every index of the data tables but the WRITING_INDEXES, and the documents' full-text
    index: a publish that deletes most rows, to write as many again, makes them once its rows
    are in (`ensure_indexes`, store/fulltext.py and the summaries' own), as a build does,
    instead of updating each row by row, and the full-text index reading every deleted text
    again."""
    for table in FOREIGN_KEYS:
        for index in db[table].indexes:
            if index.origin == "c" and index.columns not in WRITING_INDEXES:
                db.execute(f"DROP INDEX [{index.name}]")
    db["documents"].disable_fts()
