"""Lint and format are part of the one test command: `pytest` fails on a ruff finding."""

import subprocess
import sys

import pytest
from conftest import ROOT

if not (ROOT / "pyproject.toml").is_file():
    pytest.skip("no source tree beside the tests to lint", allow_module_level=True)


@pytest.mark.parametrize(
    "command", [["check", "."], ["format", "--check", "."]], ids=["check", "format"]
)
def test_ruff_passes_on_the_source_tree(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
