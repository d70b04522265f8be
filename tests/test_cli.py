"""The CLI: every command has help with an example; user errors are one paragraph, no traceback."""

import os
import sqlite3
import subprocess
import sys

import pytest
from conftest import MET_HTML, MET_TEXT
from multiforce.toolkit.cli import main


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and "multiforce" in result.output


@pytest.mark.parametrize("module", ["multiforce", "multiforce.toolkit"])
def test_python_dash_m_runs_the_command_line(module):
    shown = subprocess.run(
        [sys.executable, "-m", module, "--help"], capture_output=True, text=True, check=True
    )
    assert shown.stdout.startswith("Usage: multiforce [OPTIONS] COMMAND")


def test_ingest_picks_the_adapter_that_recognises_the_document(cli, tmp_path):
    db = tmp_path / "campaign.db"
    result = cli("ingest", "--db", db, MET_HTML)
    assert result.exit_code == 0, result.output
    assert "metropolitan: 01.FOI.22.022895.html: 28 figures, 33 outcomes" in result.output
    assert sqlite3.connect(db).execute("SELECT count(*) FROM observations").fetchone() == (28,)


def test_build_defaults_to_multiforce_db(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("build")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "multiforce.db").exists()
    listing = cli("forces")
    met = next(line for line in listing.output.splitlines() if line.startswith("metropolitan "))
    assert "Metropolitan" in met and "refused s31(1)" in met


def test_validate_reports_without_publishing(cli, tmp_path, edit):
    ok = cli("validate", MET_TEXT)
    assert ok.exit_code == 0 and "Validation passed" in ok.output
    bad = cli("validate", edit(("93% Suspect", "83% Suspect")))
    assert bad.exit_code != 0
    assert "shares of one breakdown sum to about 100" in bad.output
    assert not list(tmp_path.glob("*.db"))


def _bad_inputs(tmp_path, edit):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 40)
    truncated = tmp_path / "truncated.txt"
    truncated.write_text(MET_TEXT.read_text(encoding="utf-8")[:5000], encoding="utf-8")
    other = tmp_path / "west-midlands.txt"
    other.write_text(
        "West Midlands Police\nFreedom of Information request 1234/2021\nNot held.\n",
        encoding="utf-8",
    )
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not really a pdf")
    return {
        "missing file": (tmp_path / "nope.txt", "no such file"),
        "empty file": (empty, "empty"),
        "binary junk": (junk, "binary"),
        "truncated document": (truncated, "truncated"),
        "another force's document": (other, "not a Metropolitan Police Service response"),
        "broken PDF": (broken_pdf, "PDF could not be read"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing file",
        "empty file",
        "binary junk",
        "truncated document",
        "another force's document",
        "broken PDF",
    ],
)
def test_user_errors_are_clear_and_change_nothing(cli, tmp_path, edit, case):
    db = tmp_path / "campaign.db"
    assert cli("ingest", "--db", db, MET_TEXT).exit_code == 0
    before = db.read_bytes()
    path, expected = _bad_inputs(tmp_path, edit)[case]
    result = cli("ingest", "--db", db, "--force", "metropolitan", path)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert str(path.name) in result.output and expected in result.output
    assert "Expected" in result.output or "expected" in result.output
    assert db.read_bytes() == before


def test_without_force_an_unknown_document_is_named(cli, tmp_path):
    other = tmp_path / "letter.txt"
    other.write_text("Dear applicant, the information is not held.\n", encoding="utf-8")
    result = cli("ingest", "--db", tmp_path / "x.db", other)
    assert result.exit_code != 0 and "no adapter reads this document" in result.output
    assert f"multiforce draft {other} --out drafts/" in result.output
    assert not (tmp_path / "x.db").exists()


def test_unknown_force_is_a_user_error(cli, tmp_path):
    result = cli("ingest", "--db", tmp_path / "x.db", "--force", "gotham", MET_TEXT)
    assert result.exit_code != 0 and "'gotham' is not a force in the register" in result.output


def test_a_force_without_an_adapter_points_to_draft(cli, tmp_path):
    result = cli("ingest", "--db", tmp_path / "x.db", "--force", "northumbria", MET_TEXT)
    assert result.exit_code == 1 and "Northumbria Police has no adapter of its own" in result.output
    assert f"multiforce draft {MET_TEXT} --force northumbria --out drafts/" in result.output


def test_installed_command_exits_non_zero_without_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "multiforce.toolkit",
            "ingest",
            "--db",
            str(tmp_path / "x.db"),
            str(empty),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "empty" in result.stderr


def test_serve_runs_datasette_on_any_file_name(built_db, tmp_path):
    renamed = tmp_path / "campaign_2022.db"
    os.replace(built_db, renamed)
    result = subprocess.run(  # the canned query exists only if the metadata follows the file name
        [
            sys.executable,
            "-m",
            "multiforce.toolkit",
            "serve",
            str(renamed),
            "--get",
            "/campaign_2022/searches_and_matches_by_force_and_year.json?_shape=array",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "29612" in result.stdout and "Metropolitan Police Service" in result.stdout


def test_help_imports_no_heavy_library():
    """`multiforce --help` stays fast: commands import polars, pandera, sqlite-utils, Datasette
    and the readers' libraries inside their functions, never when the CLI is loaded."""
    heavy = (
        "polars",
        "pandera",
        "sqlite_utils",
        "datasette",
        "pdfplumber",
        "selectolax",
        "matplotlib",
        "pandas",
    )
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, multiforce.toolkit.cli; "
            f"print(' '.join(m for m in {heavy!r} if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert loaded == []
