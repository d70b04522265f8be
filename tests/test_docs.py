"""The project's documentation: a short README, pages that stay inside the repository, and a
performance page that is the benchmark's last results, not a copy of them."""

import json
import re
import sqlite3

import pytest
from conftest import ROOT

if not (ROOT / "README.md").is_file():
    pytest.skip("no source tree beside the tests", allow_module_level=True)

README_LIMIT = 10 * 1024
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_the_readme_stays_short():
    assert len((ROOT / "README.md").read_bytes()) <= README_LIMIT


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_no_page_links_outside_the_repository(page):
    """A user who clones the project has no ../shared: every page the docs need is in docs/."""
    text = page.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)", text) + re.findall(r"\.\./shared\S*", text)
    assert [t for t in targets if "../shared" in t or t.startswith("/")] == []


def test_the_performance_page_is_generated_from_the_benchmark_results():
    from benchmarks import report

    expected = report.page(json.loads(report.RESULTS.read_text(encoding="utf-8")))
    assert (ROOT / "docs" / "performance.md").read_text(encoding="utf-8") == expected, (
        "docs/performance.md differs from benchmarks/results.json: run python benchmarks/report.py"
    )


def test_the_schema_page_describes_every_view(built_db):
    """docs/schema.md's table of views keeps up with the views a database has; a summary
    stands for its view."""
    page = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    described = set(re.findall(r"^\| `(\w+)` \|", page, re.M))
    with sqlite3.connect(built_db) as conn:
        views = {
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")
        }
    assert sorted(views - described - {f"{view}_summary" for view in described}) == []


def test_the_schema_page_names_every_column_and_vocabulary_value():
    """docs/schema.md is written by hand: it must keep up with the models and vocabularies."""
    from multiforce.schemas import vocabulary as v
    from multiforce.schemas.models import MODELS, columns

    page = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([^`]+)`", page))
    expected = {f"{table}.{column}" for table in MODELS for column in columns(table)}
    missing = {name for name in expected if name.split(".")[1] not in named}
    values = [*v.TECHNOLOGIES, *v.MEASURES, *v.BREAKDOWNS, *v.UNITS, *v.QUALIFIERS]
    values += [*v.STATUSES, *v.SOURCE_KINDS, *v.COUNTRIES, *v.FORCE_KINDS]
    values += [value for closed in v.BREAKDOWNS.values() if closed for value in closed]
    missing |= {value for value in values if value not in named}
    assert sorted(missing) == []
