"""A day with no year in a table's heading ("Devices held at 31 March", "Year (as at 31
March)") is the day each year beneath it counts how things stand on: the holdings of "2022" are
those at 31 March 2022, not at the end of the calendar year."""

import pytest
from multiforce.toolkit.meaning import Topic, read_figures

HELD = Topic("knife_wand", "devices_in_service")
SEARCHES = Topic("knife_wand", "uses")


def _periods(answer, topic=HELD):
    reading = read_figures(answer, [topic], "1")
    return [(f.value, f.period_start, f.period_end, f.period_label) for f in reading.figures]


@pytest.mark.parametrize(
    "day,month,iso",
    [("31", "March", "03-31"), ("30", "September", "09-30"), ("1", "April", "04-01")],
)
@pytest.mark.parametrize("years", [("2022", "2023"), ("2019", "2020")])
def test_a_headings_day_dates_each_years_holding(day, month, iso, years):
    first, second = years
    answer = f"Year (as at {day} {month}) | Knife wands\n{first} | 40\n{second} | 44"
    assert _periods(answer) == [
        (40, f"{first}-{iso}", f"{first}-{iso}", f"{day} {month} {first}"),
        (44, f"{second}-{iso}", f"{second}-{iso}", f"{day} {month} {second}"),
    ]


@pytest.mark.parametrize("day,month,iso", [("31", "March", "03-31"), ("5", "April", "04-05")])
def test_a_day_over_years_across_dates_them(day, month, iso):
    answer = f"Technology | Devices held at {day} {month}\n2022 | 2023\nKnife wands | 40 | 44"
    assert [p[1:3] for p in _periods(answer)] == [
        (f"2022-{iso}", f"2022-{iso}"),
        (f"2023-{iso}", f"2023-{iso}"),
    ]


def test_a_count_over_a_period_keeps_its_year():
    answer = "Year (as at 31 March) | Searches\n2022 | 400"
    assert _periods(answer, SEARCHES) == [(400, "2022-01-01", "2022-12-31", "2022")]


def test_a_heading_with_no_day_keeps_the_year():
    assert _periods("Year | Knife wands\n2022 | 40") == [(40, "2022-01-01", "2022-12-31", "2022")]


def test_two_days_in_the_headings_keep_the_years():
    answer = "Year (at 31 March) | Knife wands (at 30 June)\n2022 | 40"
    assert _periods(answer) == [(40, "2022-01-01", "2022-12-31", "2022")]
