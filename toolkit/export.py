"""Exports of a published database: CSV or Parquet per table, or a Frictionless data package.

Column types, enums and keys come from the pandera models, descriptions from the Datasette
metadata, so the exports describe the data the same way the database does.
"""

import json
import sqlite3
from pathlib import Path

import polars as pl

from ..schemas.campaign_models import MODELS as CAMPAIGN_MODELS
from ..schemas.models import MODELS, columns
from ..schemas.vocabulary import ISO_DATE_PATTERN
from .errors import MultiforceError
from .records import ROW_KEYS
from .records import TABLES as RECORD_TABLES
from .reference import FOREIGN_KEYS as REFERENCE_FOREIGN_KEYS
from .reference import PRIMARY_KEYS as REFERENCE_KEYS
from .serving import METADATA_FILE
from .store.files import connect_read_only, no_such_database, not_a_database, table_names
from .store.schema import FOREIGN_KEYS

# Every table with a model, in this order: the reference tables, the published rows, then a
# campaign's (written by `campaign new` and `import-wdtk`, in a database that has them).
TABLES = (*REFERENCE_KEYS, *RECORD_TABLES, *CAMPAIGN_MODELS)
TABLE_SCHEMA_TYPES = {"String": "string", "Float64": "number", "Int64": "integer"}
FORMATS = ("csv", "parquet", "datapackage")


def export(db: Path, out: Path, format: str) -> list[Path]:
    if not db.is_file():
        raise no_such_database(db)
    out.mkdir(parents=True, exist_ok=True)
    conn = connect_read_only(db)
    try:
        held = _held(conn, db)
        frames = {table: _read(conn, table, db) for table in TABLES if table in held}
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
            json.dumps(datapackage(list(frames)), indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        written.append(package)
    return written


def _held(conn: sqlite3.Connection, db: Path) -> set[str]:
    try:
        return table_names(conn)
    except sqlite3.DatabaseError as error:
        raise not_a_database(db, error) from None


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


def datapackage(tables: list[str]) -> dict:
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
            for table in tables
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
        for column, other, other_column in foreign_keys().get(table, [])
    ]
    schema = {"fields": fields, "foreignKeys": keys}
    primary = primary_keys().get(table)
    if primary:  # a campaign's history of request events has none: its rows are only added
        schema["primaryKey"] = primary if isinstance(primary, str) else list(primary)
    return schema


def primary_keys() -> dict:
    return {**ROW_KEYS, **REFERENCE_KEYS, **_campaign_keys()[0]}


def foreign_keys() -> dict:
    return {**FOREIGN_KEYS, **REFERENCE_FOREIGN_KEYS, **_campaign_keys()[1]}


def _campaign_keys() -> tuple[dict, dict]:
    try:
        from .campaigns.store import FOREIGN_KEYS as CAMPAIGN_FOREIGN_KEYS
        from .campaigns.store import PRIMARY_KEYS as CAMPAIGN_PRIMARY_KEYS
    except ImportError:  # an installation without campaigns writes no campaign tables
        return {}, {}
    return CAMPAIGN_PRIMARY_KEYS, CAMPAIGN_FOREIGN_KEYS
