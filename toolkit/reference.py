"""Reference tables every database carries: the register of forces and officer numbers."""

import sqlite_utils

from ..schemas.register import forces, officers


def publish_reference(db: sqlite_utils.Database) -> None:
    db["forces"].create({name: str for name in forces()[0]}, pk="force_id", if_not_exists=True)
    db["forces"].upsert_all(forces(), pk="force_id")
    db["officers"].create(
        {"force_id": str, "date": str, "officers_fte": float, "source": str},
        pk=("force_id", "date"),
        foreign_keys=[("force_id", "forces", "force_id")],
        if_not_exists=True,
    )
    db["officers"].upsert_all(officers(), pk=("force_id", "date"))
