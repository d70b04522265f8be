"""Every error a user can meet, through the CLI: one paragraph naming the file (and the row
where there is one), what was found, what was expected and how to fix it; exit status 1 and
no traceback. A bug is one paragraph and exit status 70; --debug shows the traceback of either.

(A full disk and "database busy" are in test_faults.py; hostile files that are refused in
test_fuzz.py and test_safety.py.)
"""

import codecs
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MET_TEXT
from multiforce.forces.metropolitan import Metropolitan
from multiforce.toolkit import discovery, pipeline
from multiforce.toolkit.errors import DocumentError, MultiforceError
from pdfs import make_pdf

MET = MET_TEXT.read_text(encoding="utf-8")


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def published(tmp_path: Path) -> Path:
    db = tmp_path / "published.db"
    pipeline.ingest(db, [MET_TEXT])
    return db


def another_programs_database(tmp_path: Path) -> Path:
    path = tmp_path / "theirs.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text)")
    conn.close()
    return path


def met(tmp_path, name, *replacements) -> Path:
    text = MET
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    return write(tmp_path, name, text)


def cp1252_and_latin2_fail(tmp_path, monkeypatch):
    import charset_normalizer

    monkeypatch.setattr(
        charset_normalizer, "from_bytes", lambda data: charset_normalizer.CharsetMatches()
    )
    return [
        "ingest",
        "--db",
        tmp_path / "c.db",
        write(tmp_path, "odd.txt", b"Reference \x81\x8d\x8f\x90\x9d " * 20),
    ]


def unreadable(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", MET)
    original = Path.read_bytes

    def denied(self):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    return ["ingest", "--db", tmp_path / "c.db", path]


def two_adapters(tmp_path, monkeypatch):
    class Copy(Metropolitan):
        force_id = "city-of-london"

    monkeypatch.setattr(
        discovery, "adapters", lambda: {"city-of-london": Copy, "metropolitan": Metropolitan}
    )
    return ["ingest", "--db", tmp_path / "c.db", MET_TEXT]


def a_format_outside_the_audit(tmp_path, monkeypatch):
    class Transcription:
        name = "transcription"

        def recognises(self, document):
            return True

        def parse(self, document, force_id):
            return pipeline.Extraction()

    monkeypatch.setattr(pipeline, "format_adapters", lambda: {"transcription": Transcription})
    return ["audit", write(tmp_path, "figures.csv", "force,value\nmetropolitan,12\n")]


def conflicting(tmp_path, monkeypatch):
    db = tmp_path / "c.db"
    pipeline.ingest(db, [MET_TEXT])
    return [
        "ingest",
        "--db",
        db,
        met(
            tmp_path,
            "second.txt",
            ("2018 = 21,790", "2018 = 21,791"),
            ("01.FOI.22.022895\n", "01.FOI.22.022895\nSecond copy\n"),
        ),
    ]


# case: (arguments, given tmp_path and monkeypatch) -> fragments the message must hold
CASES = {
    "no such file": (
        lambda t, m: ["ingest", "--db", t / "c.db", t / "nope.txt"],
        ["nope.txt: no such file.", "Expected a police force's FOI response", "check the path"],
    ),
    "a folder": (
        lambda t, m: ["validate", (t / "folder").mkdir() or t / "folder"],
        ["folder", "is a directory"],
    ),
    "empty file": (
        lambda t, m: ["ingest", "--db", t / "c.db", write(t, "empty.txt", b"  \n")],
        ["empty.txt: the file is empty (3 bytes).", "Expected a police force's FOI response"],
    ),
    "binary data": (
        lambda t, m: ["ingest", "--db", t / "c.db", write(t, "photo.txt", bytes(range(256)) * 8)],
        [
            "photo.txt: the file holds binary data",
            "Expected",
            "not an image, an archive or a damaged download",
        ],
    ),
    "a damaged zip container": (
        lambda t, m: [
            "ingest",
            "--db",
            t / "c.db",
            write(t, "response.docx", b"PK\x03\x04" + b"\0" * 40),
        ],
        [
            "response.docx: the file is a zip container",
            "damaged or truncated",
            "Expected a complete file",
            "save it again",
        ],
    ),
    "damaged UTF-16": (
        lambda t, m: [
            "ingest",
            "--db",
            t / "c.db",
            write(t, "wide.txt", codecs.BOM_UTF16_LE + b"a\0b"),
        ],
        ["wide.txt: the file starts as utf-16 text but is damaged", "save it again as UTF-8"],
    ),
    "unknown encoding": (
        cp1252_and_latin2_fail,
        ["odd.txt: the text's encoding could not be recognised.", "re-save the file as UTF-8"],
    ),
    "unreadable file": (
        unreadable,
        ["locked.txt: the file cannot be read (Permission denied).", "check that you may read it"],
    ),
    "damaged PDF": (
        lambda t, m: ["ingest", "--db", t / "c.db", write(t, "letter.pdf", make_pdf(["x"])[:200])],
        ["letter.pdf: the PDF could not be read", "truncated or damaged", "download it again"],
    ),
    "PDF without text": (
        lambda t, m: ["ingest", "--db", t / "c.db", write(t, "scan.pdf", make_pdf(drawing=True))],
        ["scan.pdf: the PDF has no text layer", "run OCR on it (e.g. ocrmypdf)"],
    ),
    "truncated letter": (
        lambda t, m: ["ingest", "--db", t / "c.db", write(t, "cut.txt", MET[:9000])],
        [
            "cut.txt: scanners deployed per year was not found (1 of at least 3 passages matching",
            "may be truncated or edited",
            "update forces/metropolitan",
        ],
    ),
    "another force's letter": (
        lambda t, m: [
            "ingest",
            "--db",
            t / "c.db",
            "--force",
            "metropolitan",
            write(t, "kent.txt", "Kent Police\nOur ref: 123/21\nNot held.\n"),
        ],
        [
            "kent.txt: this is not a Metropolitan Police Service response",
            "choose its force with --force",
        ],
    ),
    "a figure that is not a number": (
        lambda t, m: [
            "ingest",
            "--db",
            t / "c.db",
            met(t, "comma.txt", ("2016 = 32", "2016 = 3,2")),
        ],
        [
            "comma.txt: in fixed-site kiosks per year, '3,2' is not a number.",
            "Expected figures written as digits (e.g. 21,790 or 93%)",
        ],
    ),
    "a number cut short": (
        lambda t, m: [
            "ingest",
            "--db",
            t / "c.db",
            met(t, "year.txt", ("2018 = 21,790", "10001 = 21,790")),
        ],
        [
            "year.txt: in extractions per year (line 81), the adapter's pattern read '0001' out of "
            "the longer number '10001 = 21'",
            "needs a boundary",
        ],
    ),
    "a run of digits": (
        lambda t, m: [
            "ingest",
            "--db",
            t / "c.db",
            met(t, "run.txt", ("2016 = 32", "2016 = " + "3" * 5000)),
        ],
        [
            "run.txt: line 74 holds a run of 5,000 digits",
            "damaged or not a response",
            "download it again",
        ],
    ),
    "a page nested too deep": (
        lambda t, m: [
            "ingest",
            "--db",
            t / "c.db",
            write(t, "deep.html", "<html><body>" + "<div>" * 20_000),
        ],
        ["deep.html: the page nests elements about 20,002 deep", "save it again from a browser"],
    ),
    "no adapter recognises it": (
        lambda t, m: [
            "ingest",
            "--db",
            t / "c.db",
            write(t, "letter.txt", "Dear applicant, not held.\n"),
        ],
        [
            "letter.txt: no adapter reads this document",
            "Expected a document an adapter reads (or name its force with --force)",
            "--out drafts/",
        ],
    ),
    "unknown force": (
        lambda t, m: ["ingest", "--db", t / "c.db", "--force", "gotham", MET_TEXT],
        ["'gotham' is not a force in the register", "`multiforce forces` lists them"],
    ),
    "unknown force for a document published already": (
        lambda t, m: ["ingest", "--db", published(t), "--force", "gotham", MET_TEXT],
        ["'gotham' is not a force in the register"],
    ),
    "two adapters recognise it": (
        two_adapters,
        [
            "01.FOI.22.022895.txt: several adapters recognise this document "
            "(city-of-london, metropolitan). Expected exactly one",
            "--force",
        ],
    ),
    "validation": (
        lambda t, m: [
            "ingest",
            "--db",
            t / "c.db",
            met(t, "shares.txt", ("93% Suspect", "83% Suspect")),
        ],
        [
            "Validation failed with 1 problem(s); nothing was published.",
            "shares.txt | observations row 26 (phone_extraction share_of_uses Q1 & Q2 2021 "
            "suspect) | shares of one breakdown sum to about 100: the device_owner_role shares add "
            "up to 90%",
            "Fix the document or its adapter and run again",
        ],
    ),
    "a figure the database holds otherwise": (
        conflicting,
        [
            "second.txt | observations row 22 (phone_extraction uses 2018) | one value per key: "
            "the database already holds 21790 from 01.FOI.22.022895.txt",
            "second.txt says 21791: check which source is right",
        ],
    ),
    "a database that is not SQLite": (
        lambda t, m: ["ingest", "--db", write(t, "notes.db", "my notes\n" * 100), MET_TEXT],
        [
            "notes.db: this is not a multiforce database",
            "Expected a database that `multiforce build` or `multiforce ingest` wrote",
            "give its path with --db, or move this file away",
        ],
    ),
    "a database that cannot be written there": (
        lambda t, m: ["ingest", "--db", write(t, "file", "x") / "c.db", MET_TEXT],
        [
            "file/c.db: the database cannot be written there",
            "Expected a --db path in a folder",
            "Nothing was published",
        ],
    ),
    "building over another program's database": (
        lambda t, m: ["build", "--db", another_programs_database(t), "--quiet"],
        [
            "theirs.db: this is not a multiforce database (its tables: notes)",
            "writing replaces the file at --db whole",
            "give another --db, or move this file away",
        ],
    ),
    "an --out file in a folder that does not exist": (
        lambda t, m: ["template", "--out", t / "nowhere" / "answers.xlsx"],
        ["nowhere/answers.xlsx: the folder", "does not exist", "make the folder first"],
    ),
    "an --out folder beneath a file": (
        lambda t, m: ["draft", MET_TEXT, "--out", write(t, "notes.txt", "x") / "drafts"],
        ["notes.txt is a file. Expected a folder to write into"],
    ),
    "a --source-url that is not a web address": (
        lambda t, m: ["draft", MET_TEXT, "--out", t / "d", "--source-url", "police.uk/x"],
        ["'police.uk/x' is not a web address", "http:// or https://"],
    ),
    "a YAML file of a kind multiforce does not read": (
        lambda t, m: [
            "ingest",
            "--db",
            t / "c.db",
            write(t, "response.yaml", "source_kind: transcriptoin\nforce_id: kent\n"),
        ],
        [
            "response.yaml: its source_kind is 'transcriptoin' (did you mean 'transcription'?)",
            "Expected a line source_kind: transcription or compilation",
        ],
    ),
    "a campaign id that cannot be": (
        lambda t, m: ["import-wdtk", "--db", t / "c.db", "--campaign", "Bad_Camp!", MET_TEXT],
        ["'Bad_Camp!' is not a campaign id", "lower-case letters, digits and hyphens"],
    ),
    "two files that cannot be read, validated at once": (
        lambda t, m: ["validate", write(t, "empty.txt", ""), write(t, "blank.pdf", b"%PDF-1.4")],
        ["2 files could not be read:\n- ", "empty.txt", "blank.pdf"],
    ),
    "serving on a port that cannot be": (
        lambda t, m: ["serve", t / "c.db", "--port", "99999"],
        ["Invalid value for '--port'", "99999 is not in the range 1<=x<=65535"],
    ),
    "charting a technology not in the vocabulary": (
        lambda t, m: ["chart", "uses", "--technology", "laser", "--out", t / "c.png"],
        ["'laser' is not a technology. Expected one of: mobile_fingerprint_scanner"],
    ),
    "serving a file that is not SQLite": (
        lambda t, m: ["serve", write(t, "notes.db", "my notes\n")],
        ["notes.db: this is not a SQLite database", "Expected a database made by"],
    ),
    "serving a file that does not exist": (
        lambda t, m: ["serve", t / "nope.db"],
        ["nope.db", "does not exist"],
    ),
    "auditing a format outside the audit": (
        a_format_outside_the_audit,
        [
            "figures.csv: the format adapter that reads this document does not take part in the "
            "audit",
            "Expected a document read by a force adapter",
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_user_error_is_one_clear_paragraph(cli, tmp_path, monkeypatch, case):
    arguments, fragments = CASES[case]
    result = cli(*arguments(tmp_path, monkeypatch))
    assert result.exit_code in (1, 2), result.output  # 2: click's own usage errors
    assert result.output.startswith("Error") or "Usage:" in result.output, result.output
    assert "Traceback" not in result.output and "hit a bug" not in result.output
    for fragment in fragments:
        assert fragment in result.output, f"{fragment!r} not in:\n{result.output}"


def test_a_build_leaves_another_programs_file_as_it_was(cli, tmp_path):
    theirs = another_programs_database(tmp_path)
    before = hashlib.sha256(theirs.read_bytes()).hexdigest()
    assert cli("build", "--db", theirs, "--quiet").exit_code == 1
    assert hashlib.sha256(theirs.read_bytes()).hexdigest() == before


def test_a_bug_is_one_paragraph_with_a_hint_and_its_own_exit_status(cli, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pipeline, "ingest", broken)
    result = cli("ingest", MET_TEXT)
    assert result.exit_code == 70
    assert result.output.startswith(
        "Error: multiforce hit a bug (ZeroDivisionError: division by zero)."
    )
    assert "multiforce --debug" in result.output and "Traceback" not in result.output
    with pytest.raises(ZeroDivisionError):
        cli("--debug", "ingest", MET_TEXT)


def test_debug_shows_the_traceback_of_a_user_error(cli, tmp_path):
    empty = write(tmp_path, "empty.txt", b"")
    with pytest.raises(DocumentError, match="empty.txt: the file is empty"):
        cli("--debug", "ingest", "--db", tmp_path / "c.db", empty)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "multiforce.toolkit",
            "--debug",
            "ingest",
            "--db",
            str(tmp_path / "c.db"),
            str(empty),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "DocumentError: " in result.stderr and "empty.txt: the file is empty" in result.stderr


def test_every_error_the_toolkit_defines_is_a_multiforce_error():
    from multiforce.toolkit import errors

    for name in ("DocumentError", "DatabaseBusy", "ValidationFailed"):
        assert issubclass(getattr(errors, name), MultiforceError)


def test_an_older_database_gains_the_columns_it_lacks(tmp_path, cli):
    """A database built before a column was added is brought up to date, not refused."""
    import sqlite3

    db = tmp_path / "old.db"
    pipeline.ingest(db, [MET_TEXT])
    with sqlite3.connect(db) as conn:
        for (view,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'view'"
        ).fetchall():
            conn.execute(f"DROP VIEW [{view}]")  # an older version's views did not name the column
        conn.execute("ALTER TABLE observations DROP COLUMN caveat")
    result = cli(
        "ingest",
        "--db",
        db,
        met(tmp_path, "again.txt", ("01.FOI.22.022895\n", "01.FOI.22.022895\nAgain\n")),
    )
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        assert "caveat" in [row[1] for row in conn.execute("PRAGMA table_info(observations)")]
