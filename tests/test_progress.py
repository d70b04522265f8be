"""Progress while build and ingest read documents: a bar on a terminal, plain lines when the
output is not a terminal, nothing with --quiet or for a handful of documents."""

import os
import pty
import subprocess
import sys

import pytest
from multiforce.toolkit import progress
from test_faults import met_batch


def test_plain_lines_when_the_output_is_not_a_terminal(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "LINE_SECONDS", 0.0)  # a line after every document
    result = cli("ingest", "--jobs", 1, "--db", tmp_path / "c.db", *met_batch(tmp_path, 8, 0))
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == "Reading 8 documents."
    assert lines[1].startswith("Read 1 of 8 documents (") and " a second, about " in lines[1]
    assert lines[-1].startswith("Read 8 documents in ")
    assert "\x1b" not in result.output  # no terminal codes in a file or a pipe
    assert result.stdout.splitlines()[-1] == f"Published into {tmp_path / 'c.db'}."
    assert len(result.stdout.splitlines()) == 9  # every document's line, then the summary


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
