"""A money scale a table's heading, a row's label or a note of the answer names ("Spend
(£000s)", "(£k)", "£m", "All figures are in £000s") makes each sum beneath it that many pounds:
a figure's value must stand in its quote, which shows the sum as written, so each is left for a
person with its value in pounds; a scale the reading is not sure a sum is in leaves the sum for
a person with both values. A bare number under a scaled heading is never published as pounds."""

import pytest
from multiforce.toolkit.meaning import Topic, read_figures

SPEND = Topic("digital_forensics", "spend")
SEARCHES = Topic("knife_wand", "uses")


def in_pounds(amount: str, scale: str, times: int) -> str:
    value = float(amount.replace(",", "")) * times
    pounds = f"{value:,.0f}" if value.is_integer() else f"{value:,}"
    return (
        f"a sum written in a scale ('{scale}'): £{pounds} in pounds, not £{amount}; a figure "
        "whose quote does not show its value cannot be published yet"
    )


@pytest.mark.parametrize(
    "scale,shown,times",
    [
        ("(£000s)", "£000s", 1000),
        ("(£000)", "£000", 1000),
        ("(£'000)", "£'000", 1000),
        ("(£k)", "£k", 1000),
        ("£k", "£k", 1000),
        ("(£ thousands)", "£ thousands", 1000),
        ("(000s)", "(000s)", 1000),
        ("(£m)", "£m", 1_000_000),
        ("(£ millions)", "£ millions", 1_000_000),
    ],
)
@pytest.mark.parametrize("year,amount", [("2022", "1,250"), ("2019", "36")])
def test_a_sum_under_a_scaled_heading_is_told_in_pounds(scale, shown, times, year, amount):
    answer = f"Year | Spend {scale}\n{year} | {amount}"
    reading = read_figures(answer, [SPEND], "1")
    assert reading.figures == ()
    assert [(u.text, u.quote, u.reason) for u in reading.unsure] == [
        (amount, f"{year} | {amount}", in_pounds(amount, shown, times))
    ]


@pytest.mark.parametrize("scale,times", [("£000s", 1000), ("£k", 1000), ("£m", 1_000_000)])
def test_a_row_label_across_names_its_sums_scale(scale, times):
    answer = f"Measure | 2021 | 2022\nSpend ({scale}) | 845 | 910.5"
    reading = read_figures(answer, [SPEND], "1")
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [
        (amount, in_pounds(amount, scale, times)) for amount in ("845", "910.5")
    ]


@pytest.mark.parametrize(
    "note,scale,times",
    [
        ("All figures are in £000s and exclude VAT.", "£000s", 1000),
        ("All figures are shown in £k.", "£k", 1000),
        ("Costs are given in £m.", "£m", 1_000_000),
        ("Note: all spend figures are in £000s.", "£000s", 1000),
    ],
)
def test_a_note_that_every_sum_is_in_a_scale_tells_them_in_pounds(note, scale, times):
    answer = f"Financial year | Spend\n2021/22 | 845\n2022/23 | 910\n{note}"
    reading = read_figures(answer, [SPEND], "1")
    assert reading.figures == ()
    assert [(u.text, u.quote, u.reason) for u in reading.unsure] == [
        ("845", "2021/22 | 845", in_pounds("845", scale, times)),
        ("910", "2022/23 | 910", in_pounds("910", scale, times)),
    ]


@pytest.mark.parametrize(
    "note,scale",
    [
        ("All figures are in £000s except 2022/23.", "£000s"),
        ("The 2022/23 figure is in £k.", "£k"),
        ("Licence costs (£000s) are not included.", "£000s"),
    ],
)
def test_a_scale_not_sure_of_every_sum_leaves_them_for_a_person(note, scale):
    answer = f"Financial year | Spend\n2021/22 | 845\n2022/23 | 910\n{note}"
    reading = read_figures(answer, [SPEND], "1")
    assert reading.figures == ()
    times = 1_000_000 if scale.endswith("m") else 1000
    assert [(u.text, u.reason) for u in reading.unsure] == [
        (
            amount,
            f"a sum in an answer that names a scale ('{scale}') not of its own heading: is it "
            f"£{amount} or £{int(amount) * times:,}?",
        )
        for amount in ("845", "910")
    ]


def test_another_columns_scale_is_not_this_columns():
    answer = "Year | Spend | Savings (£k)\n2022 | 1,250 | 40"
    reading = read_figures(answer, [SPEND], "1")
    assert all(f.value != 1250 for f in reading.figures)
    assert ("1,250", "2022 | 1,250 | 40") in [(u.text, u.quote) for u in reading.unsure]


@pytest.mark.parametrize("count", ["12", "7"])
def test_a_count_under_a_heading_in_thousands_is_for_a_person(count):
    reading = read_figures(f"Year | Searches (000s)\n2022 | {count}", [SEARCHES], "1")
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [
        (
            count,
            f"a count under a heading in a scale ('(000s)'): is it {int(count) * 1000:,}, "
            "and of what is asked?",
        )
    ]


def test_an_unscaled_sum_stays_in_pounds():
    reading = read_figures("Year | Spend\n2022 | 1,250", [SPEND], "1")
    assert [(f.value, f.unit) for f in reading.figures] == [(1250, "gbp")]


def test_a_count_and_its_000_reference_are_not_a_scale():
    reading = read_figures("Ref 000123\nYear | Searches\n2022 | 40", [SEARCHES], "1")
    assert [(f.value, f.period_label) for f in reading.figures] == [(40, "2022")]
