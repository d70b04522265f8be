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


def edited_download(path: Path, download: str, old: str, new: str) -> Path:
    """A WhatDoTheyKnow download of tests/fixtures/wdtk with one line's state edited, saved at
    `path`: a later export, as the site would give it."""
    text = (WDTK / download).read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} is not in {download}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def answered_on_a_day_nobody_recorded(cli, db, tmp_path):
    """Devon and Cornwall, seen long overdue on 1 March, had answered by 2 April."""
    import_wdtk(cli, db, "--as-of", "2024-03-01", WDTK / "batch-download.csv")
    answered = edited_download(
        tmp_path / "answered.csv",
        "batch-download-later.csv",
        "Devon & Cornwall Police,0,Long overdue",
        "Devon & Cornwall Police,1,Successful",
    )
    import_wdtk(cli, db, "--as-of", "2024-04-02", answered)
