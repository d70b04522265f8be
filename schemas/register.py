"""The register of UK police forces, shipped as reference data (forces.csv)."""

import csv
import re
from functools import cache
from importlib.resources import files

# Words every force's name may carry or drop ("Police Scotland", "Police Service of Scotland").
GENERIC_WORDS = frozenset({"police", "constabulary", "service", "force", "the", "of"})


@cache
def forces() -> tuple[dict, ...]:
    with (files(__package__) / "forces.csv").open(encoding="utf-8", newline="") as handle:
        return tuple({k: (val or None) for k, val in row.items()} for row in csv.DictReader(handle))


def force_ids() -> frozenset[str]:
    return frozenset(row["force_id"] for row in forces())


def force_name(force_id: str) -> str:
    return next((row["name"] for row in forces() if row["force_id"] == force_id), force_id)


def name_key(name: str) -> str:
    """'Devon and Cornwall Police', 'Devon & Cornwall Police' and 'devon-and-cornwall' -> 'devon and
    cornwall'."""
    words = re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and ")).split()
    return " ".join(word for word in words if word not in GENERIC_WORDS)


@cache
def _ids_by_name_key() -> dict[str, str]:
    keys: dict[str, set[str]] = {}
    for row in forces():
        for written in (row["name"], row["force_id"]):
            keys.setdefault(name_key(written), set()).add(row["force_id"])
    return {key: ids.pop() for key, ids in keys.items() if len(ids) == 1}


def force_by_name(name: str) -> str | None:
    """The force id for a force's name as published sources write it (its register name, a
    variant spelling, or an older name that is its id's, like 'Hampshire Constabulary'), or None."""
    return _ids_by_name_key().get(name_key(name))


@cache
def _ids_by_wdtk_slug() -> dict[str, str]:
    return {
        row["whatdotheyknow_slug"]: row["force_id"]
        for row in forces()
        if row["whatdotheyknow_slug"]
    }


def force_by_wdtk_slug(slug: str) -> str | None:
    """The force id for a WhatDoTheyKnow body's url_name ('the_met', 'wmp'), or None."""
    return _ids_by_wdtk_slug().get(slug.strip().lower())


def short_names(force_id: str) -> tuple[str, ...]:
    """How a force names itself in letters ('MPS', 'PSNI'): forces.csv's `short_names`
    (several joined by `;`)."""
    row = next((row for row in forces() if row["force_id"] == force_id), None)
    written = (row or {}).get("short_names") or ""
    return tuple(name.strip() for name in written.split(";") if name.strip())


@cache
def officers() -> tuple[dict, ...]:
    """Police officer FTEs by force and date (Home Office workforce statistics), for per-officer
    views."""
    with (files(__package__) / "officers.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(
            {**row, "officers_fte": float(row["officers_fte"])} for row in csv.DictReader(handle)
        )
