"""Exports of a published database: CSV or Parquet per table, or a Frictionless data package.

Column types, enums and keys come from the pandera models, descriptions from the Datasette
metadata, so the exports describe the data the same way the database does.
"""

import json
import sqlite3
from pathlib import Path

import polars as pl

from ..schemas.models import MODELS, columns
from ..schemas.vocabulary import ISO_DATE_PATTERN
from .errors import MultiforceError
from .records import ROW_KEYS
from .records import TABLES as RECORD_TABLES
from .serving import METADATA_FILE
from .store.files import connect_read_only, no_such_database
from .store.schema import FOREIGN_KEYS

TABLES = ("forces", *RECORD_TABLES)
PRIMARY_KEYS = {**ROW_KEYS, "forces": "force_id"}
TABLE_SCHEMA_TYPES = {"String": "string", "Float64": "number", "Int64": "integer"}
FORMATS = ("csv", "parquet", "datapackage")


def export(db: Path, out: Path, format: str) -> list[Path]:
    if not db.is_file():
        raise no_such_database(db)
    out.mkdir(parents=True, exist_ok=True)
    conn = connect_read_only(db)
    try:
        frames = {table: _read(conn, table, db) for table in TABLES}
    finally:
        conn.close()
    if format == "parquet":
        return [
            _write(frame, out / f"{table}.parquet", "parquet") for table, frame in frames.items()
        ]
    written = [_write(frame, out / f"{table}.csv", "csv") for table, frame in frames.items()]
    if format == "datapackage":
        package = out / "datapackage.json"
        package.write_text(
            json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        written.append(package)
    return written


def _read(conn: sqlite3.Connection, table: str, db: Path) -> pl.DataFrame:
    names = columns(table)
    try:
        return pl.read_database(
            f"SELECT {', '.join(names)} FROM {table}", conn, schema_overrides=names
        )
    except Exception as error:  # sqlite3 and polars both raise here for a foreign database
        raise MultiforceError(
            f"{db}: could not read the table {table} ({error}). Expected a database built by this "
            "version of multiforce: rebuild it with `multiforce build`."
        ) from None


def _write(frame: pl.DataFrame, path: Path, format: str) -> Path:
    if format == "parquet":
        frame.write_parquet(path)
    else:
        frame.write_csv(path)
    return path


def datapackage() -> dict:
    metadata = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    described = metadata["databases"]["multiforce"]["tables"]
    licences = [
        {"name": "OGL-UK-3.0", "title": metadata["license"], "path": metadata["license_url"]}
    ]
    sources = [{"title": metadata["source"]}]
    return {
        "name": "multiforce",
        "title": metadata["title"],
        "description": "UK police forces' FOI responses: figures with their quotes, and outcomes.",
        "licenses": licences,
        "sources": sources,
        "resources": [
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": described[table]["description"],
                "licenses": licences,
                "sources": sources,
                "schema": table_schema(table, described[table]["columns"]),
            }
            for table in TABLES
        ],
    }


def table_schema(table: str, descriptions: dict) -> dict:
    schema_columns = MODELS[table].to_schema().columns
    fields = []
    for name, dtype in columns(table).items():
        field = {
            "name": name,
            "type": TABLE_SCHEMA_TYPES[dtype.__name__],
            "description": descriptions.get(name, ""),
        }
        constraints = {} if schema_columns[name].nullable else {"required": True}
        for check in schema_columns[name].checks:
            if check.name == "isin":
                constraints["enum"] = list(check.statistics["allowed_values"])
            elif check.name == "str_matches" and check.statistics["pattern"] == ISO_DATE_PATTERN:
                field["type"] = "date"
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    keys = [
        {"fields": column, "reference": {"resource": other, "fields": other_column}}
        for column, other, other_column in FOREIGN_KEYS.get(table, [])
    ]
    return {"fields": fields, "primaryKey": PRIMARY_KEYS[table], "foreignKeys": keys}
