"""A sum of money answering a question of spend that is left for a person only for how it is
written (its scale joined on, "£12k" or "£1.6m"; a table's cell with its pound sign, "2021 |
£12,500"; a column in a scale, "Spend (£000s)") says what was done with the question: the answer
is disclosed, quoting it, and the sum is listed with why, "£12k" with its value in pounds as a
scaled column's sums are. The draft no longer says such an answer says nothing."""

import pytest
from answers import LETTER
from answers import letter_meaning as _meaning
from multiforce.toolkit import drafting
from multiforce.toolkit.meaning import map_question, read_figures

SPEND = "How much did the force spend on knife wands in {year}?"


def _scaled(written: str, pounds: str, bare: str) -> str:
    scale = written.lstrip("0123456789.")
    return (
        f"a sum written in a scale ('£{written}'): £{pounds} in pounds, not £{bare}; published in "
        f"pounds with the caveat '£{scale}', is it the spend asked?"
    )


SUMS = [
    ("12k", "12,000", "12"),
    ("250K", "250,000", "250"),
    ("1.6m", "1,600,000", "1.6"),
    ("2bn", "2,000,000,000", "2"),
]


@pytest.mark.parametrize(("written", "pounds", "bare"), SUMS)
@pytest.mark.parametrize("year", ["2023", "2021"])
@pytest.mark.parametrize(
    "sentence",
    ["In {year} the force spent £{sum} on knife wands.", "The knife wands cost £{sum} in {year}."],
)
def test_a_sum_with_its_scale_joined_on_is_named_in_pounds(written, pounds, bare, year, sentence):
    answer = sentence.format(year=year, sum=written)
    meaning = _meaning(SPEND.format(year=year), answer)
    assert meaning.figures == ()
    assert [(u.text, u.quote, u.reason) for u in meaning.unsure_figures] == [
        (written, answer, _scaled(written, pounds, bare))
    ]
    assert [(o.status, o.quote) for o in meaning.outcomes] == [("disclosed", answer)]


@pytest.mark.parametrize(
    "answer",
    [
        # several sums, or a sum for a question not of spend: nothing said of the spend asked
        "In 2023 the force spent £12k on knife wands and £3k on training.",
    ],
)
def test_several_scaled_sums_say_nothing_of_the_outcome(answer):
    meaning = _meaning(SPEND.format(year="2023"), answer)
    assert meaning.outcomes == ()
    assert {u.reason for u in meaning.unsure_figures} == {
        "one of several sums of money in a sentence"
    }


def test_a_scaled_sum_for_a_question_not_of_spend_says_nothing_of_the_outcome():
    question = "How many knife wands did the force buy in 2023?"
    meaning = _meaning(question, "The force bought knife wands costing £12k.")
    assert meaning.outcomes == ()
    assert [u.reason for u in meaning.unsure_figures] == [
        "a sum of money, which the question does not ask of"
    ]


def test_a_sum_in_words_keeps_its_reason():
    question = SPEND.format(year="2023")
    reading = read_figures(
        "In 2023 the force spent £1.2 million on knife wands.",
        map_question(question).topics,
        "1",
        question,
    )
    assert [u.text for u in reading.unsure] == ["1.2"]


@pytest.mark.parametrize(
    ("cells", "reasons"),
    [
        (["£12,500", "£9,000"], ["a table's sums are not read", "a table's sums are not read"]),
        (["£12,500", "£1.6m"], ["a table's sums are not read", "£1,600,000 in pounds"]),
    ],
)
@pytest.mark.parametrize("first", [2021, 2019])
def test_an_answer_of_money_cells_is_disclosed(cells, reasons, first):
    question = (
        f"How much did the force spend on knife wands in each year from {first} to {first + 1}?"
    )
    rows = [f"{first + n} | {cell}" for n, cell in enumerate(cells)]
    meaning = _meaning(question, "Spend by year:\nYear | Spend\n" + "\n".join(rows))
    assert [o.status for o in meaning.outcomes] == ["disclosed"]
    assert [u.quote for u in meaning.unsure_figures] == rows
    assert all(r in u.reason for r, u in zip(reasons, meaning.unsure_figures, strict=True))


def test_an_answer_of_a_column_in_a_scale_is_disclosed():
    question = "How much did the force spend on knife wands in each year from 2021 to 2022?"
    table = "Year | Spend (£000s)\n2021 | 12\n2022 | 16"
    meaning = _meaning(question, "Spend by year:\n" + table)
    assert [(o.status, o.quote) for o in meaning.outcomes] == [("disclosed", "2021 | 12")]


@pytest.mark.parametrize(("written", "pounds", "bare"), SUMS[:3])
def test_the_draft_lists_a_scaled_sum_with_its_reason_and_an_outcome(
    tmp_path, written, pounds, bare
):
    answer = f"In 2024 the force spent £{written} on knife wands."
    path = tmp_path / "letter.txt"
    path.write_text(LETTER.format(question=SPEND.format(year="2024"), answer=answer))
    draft = drafting.draft_yaml(drafting.read(path))
    assert "does not say what was done" not in draft
    assert "no shape of a figure" not in draft
    assert f"{written} ({_scaled(written, pounds, bare)}): 1. {answer}" in draft
    assert "status: disclosed" in draft
