"""Reference tables every database carries: the register of forces and officer numbers."""

import sqlite_utils

from ..schemas.register import forces, officers

PRIMARY_KEYS = {"forces": "force_id", "officers": ("force_id", "date")}
FOREIGN_KEYS = {"officers": [("force_id", "forces", "force_id")]}


def publish_reference(db: sqlite_utils.Database) -> None:
    db["forces"].create(
        {name: str for name in forces()[0]}, pk=PRIMARY_KEYS["forces"], if_not_exists=True
    )
    db["forces"].upsert_all(forces(), pk=PRIMARY_KEYS["forces"])
    db["officers"].create(
        {"force_id": str, "date": str, "officers_fte": float, "source": str},
        pk=PRIMARY_KEYS["officers"],
        foreign_keys=FOREIGN_KEYS["officers"],
        if_not_exists=True,
    )
    db["officers"].upsert_all(officers(), pk=PRIMARY_KEYS["officers"])
