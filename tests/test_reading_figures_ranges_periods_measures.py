"""A range in words ("between 10 and 15") is left for a person as a range, as "10-15" is; "the
figure" of a period other than the one asked is left for a person, saying so; an answer giving
one of the topics its question asks, every number read and nothing said of the others, is a
disclosure of that topic alone, the question left for a person (answered in part, or in full?)."""

import pytest
from answers import letter_meaning as _meaning
from answers import read_answer

SEARCHES = "How many knife wand searches were carried out in {year}?"


# -- a range in words


@pytest.mark.parametrize(("low", "high"), [("10", "15"), ("1,000", "1,500"), ("3", "40")])
@pytest.mark.parametrize(
    "sentence",
    [
        "In {year} there were between {low} and {high} searches.",
        "Between {low} and {high} searches were carried out in {year}.",
        "The force carried out between {low} and {high} searches in {year}.",
    ],
)
@pytest.mark.parametrize("year", ["2023", "2021"])
def test_a_range_in_words_is_a_range(low, high, sentence, year):
    answer = sentence.format(low=low, high=high, year=year)
    figures, unsure = read_answer(SEARCHES.format(year=year), answer)
    reason = f"a range, {low} to {high}: no single figure; is a figure asked, and which?"
    assert figures == []
    assert unsure == [(low, reason), (high, reason)]


def test_a_span_of_years_between_two_years_is_still_a_period():
    question = "How many knife wand searches were carried out between 2021 and 2023?"
    figures, unsure = read_answer(question, "There were 40 searches between 2021 and 2023.")
    assert [value for value, _, _ in figures] == [40]
    assert unsure == []


# -- "the figure" of another period


@pytest.mark.parametrize(("asked", "said"), [("2023", "2024"), ("2022", "2019"), ("2024", "2023")])
@pytest.mark.parametrize("value", ["3,400", "17"])
def test_the_figure_of_another_year_is_left_for_a_person(asked, said, value):
    answer = f"The figure for {said} is {value}."
    figures, unsure = read_answer(SEARCHES.format(year=asked), answer)
    assert figures == []
    assert unsure == [
        (
            value,
            f"'the figure' of '{said}', where the question asks '{asked}': the period differs "
            "from the one asked; is it the figure asked?",
        )
    ]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (SEARCHES.format(year="2023"), "2023"),
        ("How many knife wand searches were carried out in each year from 2021 to 2023?", "2022"),
    ],
)
def test_the_figure_of_a_year_asked_is_still_read(question, said):
    figures, unsure = read_answer(question, f"The figure for {said} is 3,400.")
    assert figures == [(3400, said, "uses")]
    assert unsure == []


# -- a question of two topics answered with one


TWO_MEASURES = (
    "How many knife wand searches were carried out in {year}, and how many resulted in an arrest?"
)
TWO_TECHNOLOGIES = "How many knife arches and knife wands did the force buy in {year}?"


@pytest.mark.parametrize(
    ("question", "answer", "given", "missing"),
    [
        (
            TWO_MEASURES,
            "There were 1,200 searches in {year}.",
            "knife wand uses",
            "knife wand arrests",
        ),
        (TWO_MEASURES, "There were 45 arrests in {year}.", "knife wand arrests", "knife wand uses"),
        (
            TWO_TECHNOLOGIES,
            "The force bought 4 knife arches in {year}.",
            "knife arch devices deployed",
            "knife wand devices deployed",
        ),
    ],
)
@pytest.mark.parametrize("year", ["2023", "2020"])
def test_one_topic_of_two_answered_is_disclosed_alone_and_left_for_a_person(
    question, answer, given, missing, year
):
    meaning = _meaning(question.format(year=year), answer.format(year=year))
    asked = meaning.questions[0].topics
    assert len(asked) == 2
    [outcome] = meaning.outcomes
    assert outcome.status == "disclosed"
    assert len(outcome.topics) == 1
    assert meaning.unsure_outcomes == ("1",)
    assert meaning.unsure_reasons["1"] == (
        f"its figures give {given} only, and it says nothing of {missing}: answered in part "
        "(the rest not held, withheld or overlooked), or in full?"
    )


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (TWO_MEASURES, "There were 1,200 searches in 2023 and 30 arrests."),
        (TWO_TECHNOLOGIES, "The force bought 4 knife arches and 6 knife wands in 2023."),
    ],
)
def test_both_topics_answered_are_disclosed_as_before(question, answer):
    meaning = _meaning(question.format(year="2023"), answer)
    assert [(o.status, o.topics) for o in meaning.outcomes] == [("disclosed", ())]
    assert meaning.unsure_outcomes == ()


def test_a_topic_not_held_beside_the_other_given_is_a_partial_disclosure_as_before():
    answer = "There were 1,200 searches in 2023. Arrests are not recorded."
    meaning = _meaning(TWO_MEASURES.format(year="2023"), answer)
    assert {o.status for o in meaning.outcomes} == {"disclosed", "not_held"}
    assert meaning.unsure_outcomes == ()
