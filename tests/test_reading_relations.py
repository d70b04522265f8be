"""A sentence of two numbers whose grammar says how one relates to the other: a part of the
whole before it ("of which 400 were ...", "5 of which are ..."), or an earlier figure ("up from
2,100 in 2023", "previously had 15"). The related number is listed for a person with the
relation named; the other is read as the sentence would be read without the related clause.
And an item listed beside one ordered or to come ("4 knife arches and 6 knife wands on order")
counts things to come as that one does."""

import pytest
from answers import read_answer as _read

TO_COME = (
    "the sentence speaks of things ordered or still to come ('{words}'), not of things held or "
    "bought: is it the number asked, or another?"
)
PART = (
    "a part of the {whole} before it ('{words}'), not its total: is it a part the question "
    "asks, and which?"
)
EARLIER = (
    "an earlier figure than the {other} beside it ('{words}'): of another period or date than "
    "the sentence's; is it a figure asked, and of which period?"
)


@pytest.mark.parametrize("whole,part", [("1,500", "400"), ("2,250", "610")])
@pytest.mark.parametrize("year", ["2024", "2021"])
@pytest.mark.parametrize("words", ["of which", "of these"])
def test_a_part_of_the_whole_before_it_is_for_a_person_and_the_whole_is_read(
    whole, part, year, words
):
    answer = (
        f"In {year}, {whole} phones were examined with the kiosks, {words} {part} were from "
        "victims' phones."
    )
    figures, unsure = _read(f"How many phones were examined with a cyber kiosk in {year}?", answer)
    assert figures == [(float(whole.replace(",", "")), year, "uses")]
    assert unsure == [(part, PART.format(whole=whole, words=words))]


@pytest.mark.parametrize("whole,part", [("20", "5"), ("31", "7")])
@pytest.mark.parametrize("words", ["of which", "of them"])
def test_a_part_after_its_number_is_for_a_person(whole, part, words):
    answer = f"In 2024 the force bought {whole} knife wands, {part} {words} are unserviceable."
    figures, unsure = _read("How many knife wands were bought in 2024?", answer)
    assert figures == [(float(whole), "2024", "devices_deployed")]
    assert unsure == [(part, PART.format(whole=whole, words=words))]


@pytest.mark.parametrize("now,then", [("3,400", "2,100"), ("950", "1,020")])
@pytest.mark.parametrize("words", ["up from", "down from", "increased from"])
@pytest.mark.parametrize("year", ["2024", "2022"])
def test_an_earlier_figure_is_for_a_person_and_the_sentence_s_own_is_read(now, then, words, year):
    answer = f"In {year} there were {now} searches, {words} {then} in {int(year) - 1}."
    figures, unsure = _read(f"How many knife wand searches were carried out in {year}?", answer)
    assert figures == [(float(now.replace(",", "")), year, "uses")]
    assert unsure == [(then, EARLIER.format(other=now, words=words))]


@pytest.mark.parametrize("earlier,now", [("15", "9"), ("40", "38")])
def test_what_was_held_before_is_an_earlier_figure(earlier, now):
    answer = f"We previously had {earlier} knife wands but now have {now} knife wands."
    _, unsure = _read("How many knife wands does the force have?", answer)
    assert unsure[0] == (earlier, EARLIER.format(other=now, words="previously had"))
    assert [text for text, _ in unsure[1:]] in ([], [now])


def test_two_numbers_of_two_periods_are_still_each_its_period_s():
    figures, unsure = _read(
        "How many knife wand searches were carried out in 2024?",
        "There were 3,400 searches in 2024 and 2,100 in 2023.",
    )
    assert figures == [(3400, "2024", "uses"), (2100, "2023", "uses")]
    assert unsure == []


@pytest.mark.parametrize("arches,wands", [("4", "6"), ("2", "11")])
@pytest.mark.parametrize(
    "answer,words",
    [
        ("The force has {arches} knife arches and {wands} knife wands on order.", "on order"),
        ("The force has ordered {arches} knife arches and {wands} knife wands.", "ordered"),
        (
            "We have {arches} knife arches and {wands} knife wands awaiting delivery.",
            "awaiting delivery",
        ),
    ],
)
def test_every_item_of_a_list_ordered_is_to_come(answer, words, arches, wands):
    _, unsure = _read(
        "How many knife arches and knife wands does the force have?",
        answer.format(arches=arches, wands=wands),
    )
    reason = TO_COME.format(words=words)
    assert unsure == [(arches, reason), (wands, reason)]


def test_an_item_with_a_verb_of_its_own_is_no_item_of_the_list_to_come():
    _, unsure = _read(
        "How many knife arches and knife wands does the force have?",
        "We have 42 knife wands, and 10 knife arches are on order.",
    )
    assert unsure == [
        ("42", "one of several numbers in a sentence"),
        ("10", TO_COME.format(words="on order")),
    ]
