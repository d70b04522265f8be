"""What a campaign has on each of the 48 forces: its adapter, its responses by source kind and,
per technology, what its latest response did (the coverage table of `multiforce forces`)."""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..schemas.register import forces
from ..schemas.vocabulary import (
    PRIMARY_SOURCE_KINDS,
    SOURCE_KIND_SEPARATOR,
    SOURCE_KINDS,
    STATUSES,
    TECHNOLOGIES,
)
from .discovery import adapters
from .store.files import connect_read_only, not_a_database

NOT_ASKED = "not asked"
FIGURES_ONLY = "figures only"

# Each (force, technology) a response touched: its outcomes' statuses, or one row with no
# status where it gave figures only.
TOUCHED = """
SELECT r.force_id, x.technology, r.response_id, r.source_kind, r.response_date, r.reference,
       x.status, x.exemptions
FROM responses r JOIN (
    SELECT response_id, technology, status, exemptions FROM outcomes
    UNION SELECT response_id, technology, NULL, NULL FROM observations
) x ON x.response_id = r.response_id"""


@dataclass(frozen=True)
class Coverage:
    force_id: str
    name: str
    adapter: str | None
    responses: dict[str, int]  # source_kind -> number of responses
    latest: dict[str, str]  # technology -> what the latest response did with it


def coverage(db: Path | None) -> list[Coverage]:
    """One row per force in the register; without a database, only the adapters are known."""
    counts, touched = _read(db) if db is not None and db.exists() else ({}, [])
    found = adapters()
    latest = _latest(touched)
    return [
        Coverage(
            force_id=row["force_id"],
            name=row["name"],
            adapter=found[row["force_id"]].__name__ if row["force_id"] in found else None,
            responses={kind: counts.get((row["force_id"], kind), 0) for kind in SOURCE_KINDS},
            latest={
                technology: latest.get((row["force_id"], technology), NOT_ASKED)
                for technology in TECHNOLOGIES
            },
        )
        for row in forces()
    ]


def _read(db: Path) -> tuple[dict, list[tuple]]:
    conn = connect_read_only(db)
    try:
        counts: dict[tuple, int] = {}
        for force, kinds, n in conn.execute(
            "SELECT force_id, source_kind, count(*) FROM responses GROUP BY force_id, source_kind"
        ):
            for kind in kinds.split(SOURCE_KIND_SEPARATOR):  # a response of several sources
                counts[(force, kind)] = counts.get((force, kind), 0) + n
        return counts, conn.execute(TOUCHED).fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return {}, []  # a database nothing was published into yet
        raise not_a_database(db, error) from None
    except sqlite3.DatabaseError as error:
        raise not_a_database(db, error) from None
    finally:
        conn.close()


def _latest(touched: list[tuple]) -> dict[tuple[str, str], str]:
    """Per (force, technology), the statuses of the latest response: the force's own responses
    before compilations; then by response date (undated counts as oldest), then reference."""
    responses: dict[tuple[str, str], dict[str, tuple]] = {}
    statuses: dict[str, set] = {}
    for force, technology, response_id, kinds, date, reference, status, exemptions in touched:
        primary = not PRIMARY_SOURCE_KINDS.isdisjoint(kinds.split(SOURCE_KIND_SEPARATOR))
        kind = "primary" if primary else kinds
        order = (primary, date or "", reference)
        responses.setdefault((force, technology), {})[response_id] = (order, kind)
        if status:
            statuses.setdefault((response_id, technology), set()).add((status, exemptions))
    cells = {}
    for (force, technology), candidates in responses.items():
        response_id, (_, kind) = max(candidates.items(), key=lambda item: item[1][0])
        said = sorted(
            statuses.get((response_id, technology), ()),
            key=lambda s: (STATUSES.index(s[0]), s[1] or ""),
        )
        cell = ", ".join(
            status + (f" {exemptions}" if exemptions else "") for status, exemptions in said
        )
        cells[(force, technology)] = (
            (cell or FIGURES_ONLY) if kind == "primary" else f"{cell or FIGURES_ONLY} (compilation)"
        )
    return cells
