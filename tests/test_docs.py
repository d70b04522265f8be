"""The project's documentation: a short README, pages that stay inside the repository, and a
performance page that is the benchmark's last results, not a copy of them."""

import json
import re

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
