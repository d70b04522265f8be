"""A sentence that a footnote's mark opens ("* Includes 14 deployments at ..."), or that says
what another figure includes or leaves out, gives no figure of its own: its numbers are listed
for a person, never read as the figure for the whole period the question asks."""

import pytest
from multiforce.toolkit.meaning import Topic, read_figures

USES = Topic("knife_arch", "uses", period_start="2021-01-01", period_end="2023-12-31")
QUESTION = "1. How many times were knife arches deployed in each year from 2021 to 2023?"
FOOTNOTE = (
    "a footnote ('{mark}'): what it says of the figure its mark stands beside, not a figure of "
    "its own; does it change that figure?"
)
HOLDS = (
    "says what another figure holds ('{verb}'): a part of it, not a figure of its own; which "
    "figure, and is the part asked?"
)


def _read(answer):
    return read_figures(answer, [USES], "1", QUESTION)


@pytest.mark.parametrize("mark", ["*", "†", "¹", "**"])
@pytest.mark.parametrize("count", ["14", "6"])
@pytest.mark.parametrize("year", ["2021", "2022"])
def test_a_footnote_opened_by_its_mark_is_no_figure(mark, count, year):
    footnote = f"{mark} Includes {count} deployments at a fair."
    reading = _read(f"Year | Deployments\n{year} | 120{mark}\n{footnote}")
    assert all(f.value != int(count) for f in reading.figures)
    assert (count, footnote, FOOTNOTE.format(mark=mark)) in [
        (u.text, u.quote, u.reason) for u in reading.unsure
    ]


@pytest.mark.parametrize(
    "opening,verb",
    [
        ("Includes", "Includes"),
        ("This figure includes", "includes"),
        ("The 2021 total excludes", "excludes"),
        ("These figures include", "include"),
    ],
)
@pytest.mark.parametrize("count", ["14", "9"])
def test_a_sentence_saying_what_another_figure_holds_is_no_figure(opening, verb, count):
    reading = _read(f"{opening} {count} deployments at events for another force.")
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [(count, HOLDS.format(verb=verb))]


def test_a_bullet_star_where_no_figure_has_a_mark_is_read():
    reading = _read("* In 2022 knife arches were deployed 95 times.")
    assert [(f.value, f.period_label) for f in reading.figures] == [(95, "2022")]


def test_the_table_beside_the_footnote_is_read_as_before():
    answer = "Year | Deployments\n2021 | 120*\n2022 | 95\n* Includes 14 deployments at a fair."
    reading = _read(answer)
    assert [(f.value, f.period_label) for f in reading.figures] == [(95, "2022")]


@pytest.mark.parametrize("amount", ["£2,000", "£350"])
def test_a_footnote_sum_is_no_spend(amount):
    spend = Topic("knife_arch", "spend", period_start="2023-01-01", period_end="2023-12-31")
    answer = f"Year | Spend\n2023 | 9,000*\n* Includes {amount} of training."
    reading = read_figures(answer, [spend], "1", "1. What was spent on knife arches in 2023?")
    assert reading.figures == ()
    assert (amount.lstrip("£"), FOOTNOTE.format(mark="*")) in [
        (u.text, u.reason) for u in reading.unsure
    ]
