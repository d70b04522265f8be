"""A count between 1900 and 2100 standing where its table puts counts (a column headed by a
measure, or beneath a period's heading) is a count, never taken for a year; a number written with
a thousands comma ("2,045") is no year either."""

import pytest
from multiforce.toolkit.meaning import Topic, read_figures

EXTRACTIONS = Topic("phone_extraction", "uses")


def _read(answer):
    reading = read_figures(answer, [EXTRACTIONS], "1")
    return [(f.value, f.period_label) for f in reading.figures], reading.unsure


@pytest.mark.parametrize("count", ["1912", "2045", "1999"])
@pytest.mark.parametrize("period", ["2020/21", "2023"])
def test_a_count_in_a_row_of_counts_is_read(count, period):
    answer = f"Period | Kiosk | Lab | Total\n{period} | 1502 | 410 | {count}"
    figures, _ = _read(answer)
    assert figures == [(int(count), period)]


@pytest.mark.parametrize("count", ["2022", "2045"])
def test_a_year_alone_in_its_row_is_still_for_a_person(count):
    figures, unsure = _read(f"Year | Extractions\n2021 | {count}")
    assert figures == []
    assert [(u.text, u.reason) for u in unsure] == [
        (count, "a year where a value stands: a heading or a count?")
    ]


@pytest.mark.parametrize("count", ["1912", "2045"])
@pytest.mark.parametrize("year", ["2022", "2023"])
def test_a_count_beneath_a_periods_heading_is_read(count, year):
    figures, unsure = _read(f"Measure | {year}\nExtractions | {count}")
    assert figures == [(int(count), year)]
    assert unsure == ()


@pytest.mark.parametrize("total", ["1912", "2010"])
def test_a_total_column_like_a_year_gives_the_rows_total(total):
    answer = f"Year | Kiosk | Lab | Total\n2022 | 1000 | 800 | 1800\n2023 | 1500 | 410 | {total}"
    figures, _ = _read(answer)
    assert figures == [(1800, "2022"), (int(total), "2023")]


@pytest.mark.parametrize("count", ["2,045", "1,912"])
def test_a_count_with_a_thousands_comma_in_a_sentence_is_read(count):
    figures, _ = _read(f"In 2023 the force carried out {count} extractions.")
    assert figures == [(int(count.replace(",", "")), "2023")]
