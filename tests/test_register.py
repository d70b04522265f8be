"""The register of 48 forces: checked by its pandera model, and the only source of force ids."""

import runpy
import sqlite3
from pathlib import Path, PurePosixPath

import multiforce.forces
import pandera.polars as pa
import polars as pl
import pytest
import setuptools
from conftest import ROOT
from multiforce.schemas.models import Forces, Officers, columns
from multiforce.schemas.register import force_by_name, forces, officers
from multiforce.toolkit.discovery import format_adapters


def register() -> pl.DataFrame:
    return pl.DataFrame(list(forces()), schema=columns("forces"))


def test_forces_csv_passes_its_model():
    frame = Forces.validate(register())
    assert frame.height == 48
    counts = frame.group_by("country", "kind").len()
    assert dict(
        zip(zip(counts["country"], counts["kind"], strict=True), counts["len"], strict=True)
    ) == {
        ("England", "territorial"): 39,
        ("Wales", "territorial"): 4,
        ("Scotland", "territorial"): 1,
        ("Northern Ireland", "territorial"): 1,
        ("Great Britain", "special"): 1,
        ("United Kingdom", "special"): 2,
    }


@pytest.mark.parametrize(
    "force_id,column,value",
    [
        ("gwent", "force_id", "dyfed-powys"),  # an id twice
        ("gwent", "ons_code", "E23000001"),  # an English code for a Welsh force, and the Met's
        ("psni", "ons_code", "N99999999"),  # not an ONS PFA code
        ("kent", "country", "Kent"),
        ("civil-nuclear", "ons_code", "E23000040"),  # a special force has no area
        ("kent", "name", "Essex Police"),
    ],
)
def test_the_model_catches_a_broken_register(force_id, column, value):
    broken = register().with_columns(
        pl.when(pl.col("force_id") == force_id)
        .then(pl.lit(value))
        .otherwise(pl.col(column))
        .alias(column)
    )
    with pytest.raises(pa.errors.SchemaErrors):
        Forces.validate(broken, lazy=True)


def officer_counts() -> pl.DataFrame:
    return pl.DataFrame(list(officers()), schema=columns("officers"))


def test_officers_csv_passes_its_model():
    assert Officers.validate(officer_counts()).height == len(officers())


@pytest.mark.parametrize(
    "column,value",
    [
        ("force_id", "kent-police"),  # not a registered force
        ("date", "30/09/2019"),
        ("officers_fte", 0.0),
        ("source", ""),
    ],
)
def test_the_model_catches_broken_officer_counts(column, value):
    first = pl.int_range(pl.len()) == 0
    broken = officer_counts().with_columns(
        pl.when(first).then(pl.lit(value)).otherwise(pl.col(column)).alias(column)
    )
    with pytest.raises(pa.errors.SchemaErrors):
        Officers.validate(broken, lazy=True)


def test_officer_counts_are_one_per_force_and_date():
    counts = officer_counts()
    with pytest.raises(pa.errors.SchemaErrors, match="one count per force and date"):
        Officers.validate(pl.concat([counts, counts.head(1)]), lazy=True)


def test_every_force_is_found_by_its_name_and_its_id():
    for row in forces():
        assert force_by_name(row["name"]) == row["force_id"]
        assert force_by_name(row["force_id"]) == row["force_id"]


@pytest.mark.parametrize(
    "written,force_id",
    [
        ("Devon and Cornwall Police", "devon-and-cornwall"),
        ("Devon & Cornwall Police", "devon-and-cornwall"),
        ("Hampshire Constabulary", "hampshire"),
        ("Police Scotland", "police-scotland"),
        ("Metropolitan Police", "metropolitan"),
        ("Dyfed Powys Police", "dyfed-powys"),
        ("Gotham City Police", None),
        ("Police", None),
    ],
)
def test_name_variants(written, force_id):
    assert force_by_name(written) == force_id


def test_every_force_in_the_built_database_is_registered(built_db):
    conn = sqlite3.connect(built_db)
    assert conn.execute("SELECT count(*) FROM forces").fetchone() == (48,)
    for table in ("responses", "observations", "outcomes"):
        assert (
            conn.execute(
                f"SELECT DISTINCT force_id FROM {table} WHERE force_id NOT IN "
                "(SELECT force_id FROM forces)"
            ).fetchall()
            == []
        )
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_package_data_ships_every_bundled_file(monkeypatch):
    """pip install . (not editable) must carry transcriptions and compilations: they live in
    folders that are not packages, so only setup.py's package_data brings them along."""
    captured = {}
    monkeypatch.setattr(setuptools, "setup", lambda **kwargs: captured.update(kwargs))
    monkeypatch.chdir(ROOT)
    runpy.run_path(str(ROOT / "setup.py"))
    patterns = captured["package_data"]["multiforce.forces"]
    bundled = [path for cls in format_adapters().values() for path in cls.bundled_documents()]
    assert bundled
    for path in bundled:
        relative = PurePosixPath(
            path.relative_to(Path(multiforce.forces.__file__).parent).as_posix()
        )
        assert any(relative.match(pattern) for pattern in patterns), (
            f"{relative} would not be installed"
        )
