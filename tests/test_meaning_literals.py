"""The words a pattern needs only ever skip a search that would find nothing."""

import random
import re
import sys
from itertools import product
from types import SimpleNamespace

import pytest
from conftest import ROOT
from layout_reading import fixtures
from multiforce.toolkit import cleaning
from multiforce.toolkit.layouts.literals import (
    Searchable,
    leading_words,
    line_start_words,
    line_test,
    line_words,
    lower_twin,
    lowered,
    may_match,
    reads_behind,
    required_words,
    start_words,
    words_of,
)
from multiforce.toolkit.layouts.profiles import profiles
from multiforce.toolkit.meaning import outcomes, questions, recording
from multiforce.toolkit.readers import read_document

from benchmarks.drafting import vary


def test_what_is_remembered_of_a_pattern_is_never_another_patterns():
    # More patterns than re's own cache keeps: freed ones would leave their ids to new ones,
    # were the remembered words not holding their patterns.
    for i in range(1500):
        pattern = re.compile(f"(?:first{i}|second{i}) word", re.I)
        assert words_of(pattern) == (f"first{i}", f"second{i}"), i
        text = Searchable(f"a second{i} word")
        assert text.search(pattern)[0] == f"second{i} word"
        assert text.search(re.compile(f"first{i} word")) is None


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
    # a word too short to stand alone stands for its branch among the others' longer words
    approximate = re.compile(r"\baround\b|\bc\.\s?\d", re.I)
    assert required_words(approximate) == ("around", "c.")
    assert may_match(("around", "c."), lowered("C.5 searches")) and approximate.search("C.5")
    assert required_words(re.compile(r"\bc\.\s?\d", re.I)) is None
    # a run of characters joined to the words an alternation after it starts with
    dated = re.compile(r"\n(?:January|February|May) \d{1,2}, \d{4}", re.I)
    assert required_words(dated) == ("\njanuary", "\nfebruary", "\nmay")
    # ...not where one branch starts with no character of its own
    assert required_words(re.compile(r"Ref(?:erence|\d)")) == ("ref",)


def test_a_text_with_a_letter_the_ignorecase_match_folds_is_always_searched():
    pattern = re.compile(r"\bstatus\b", re.I)
    text = "The ſtatus of the request"  # a long s: re.I matches it as 's'
    assert pattern.search(text)
    assert lowered(text) is None and may_match(required_words(pattern), lowered(text))


def test_a_text_is_lowered_as_str_lower_lowers_it():
    # the quick lowering holds for the block of curly quotes, dashes and bullets: none has a case
    assert all(chr(c).lower() == chr(c) for c in range(0x2000, 0x2080))
    caseless = "aZ q9 ’‘“”–—•\u2071\u207f"
    shuffle = random.Random(12)
    for alphabet, size in product(
        (caseless, caseless + "éÉİıſΣẞ𝐀\udc80\u1e9e\u2080"), (3, 40, 2500)
    ):
        for _ in range(100):
            text = "".join(shuffle.choice(alphabet) for _ in range(size))
            unsafe = any(character in text for character in "İıſ")
            assert lowered(text) == (None if unsafe else text.lower()), text
    assert lowered("Level 1 ‘SELF-SERVICE’ – A") == "level 1 ‘self-service’ – a"
    assert lowered("CAFÉ – NOT HELD") == "café – not held"


@pytest.mark.parametrize(
    "text", ["Freedom of INFORMATION Act, Σ 2000.\n" * 150, "The ſtatus İs " * 300, "short"]
)
def test_a_part_or_a_prefixed_text_is_lowered_as_if_lowered_alone(text):
    whole = Searchable(text)
    for start, end in ((0, len(text)), (5, 40), (len(text) - 7, len(text))):
        assert whole.part(start, end).text == text[start:end]
        lower = whole.part(start, end).lower  # casefold: a final sigma may lower either way
        assert lower is None or lower.casefold() == text[start:end].lower().casefold()
    prefixed = Searchable.after("\n", text)
    assert prefixed.text == "\n" + text and prefixed.lower == lowered("\n" + text)


def _searched_patterns():
    """The vocabularies' patterns, the layouts' markers and requirements, and the patterns
    that explain a number as no figure."""
    found = [e.words for entries in questions._vocabulary().values() for e in entries]
    found += outcomes._vocabulary()[0].values()
    found += [m for profile in profiles() for m in (*profile.markers, *profile.requires_each)]
    found += [pattern for _, pattern in cleaning.QUALIFIER_WORDS]
    return found + list(recording._explaining())


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


@pytest.mark.parametrize("pattern", _searched_patterns(), ids=lambda p: p.pattern[:40])
def test_a_text_holds_the_words_that_start_its_lines_as_a_search_finds_them(pattern):
    words = required_words(pattern)
    for passage in [*_passages(), "\nfirst line", "no line break", "\n", ""]:
        assert Searchable(passage).may_hold(words) == may_match(words, lowered(passage)), passage


def _rule_patterns():
    """Every pattern an adapter's rules or the audit search a text with."""
    from multiforce.toolkit.audit import COMMON
    from multiforce.toolkit.discovery import adapters
    from multiforce.toolkit.rules import RuleSet, compiled

    found = [compiled(rule.pattern) for _, rule in COMMON]
    for adapter in adapters().values():
        sets = adapter.rule_sets or (RuleSet(figures=adapter.figures, outcomes=adapter.outcomes),)
        for rules in sets:
            for rule in (*rules.figures, *rules.outcomes, *rules.ignored, *adapter.ignored):
                for name in ("pattern", "evidence", "reason", "caveat"):
                    if getattr(rule, name, None):
                        found.append(compiled(getattr(rule, name)))
                within = getattr(rule, "within", None)
                if within:
                    after = within.after if isinstance(within.after, tuple) else (within.after,)
                    found += [compiled(p) for p in (*after, within.before) if p]
    return list(dict.fromkeys(found))


def test_only_patterns_that_stay_within_a_line_are_searched_line_by_line():
    within = (r"^Q\d - [^.\n]*\bscanners\b", r"\bnot held\b[^\n]*", r"(?m)held$", r"held(?=\d)")
    crossing = (
        *(r"held\s+b", r"held[^x]b", r"held$", r"held\Z", r"(?s)held.b", r"(held)\1"),
        *(r"held(?=\n)", r"held\Db", r"held\W"),
    )
    assert all(line_words(re.compile(p, re.M)) == ("held",) for p in within[2:])
    assert all(line_words(re.compile(p, re.M)) for p in within)
    assert not any(line_words(re.compile(p)) for p in crossing)


def test_a_pattern_that_runs_over_lines_is_searched_from_where_it_can_start():
    assert start_words(re.compile(r"(?<=- )[^.\n]*\bcannot reflect\b[^.]*\.")) == (
        "cannot reflect",
    )
    for anywhere in (r"\s+held", r"(?s)held.", r"[^x]*held"):  # may start on any line
        assert start_words(re.compile(anywhere)) is None, anywhere
    pattern = re.compile(r"\bheld\b[^.]*\.", re.I)
    text = "Held by\nsomeone. Not\nheld here. And HELD\nthere.\nnothing held\n"
    found = [m.span() for m in pattern.finditer(text)]
    assert len(found) == 3
    assert [m.span() for m in Searchable(text).finditer(pattern)] == found
    assert [m.span() for m in Searchable(text).finditer(pattern, 1, 30)] == [
        m.span() for m in pattern.finditer(text, 1, 30)
    ]


def test_a_case_insensitive_pattern_in_lower_case_has_a_twin_that_matches_case():
    twin = lower_twin(re.compile(r"\b(?:sections?|s\.?)\s*\d+[a-z]?", re.I))
    assert twin.pattern == r"(?:sections?|s\.?)\s*\d+[a-z]?" and not twin.flags & re.I
    for without in (
        *(r"\bSection \d", r"[A-Z]\d", r"σ\d", r"(?-i:ab)c"),  # a capital, not ASCII, case kept
        *(r"a*", r"(a)\1"),  # a match may be empty; a back-reference
    ):
        assert lower_twin(re.compile(without, re.I)) is None, without
    assert lower_twin(re.compile(r"section \d")) is None  # it matches case already


@pytest.mark.parametrize(
    "pattern",
    [
        *outcomes._vocabulary()[2:4],  # the sections of the Act a letter cites
        *(re.compile(p, re.I) for p in (r"\b(?:no|nr)\.?\s*\d", r"\b[a-z]\.\s*\d", r"[a-z]\s\d")),
    ],
    ids=lambda p: p.pattern[:40],
)
def test_a_search_from_the_twin_finds_what_a_whole_search_finds(pattern):
    cited = "SECTION 40(2) and S.31 (1)(a), sections 23 and\n24, NO.\n7, nr 12"
    _finds_what_a_whole_search_finds(pattern, [*_passages()[:60], cited])


def _finds_what_a_whole_search_finds(pattern: re.Pattern, passages: list[str]) -> None:
    rng = random.Random(pattern.pattern)
    for passage in passages:
        text = Searchable(passage)
        assert [m.span() for m in text.finditer(pattern)] == [
            m.span() for m in pattern.finditer(passage)
        ]
        low = rng.randrange(len(passage) + 1)
        high = rng.randrange(low, len(passage) + 1)
        assert [m.span() for m in text.finditer(pattern, low, high)] == [
            m.span() for m in pattern.finditer(passage, low, high)
        ]


@pytest.mark.parametrize("pattern", _rule_patterns(), ids=lambda p: p.pattern[:40])
def test_a_search_line_by_line_finds_what_a_whole_search_finds(pattern):
    _finds_what_a_whole_search_finds(pattern, _passages()[:60])


def test_the_words_every_match_starts_with():
    def lead(pattern, flags=re.I | re.M):
        return leading_words(re.compile(pattern, flags))

    assert lead(r"\nReason for decision$") == ("\nreason for decision",)
    assert lead(r"\b(?:Our|Your) ref(?:erence)?\b") == ("our", "your")  # the group's words
    assert lead(r"^(?<=\n)\bFOI (?:Reference|Cyfeirnod):") == ("foi reference", "foi cyfeirnod")
    assert lead(r"\nRe(?:quest|sponse)$") == ("\nrequest", "\nresponse")
    # no word, or one that a match may skip or miss: the whole text is searched
    for pattern in (r"\n.+ \(\d+\)$", r"(?:abc)?def", r"abc|\d+", r"ab\w", r"(?:abc|)x", r"é\w+"):
        assert lead(pattern) is None, pattern


def test_the_words_every_match_starts_its_line_with():
    def starts(pattern, flags=re.I | re.M):
        return line_start_words(re.compile(pattern, flags))

    assert starts(r"(?:^(?:Complaint rights|Your right)\b.*$)|(?:^If you are)") == (
        "complaint rights",
        "your right",
        "if you are",
    )
    assert starts(r"\ARequest:?$", 0) == ("request",)
    # a branch that may match within the line, or no word after the anchor: nothing told
    for pattern in (r"(?:^Response$)|(?:set out below$)", r"^\s*Request", r"^(?:Re|\d)"):
        assert starts(pattern) is None, pattern


def _line_patterns():
    """The layouts' patterns that are searched one line at a time."""
    keys = ("chrome", "footer", "start", "request", "answer", "status", "signature")
    found = [getattr(profile, key) for profile in profiles() for key in keys]
    return list(dict.fromkeys(pattern for pattern in found if pattern))


@pytest.mark.parametrize("pattern", _line_patterns(), ids=lambda p: p.pattern[:40])
def test_a_line_the_line_test_passes_over_holds_no_match(pattern):
    test = line_test(pattern) or (lambda lower: True)  # none: every line is searched
    for passage in _passages():
        for line in passage.split("\n"):
            lower = lowered(line)
            for variant, variant_lower in ((line, lower), (line.strip(), lower and lower.strip())):
                if variant_lower is not None and not test(variant_lower):
                    assert pattern.search(variant) is None, variant


@pytest.mark.parametrize(
    "pattern, behind",
    [
        (r"abc", 1),  # the character before decides a \b or a ^ that the pattern may hold
        (r"(?<=abcd)x|y", 4),
        (r"(?:(?<!ab)c)+", 2),
        (r"(?<=ab)(?<=abc)x", 3),  # two look-behinds from one place: the wider
        (r"(?<=(?<!xyz)a)b", 4),  # one within another: the outer's width and the inner's
        (r"(?<=(a)|b)(?(1)(?<=cde)|x)", 3),
    ],
)
def test_how_far_before_its_start_a_pattern_reads(pattern, behind):
    assert reads_behind(re.compile(pattern)) == behind


def test_a_pattern_that_cannot_be_read_reads_all_the_text_before():
    unreadable = SimpleNamespace(pattern="(", flags=0)
    assert reads_behind(unreadable) == sys.maxsize


@pytest.mark.parametrize(
    "pattern",
    [m for profile in profiles() for m in (*profile.markers, *profile.requires_each)]
    + [p for profile in profiles() for group in profile.fields.values() for p in group]
    + _rule_patterns(),
    ids=lambda p: p.pattern[:40],
)
def test_a_search_from_the_leading_words_finds_what_a_whole_search_finds(pattern):
    rng = random.Random(pattern.pattern)
    for passage in _passages()[:60]:
        text = Searchable(passage)
        found = pattern.search(passage)
        assert _span(text.search(pattern)) == _span(found)
        low = rng.randrange(len(passage) + 1)
        high = rng.randrange(low, len(passage) + 1)
        assert _span(text.search(pattern, low, high)) == _span(pattern.search(passage, low, high))


def _span(match):
    return match and (match.span(), match.groupdict())
