"""The register of UK police forces, shipped as reference data (forces.csv)."""
import csv
from functools import cache
from importlib.resources import files


@cache
def forces() -> tuple[dict, ...]:
    with (files(__package__) / "forces.csv").open(encoding="utf-8", newline="") as handle:
        return tuple({k: (val or None) for k, val in row.items()} for row in csv.DictReader(handle))


def force_ids() -> frozenset[str]:
    return frozenset(row["force_id"] for row in forces())


def force_name(force_id: str) -> str:
    return next((row["name"] for row in forces() if row["force_id"] == force_id), force_id)
