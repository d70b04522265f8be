"""The test campaign (tests/fixtures/wdtk) and the few steps the campaign tests share."""

import sqlite3
from pathlib import Path

WDTK = Path(__file__).parent / "fixtures" / "wdtk"
CAMPAIGN = WDTK / "campaign-scanners-2024.yaml"
C = "scanners-2024"


def rows(db, sql, *args):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def import_wdtk(cli, db, *args):
    """`multiforce import-wdtk` into the test campaign; args are options and files."""
    return cli("import-wdtk", "--db", db, "--campaign", C, *args)
