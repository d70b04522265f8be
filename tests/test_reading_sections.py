"""Every section of a list the answer cites is kept, each with the paragraphs listed after it:
'Sections 24(1) and 31(1)(a) and (b)' cites s31(1)(b) as well as s31(1)(a)."""

import pytest
from multiforce.toolkit.meaning import sections_cited


@pytest.mark.parametrize("first", ["24(1)", "23(1)", "40(2)"])
@pytest.mark.parametrize("section", ["31(1)", "43(2)", "30(1)"])
@pytest.mark.parametrize(
    "letters,joined",
    [
        (("a", "b"), "({}) and ({})"),
        (("g", "h"), "({}) & ({})"),
        (("a", "b", "c"), "({}), ({}) and ({})"),
        (("d", "e"), "({}) or ({})"),
    ],
)
def test_each_paragraph_of_a_listed_section_is_cited(first, section, letters, joined):
    cited = f"{section}{joined.format(*letters)}"
    text = f"The information is exempt under Sections {first} and {cited}."
    expected = [f"s{first}"] + [f"s{section}({letter})" for letter in letters]
    assert sections_cited(text) == expected


def test_a_list_of_whole_sections_is_read_as_before():
    assert sections_cited("Sections 23 and 24 apply.") == ["s23", "s24"]
    assert sections_cited("Section 31(1)(a) and Section 24(1) apply.") == ["s31(1)(a)", "s24(1)"]
