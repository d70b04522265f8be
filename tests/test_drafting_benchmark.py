"""The drafting benchmark's pieces, at a tiny scale. The benchmark itself is
`python -m benchmarks.drafting` and is never part of the test suite."""

import random

from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.readers import read_document

from benchmarks import drafting


def test_the_documents_are_deterministic_from_their_seed(tmp_path):
    count = 2 * len(drafting.templates())
    first = drafting.generate(tmp_path / "a", count, seed=7)
    again = drafting.generate(tmp_path / "b", count, seed=7)
    other = drafting.generate(tmp_path / "c", count, seed=8)

    def read(sources):
        return [path.read_bytes() for path, _ in sources]

    assert read(first) == read(again) != read(other)
    assert len(set(read(first))) == count


def test_each_document_is_read_in_its_templates_layout(tmp_path):
    sources = drafting.generate(tmp_path, len(drafting.templates()), seed=3)
    for (path, url), (template, _) in zip(sources, drafting.templates(), strict=True):
        assert path.read_bytes() != template.read_bytes()
        layout = read_response(read_document(path), url).layout
        assert layout == read_response(read_document(template), url).layout, path.name


def test_figures_dates_and_years_vary_but_sections_and_question_numbers_stay():
    text = (
        "Our ref: 575/21\nDate: 14th April 2022\n"
        "1. How many searches were made in 2019/20?\n"
        "1. There were 8,145 searches. Section 31(1)(a) applies to the rest."
    )
    varied = drafting.vary(text, random.Random(2))
    assert "8,145" not in varied and "575/21" not in varied
    assert "Section 31(1)(a)" in varied
    assert varied.count("\n1. ") == 2
    year = int(varied.split("made in ")[1][:4])
    assert varied.split("made in ")[1][:7] == f"{year}/{(year + 1) % 100:02d}"


def test_timing_reports_documents_a_second_and_each_stage(tmp_path):
    sources = drafting.generate(tmp_path, 5, seed=1)
    timed = drafting.time_documents(sources, rounds=1)
    assert timed["documents"] == 5 and timed["documents_per_second"] > 0
    assert timed["ms_per_document_by_stage"]
