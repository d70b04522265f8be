"""Progress while build and ingest read documents: a bar on a terminal, plain lines when the
output is not a terminal, nothing with --quiet or for a handful of documents; and the steps
before and after the reading named as they begin."""

import os
import pty
import subprocess
import sys

import pytest
from multiforce.toolkit import pipeline, progress
from test_faults import met_batch

PUBLISHING = "Publishing: the checks across documents, the indexes and the summary tables."


def test_plain_lines_when_the_output_is_not_a_terminal(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "LINE_SECONDS", 0.0)  # a line after every document
    result = cli("ingest", "--jobs", 1, "--db", tmp_path / "c.db", *met_batch(tmp_path, 8, 0))
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == "Reading 8 documents."
    assert lines[1].startswith("Read 1 of 8 documents (") and " a second, about " in lines[1]
    assert lines[-2].startswith("Read 8 documents in ")
    assert lines[-1] == PUBLISHING
    assert "\x1b" not in result.output  # no terminal codes in a file or a pipe
    assert result.stdout.splitlines()[-1] == f"Published into {tmp_path / 'c.db'}."
    assert len(result.stdout.splitlines()) == 9  # every document's line, then the summary


def test_reading_documents_again_first_says_it_puts_their_rows_away(cli, tmp_path, monkeypatch):
    db, documents = tmp_path / "c.db", met_batch(tmp_path, 7, 0)
    assert cli("ingest", "--quiet", "--db", db, *documents).exit_code == 0
    monkeypatch.setattr(pipeline, "adapter_version", lambda cls: "after an upgrade")
    result = cli("ingest", "--jobs", 1, "--db", db, *documents[:6])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == "Putting away the rows of 6 documents read by code that has since changed."
    assert lines[1] == "Reading 6 documents." and lines[-1] == PUBLISHING


def test_quiet_prints_only_the_summary(cli, tmp_path):
    result = cli("ingest", "--quiet", "--db", tmp_path / "c.db", *met_batch(tmp_path, 8, 0))
    assert result.exit_code == 0
    assert result.output == f"Published into {tmp_path / 'c.db'}.\n"


def test_quiet_still_says_that_numbers_were_left_unexplained(cli, tmp_path, edit):
    kiosks = "No accurate data pre 2020 for kiosks"
    stray = edit((kiosks, f"{kiosks}\nIn 2021 we also bought 4,321 wands."))
    result = cli("ingest", "--quiet", "--db", tmp_path / "c.db", stray)
    assert result.stderr.startswith("warning: 1 document(s) have numbers the audit could not")
    assert "4,321" not in result.output  # the details are for a run without --quiet


def test_a_handful_of_documents_shows_no_progress(cli, tmp_path):
    result = cli("ingest", "--db", tmp_path / "c.db", *met_batch(tmp_path, 3, 0))
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="needs a pseudo-terminal")
def test_a_bar_on_a_terminal(tmp_path):
    documents = met_batch(tmp_path, 8, 0)
    command = [sys.executable, "-m", "multiforce.toolkit", "ingest", "--db", str(tmp_path / "c.db")]
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [*command, "--jobs", "2", *map(str, documents)],
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        env={**os.environ, "COLUMNS": "120"},
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=60) == 0
    os.close(controller)
    text = shown.decode("utf-8", errors="replace")
    assert "Reading documents" in text and "8/8" in text  # documents done
    assert "━" in text  # the bar
    assert " a second" in text and "0:00:0" in text  # rate and time left
    assert "Reading 8 documents." not in text  # not the plain lines
    assert text.index("8/8") < text.index(PUBLISHING)  # after the bar, full
