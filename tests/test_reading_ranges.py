"""A range where one figure would stand ("10-15", "10 to 15") is no figure: both its ends are
listed for a person with 'a range, 10 to 15', never its first number read as the period's figure
nor both left as 'no shape of a figure' beside their year."""

from pathlib import Path

import pytest
from multiforce.toolkit import drafting
from multiforce.toolkit.meaning import Topic, read_figures

SEARCHES = Topic("knife_wand", "uses")
RANGE = "a range, {low} to {high}: no single figure; is a figure asked, and which?"


@pytest.mark.parametrize("low,high", [("10", "15"), ("120", "150")])
@pytest.mark.parametrize("year", ["2023", "2021"])
@pytest.mark.parametrize(
    "answer",
    [
        "Year | Searches\n{year} | {low}-{high}",
        "Year | Searches\n{year} | {low} - {high}",
        "Year | Searches\n{year} | {low} to {high}",
        "{year} = {low}-{high}",
        "{year}: {low} to {high}",
        "In {year} there were {low}-{high} searches.",
        "In {year} there were {low} to {high} searches.",
    ],
)
def test_a_range_is_for_a_person_with_both_its_ends(answer, year, low, high):
    reading = read_figures(answer.format(year=year, low=low, high=high), [SEARCHES], "1")
    assert reading.figures == ()
    reason = RANGE.format(low=low, high=high)
    assert [(u.text, u.reason) for u in reading.unsure] == [(low, reason), (high, reason)]


def test_the_other_rows_of_a_table_with_a_range_are_read():
    reading = read_figures("Year | Searches\n2023 | 10-15\n2024 | 40", [SEARCHES], "1")
    assert [(f.value, f.period_label) for f in reading.figures] == [(40, "2024")]
    assert [u.text for u in reading.unsure] == ["10", "15"]


def test_a_span_of_years_is_still_a_period():
    reading = read_figures("Financial year | Searches\n2021-22 | 40", [SEARCHES], "1")
    assert [(f.value, f.period_label) for f in reading.figures] == [(40, "2021-22")]


LETTER = """Our ref: 0779/25
Date: 3 March 2025
Dear Requester,
You asked:
1. How many times were knife wands used in 2023 and 2024?
Response
1. The figures are below.
Year | Searches
2023 | {low}-{high}
2024 | 40
Yours sincerely
The FOI Unit
"""


@pytest.mark.parametrize("low,high", [("10", "15"), ("22", "31")])
def test_the_draft_lists_the_range_and_not_its_year(tmp_path: Path, low, high):
    path = tmp_path / "range.txt"
    path.write_text(LETTER.format(low=low, high=high), encoding="utf-8")
    comments = [
        line
        for line in drafting.draft_yaml(drafting.read(path)).splitlines()
        if line.startswith("# line")
    ]
    reason = RANGE.format(low=low, high=high)
    assert comments == [
        f"# line 9: {low} ({reason}): 2023 | {low}-{high}",
        f"# line 9: {high} ({reason}): 2023 | {low}-{high}",
    ]
