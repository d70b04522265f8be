"""A money scale a table's heading, a row's label or a note of the answer names ("Spend
(£000s)", "(£k)", "£m", "All figures are in £000s") makes each sum beneath it that many pounds:
the figure is published in pounds, its quote as the force wrote it, its caveat the scale (which
the quote check and the audit read it in: tests/test_scaled_sums.py); a scale the reading is not
sure a sum is in leaves the sum for a person with both values. A bare number under a scaled
heading is never published as pounds."""

import pytest
from multiforce.toolkit.meaning import Topic, read_figures

SPEND = Topic("digital_forensics", "spend")
SEARCHES = Topic("knife_wand", "uses")


def in_pounds(amount: str, times: int) -> float:
    return float(amount.replace(",", "")) * times


def published(reading) -> list[tuple]:
    return [(f.value, f.unit, f.caveat, f.quote) for f in reading.figures]


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
def test_a_sum_under_a_scaled_heading_is_published_in_pounds(scale, shown, times, year, amount):
    answer = f"Year | Spend {scale}\n{year} | {amount}"
    reading = read_figures(answer, [SPEND], "1")
    assert published(reading) == [(in_pounds(amount, times), "gbp", shown, f"{year} | {amount}")]
    assert [f.period_label for f in reading.figures] == [year]
    assert reading.unsure == ()


@pytest.mark.parametrize("scale,times", [("£000s", 1000), ("£k", 1000), ("£m", 1_000_000)])
def test_a_row_label_across_names_its_sums_scale(scale, times):
    answer = f"Measure | 2021 | 2022\nSpend ({scale}) | 845 | 910.5"
    reading = read_figures(answer, [SPEND], "1")
    quote = f"Spend ({scale}) | 845 | 910.5"
    assert published(reading) == [
        (in_pounds(amount, times), "gbp", scale, quote) for amount in ("845", "910.5")
    ]
    assert reading.unsure == ()


@pytest.mark.parametrize(
    "note,scale,times",
    [
        ("All figures are in £000s and exclude VAT.", "£000s", 1000),
        ("All figures are shown in £k.", "£k", 1000),
        ("Costs are given in £m.", "£m", 1_000_000),
        ("Note: all spend figures are in £000s.", "£000s", 1000),
    ],
)
def test_a_note_that_every_sum_is_in_a_scale_publishes_them_in_pounds(note, scale, times):
    answer = f"Financial year | Spend\n2021/22 | 845\n2022/23 | 910\n{note}"
    reading = read_figures(answer, [SPEND], "1")
    assert published(reading) == [
        (in_pounds("845", times), "gbp", scale, "2021/22 | 845"),
        (in_pounds("910", times), "gbp", scale, "2022/23 | 910"),
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


@pytest.mark.parametrize(
    "note,qualifier,end",
    [
        ("The 2023 figure is provisional.", "provisional", "2023-12-31"),
        ("The 2023 figure runs to 30 November 2023.", "exact", "2023-11-30"),
    ],
)
def test_a_scaled_sum_keeps_its_scale_when_a_note_qualifies_or_ends_it(note, qualifier, end):
    answer = f"Year | Spend (£000s)\n2022 | 1,250\n2023 | 980\n{note}"
    reading = read_figures(answer, [SPEND], "1")
    assert [(f.value, f.qualifier, f.period_end, f.caveat) for f in reading.figures] == [
        (1_250_000, "exact", "2022-12-31", "£000s"),
        (980_000, qualifier, end, "£000s"),
    ]
