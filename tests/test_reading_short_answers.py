"""A refusal said with no subject ("Withheld under Section 31(1)(e).") is read as one, with its
section; devices "awaiting digital forensic examination" are devices awaiting examination."""

import pytest
from multiforce.toolkit.meaning import map_question, read_outcome


@pytest.mark.parametrize("section,cited", [("31(1)(e)", "s31(1)(e)"), ("43(2)", "s43(2)")])
@pytest.mark.parametrize(
    "answer",
    ["Withheld under Section {section}.", "2. Withheld in full by virtue of section {section}."],
)
def test_a_short_refusal_is_read(answer, section, cited):
    said = answer.format(section=section)
    outcome = read_outcome([said], "How much was spent on knife arches?", "kent")
    assert (outcome.status, outcome.exemptions) == ("refused", cited)


@pytest.mark.parametrize(
    "answer",
    ["Figures withheld under section 40(2) are marked.", "Not withheld under section 31."],
)
def test_withheld_inside_a_sentence_is_not_a_short_refusal(answer):
    assert read_outcome([answer], "How much was spent on knife arches?", "kent") is None


@pytest.mark.parametrize("words", ["digital forensic", "forensic"])
def test_awaiting_digital_forensic_examination_is_awaiting_examination(words):
    awaited = f"awaiting {words} examination"
    question = f"How many devices were {awaited} at 31 March 2024?"
    assert [t.measure for t in map_question(question).topics] == ["devices_awaiting_examination"]
