import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from multiforce.toolkit import summaries
from multiforce.toolkit.cli import main

from campaigns import CAMPAIGN

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
MET_TEXT = ROOT / "forces" / "metropolitan" / "documents" / "01.FOI.22.022895.txt"
MET_HTML = FIXTURES / "metropolitan" / "01.FOI.22.022895.html"


@pytest.fixture
def met_text(tmp_path) -> Path:
    """A private copy of the Met's response, to edit freely."""
    copy = tmp_path / MET_TEXT.name
    shutil.copy(MET_TEXT, copy)
    return copy


@pytest.fixture
def edit(tmp_path):
    """Write the Met's response with replacements: edit(("old", "new"), ...) -> path."""

    def edited(*replacements, name="edited.txt", source=MET_TEXT):
        text = source.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"test setup: {old!r} is not in {source.name}"
            text = text.replace(old, new)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return edited


@pytest.fixture
def cli():
    runner = CliRunner()

    def run(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return run


@pytest.fixture
def db(tmp_path, cli) -> Path:
    """A new database holding the test campaign (tests/campaigns.py's CAMPAIGN), as `campaign
    new` writes it."""
    path = tmp_path / "campaign.db"
    result = cli("campaign", "new", CAMPAIGN, "--db", path)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def summary_tables():
    """Summaries written as tables whatever the database's size, as at a million figures: the
    test databases are small enough for views, which leave a summary nothing to differ in."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(summaries, "SUMMARY_TABLES_FROM", 0)
        yield


@pytest.fixture
def built_db(tmp_path, cli) -> Path:
    db = tmp_path / "campaign.db"
    result = cli("build", "--db", db)
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def write_yaml(tmp_path):
    """Write a YAML file for a test: write_yaml("name.yaml", text) -> path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
