"""A period heading two columns of a table whose heads beneath name no parts ("2021/22 | 2021/22"
over "Searches | Matches", or over nothing) leaves each value beneath it for a person: the row's
label names one measure, and both cannot be it. Parts beneath ("Male | Female") still split it."""

import pytest
from answers import letter_meaning

QUESTION = "How many fingerprint scanner searches were carried out in {first} and {second}?"


def _reason(period: str, sub_head: str = "") -> str:
    named = f" ('{sub_head}')" if sub_head else ""
    return (
        f"one of the columns headed '{period}'{named}: which of them counts what the row's label"
        " names is not sure"
    )


@pytest.mark.parametrize("first,second", [("2021/22", "2022/23"), ("2019", "2020")])
@pytest.mark.parametrize("values", [("2100", "640", "2300", "700"), ("15", "4", "18", "6")])
def test_values_under_a_period_heading_two_columns_are_for_a_person(first, second, values):
    table = f"Financial year | {first} | {first} | {second} | {second}\nScanner searches | " + (
        " | ".join(values)
    )
    meaning = letter_meaning(QUESTION.format(first=first, second=second), "See below.\n" + table)
    assert meaning.figures == ()
    periods = (first, first, second, second)
    assert [(u.text, u.reason) for u in meaning.unsure_figures] == [
        (value, _reason(period)) for value, period in zip(values, periods, strict=True)
    ]


def test_a_period_heading_one_column_each_is_read():
    table = "Financial year | 2021/22 | 2022/23\nScanner searches | 2100 | 2300"
    meaning = letter_meaning(QUESTION.format(first="2021/22", second="2022/23"), table)
    assert [(f.value, f.period_label) for f in meaning.figures] == [
        (2100, "2021/22"),
        (2300, "2022/23"),
    ]


def test_parts_beneath_a_repeated_period_tell_its_columns_apart():
    question = "How many knife wand searches were carried out in 2021 and 2022, by sex?"
    table = (
        "Year | 2021 | 2021 | 2022 | 2022\nSex | Male | Female | Male | Female\n"
        "Searches | 10 | 20 | 30 | 40"
    )
    meaning = letter_meaning(question, "See below.\n" + table)
    assert not any("columns headed" in u.reason for u in meaning.unsure_figures)
    assert sorted((f.value, f.period_label, f.breakdown_value) for f in meaning.figures) == [
        (10, "2021", "Male"),
        (20, "2021", "Female"),
        (30, "2022", "Male"),
        (40, "2022", "Female"),
    ]
