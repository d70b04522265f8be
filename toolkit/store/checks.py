"""The rules that span batches: validation (toolkit/validation.py) checks each batch whole; these
check a batch against the rows already published, in SQL, and report through the same Problem,
Report and row names.

- one value per key: a figure or outcome already published from another source must agree, and
  a response already published from another source becomes one row with the batch's;
- matches never exceed uses: across every batch a session wrote and what was there before.
"""

import json
import sqlite3

from ...schemas.models import columns
from ..errors import ValidationFailed
from ..records import ROW_KEYS, Extraction, merge_responses
from ..validation import Problem, Report, row_label


class Written:
    """What a session wrote, as far as the rules that span batches need to know."""

    def __init__(self):
        self.batches = 0
        self.documents: set[str] = set()
        self.responses: set[str] = set()  # of rows without a document (transcriptions)
        self.periods: set[tuple] = set()  # that have uses or matches

    def add(self, extraction: Extraction) -> None:
        self.batches += 1
        self.documents.update(row["document_id"] for row in extraction.rows["documents"])
        for row in extraction.rows["observations"]:
            if row["document_id"] is None:
                self.responses.add(row["response_id"])
            if row["measure"] in ("uses", "matches"):
                self.periods.add(
                    (row["force_id"], row["technology"], row["period_start"], row["period_end"])
                )

    def holds(self, document_id: str | None, response_id: str) -> bool:
        return document_id in self.documents if document_id else response_id in self.responses


def recorded_by_hand(extraction: Extraction) -> list[tuple[str]]:
    """Transcribed and compiled responses: their file is their whole record, so ingesting it
    again replaces the rows it gave before, as a document's rows are replaced."""
    return [
        (row["response_id"],)
        for row in extraction.rows["responses"]
        if row["source_kind"] != "document"
    ]


def one_value_per_key(conn: sqlite3.Connection, extraction: Extraction) -> dict[str, dict]:
    """A figure already published from another source must agree (ValidationFailed if not).
    Returns, per table, the batch's keys already held and the document each is cited from."""
    incoming = {row["document_id"]: row["filename"] for row in extraction.rows["documents"]}
    replaced = {response_id for (response_id,) in recorded_by_hand(extraction)}
    problems, held_responses = _merge_held_responses(conn, extraction)
    cited: dict[str, dict] = {}
    for table, column in (("observations", "value"), ("outcomes", "status")):
        key = ROW_KEYS[table]
        rows = extraction.rows[table]
        # A row's key is made from its response's id (records.row_id): only a response already
        # published can hold one of the batch's keys, so only its rows are looked up.
        looked_up = [row[key] for row in rows if row["response_id"] in held_responses]
        if not looked_up:
            continue
        held = {
            found[0]: found[1:]
            for found in conn.execute(
                f"SELECT t.{key}, t.{column}, t.document_id, d.filename FROM {table} t "
                "LEFT JOIN documents d ON d.document_id = t.document_id "
                f"WHERE t.{key} IN (SELECT value FROM json_each(?))",
                (json.dumps(looked_up),),
            )
        }
        cited[table] = {held_key: document for held_key, (_, document, _) in held.items()}
        for index, row in enumerate(rows):
            if row[key] not in held:
                continue
            value, document, filename = held[row[key]]
            if document is None and row["response_id"] in replaced:
                continue
            if value != row[column] and document not in incoming:
                source = extraction.source_of(table, index) or row["response_id"]
                held_from = (
                    f"{filename} (document {document[:12]})" if document else "its transcription"
                )
                problems.append(
                    Problem(
                        source,
                        table,
                        row_label(table, index, row),
                        "one value per key",
                        f"the database already holds {_shown(value)} from {held_from}, "
                        f"{source} says {_shown(row[column])}: check which source is right",
                    )
                )
    if problems:
        raise ValidationFailed(Report(problems))
    return cited


def _merge_held_responses(
    conn: sqlite3.Connection, extraction: Extraction
) -> tuple[list[Problem], set[str]]:
    """A response already published from another source becomes one row with the batch's
    (records.merge_responses): its kinds joined, the sources' dates agreeing. Returns the
    problems and the ids of the batch's responses already published."""
    rows = extraction.rows["responses"]
    names = list(columns("responses"))
    held = {
        found[0]: dict(zip(names, found, strict=True))
        for found in conn.execute(
            f"SELECT {', '.join(names)} FROM responses "
            "WHERE response_id IN (SELECT value FROM json_each(?))",
            (json.dumps([row["response_id"] for row in rows]),),
        )
    }
    problems = []
    for index, row in enumerate(rows):
        if row["response_id"] not in held:
            continue
        before = held[row["response_id"]]
        rows[index], disagreeing = merge_responses(before, row)
        problems += [
            Problem(
                extraction.source_of("responses", index) or row["response_id"],
                "responses",
                row["response_id"],
                "sources of one response agree",
                f"{column}: the database holds {before[column]} (from its "
                f"{before['source_kind']}), this source says {row[column]}",
            )
            for column in disagreeing
        ]
    return problems, set(held)


# The periods a session touched whose largest number of matches exceeds their smallest number
# of uses: the only ones worth comparing row by row.
_SAME_PERIOD = (
    "force_id = p.force_id AND technology = p.technology "
    "AND period_start = p.period_start AND period_end = p.period_end"
)
SUSPECT_PERIODS = f"""
WITH p AS (SELECT json_extract(value, '$[0]') AS force_id,
                  json_extract(value, '$[1]') AS technology,
                  json_extract(value, '$[2]') AS period_start,
                  json_extract(value, '$[3]') AS period_end
           FROM json_each(?))
SELECT force_id, technology, period_start, period_end FROM p
WHERE (SELECT max(value) FROM observations WHERE {_SAME_PERIOD} AND measure = 'matches')
    > (SELECT min(value) FROM observations
       WHERE {_SAME_PERIOD} AND measure = 'uses' AND breakdown = 'none')
"""
USES_AND_MATCHES = """
SELECT o.measure, o.value, o.document_id, o.response_id, coalesce(d.filename, o.response_id),
       o.observation_id || ' (' || o.technology || ' ' || o.measure || ' ' || o.period_label
       || coalesce(' ' || o.breakdown_value, '') || ')'
FROM observations o LEFT JOIN documents d ON d.document_id = o.document_id
WHERE o.force_id = ? AND o.technology = ? AND o.period_start = ? AND o.period_end = ?
  AND (o.measure = 'matches' OR (o.measure = 'uses' AND o.breakdown = 'none'))
"""


def matches_within_uses(conn: sqlite3.Connection, written: Written) -> list[Problem]:
    """Matches never exceed uses, across everything this session wrote and what was there.

    Run once, when every batch is written (pairs within one batch were checked by validation).
    """
    if not written.periods:
        return []
    periods = json.dumps(sorted(written.periods))
    problems = []
    for period in conn.execute(SUSPECT_PERIODS, (periods,)).fetchall():
        found = conn.execute(USES_AND_MATCHES, period).fetchall()
        uses = [row for row in found if row[0] == "uses"]
        for match in (row for row in found if row[0] == "matches"):
            for use in uses:
                new = (written.holds(match[2], match[3]), written.holds(use[2], use[3]))
                if match[1] > use[1] and any(new):
                    mine, theirs = (match, use) if new[0] else (use, match)
                    problems.append(
                        Problem(
                            mine[4],
                            "observations",
                            mine[5],
                            "matches never exceed uses",
                            f"{match[1]:g} matches against {use[1]:g} uses in the same period "
                            f"(the {theirs[0]} are stated by {theirs[4]})",
                        )
                    )
    return problems


def _shown(value) -> str:
    return f"{value:g}" if isinstance(value, float) else repr(value)
