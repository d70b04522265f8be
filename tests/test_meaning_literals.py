"""The words a pattern needs only ever skip a search that would find nothing."""

import random
import re

import pytest
from conftest import ROOT
from layout_reading import fixtures
from multiforce.toolkit.layouts.literals import lowered, may_match, required_words
from multiforce.toolkit.layouts.profiles import profiles
from multiforce.toolkit.meaning import figures, outcomes, questions
from multiforce.toolkit.readers import read_document

from benchmarks.drafting import vary


def test_the_words_every_match_needs():
    assert required_words(re.compile(r"\b(?:is|are) not held\b", re.I)) == (" not held",)
    assert required_words(re.compile(r"(?:\bkiosks?\b)|(?:\bdata extraction)", re.I)) == (
        "kiosk",
        "data extraction",
    )
    assert not may_match((" not held",), lowered("All of it IS HELD here."))
    assert may_match((" not held",), lowered("It is NOT HELD."))
    # nothing every match must hold: always searched
    assert required_words(re.compile(r"\b(?:ab)?c\d+", re.I)) is None
    assert required_words(re.compile(r"(?:kiosk)|(?:\d+)", re.I)) is None


def test_a_text_with_a_letter_the_ignorecase_match_folds_is_always_searched():
    pattern = re.compile(r"\bstatus\b", re.I)
    text = "The ſtatus of the request"  # a long s: re.I matches it as 's'
    assert pattern.search(text)
    assert lowered(text) is None and may_match(required_words(pattern), lowered(text))


def _searched_patterns():
    """The vocabularies' patterns, the layouts' markers and requirements, and the patterns
    that explain a number as no figure."""
    found = [e.words for entries in questions._vocabulary().values() for e in entries]
    found += outcomes._vocabulary()[0].values()
    found += [m for profile in profiles() for m in (*profile.markers, *profile.requires_each)]
    return found + list(figures._explaining())


def _passages():
    texts = [read_document(path).text for path in fixtures()]
    texts.append((ROOT / "forces/metropolitan/documents/01.FOI.22.022895.txt").read_text())
    rng = random.Random(5)
    texts += [vary(text, rng) for text in texts]
    lines = [line for text in texts for line in text.split("\n") if line.strip()]
    return ["\n" + text for text in texts] + lines


@pytest.mark.parametrize("pattern", _searched_patterns(), ids=lambda p: p.pattern[:40])
def test_a_skipped_search_would_have_found_nothing(pattern):
    words = required_words(pattern)
    for passage in _passages():
        if not may_match(words, lowered(passage)):
            assert pattern.search(passage) is None, passage
