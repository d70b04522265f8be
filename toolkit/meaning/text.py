"""Passages of a response's text: its sentences, each a verbatim piece of one line."""

import re
from functools import lru_cache
from typing import Final

from ..layouts.data import any_of, schema_yaml

SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9“\"‘'(•])")
# Words shortened with a full stop inside a sentence: "approx. 61", "c. 50", "under s. 31".
ABBREVIATED = re.compile(r"\b(?:approx|c|ca|est|ref|e\.g|i\.e|s|ss|para)\.$", re.I)
LONGEST_ABBREVIATION = len("approx.")
SPACES = re.compile(r"\s+")
WORDS = re.compile(r"[a-z0-9]+")
YEARISH = re.compile(r"(?:19|20)\d\d")  # a repeated question may name other years

# Numbers written as words, and the words that answer "how many" with none: a set, to tell a
# passage holding none cheaply (`has_number_word`), and a pattern finding them in it.
NUMBER_WORDS = frozenset(
    "zero nil none no one two three four five six seven eight nine ten eleven twelve thirteen"
    " fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty"
    " seventy eighty ninety hundred thousand".split()
)
NUMBER_WORD = re.compile(
    rf"\b(?:{'|'.join(sorted(NUMBER_WORDS, key=lambda word: (-len(word), word)))})\b", re.I
)


# Words saying information is not held, recorded or known ("no record of", "we do not hold
# details of": schemas/phrases.yaml `not_held_of`). The figures read a number after them in
# their clause as naming what the missing information is about, and the outcomes read a
# sentence of them as a denial, never as a "No" answering the question.
NOT_HELD_OF: Final = any_of(schema_yaml("phrases.yaml")["not_held_of"], re.I)


LIST_MARK = re.compile(
    r"^(?:Q|Question\s*|A|Answer\s*)?\(?\d{1,2}[a-z]?[.)]?$"  # 1.  Q2.  A3.
    r"|^\(?[a-z]{1,3}[.)/]$"  # a)  ii/
)


def sentences(text: str) -> list[str]:
    """The sentences of `text`, each within one line and kept exactly as written (a list's
    number, '1.' or 'Q2.', stays with the sentence it numbers)."""
    found = []
    for line in text.split("\n"):
        start = 0
        for match in SENTENCE_BREAK.finditer(line):
            if LIST_MARK.match(line[start : match.start()].strip()):
                continue
            if ABBREVIATED.search(
                line, max(start, match.start() - LONGEST_ABBREVIATION), match.start()
            ):
                continue  # "approx. 61": the full stop shortens a word, it ends no sentence
            part = line[start : match.start()].strip()
            if part:
                found.append(part)
            start = match.end()
        if line[start:].strip():
            found.append(line[start:].strip())
    return found


def words(text: str) -> str:
    """Lower-case words only: to compare passages whatever their punctuation and spacing."""
    return " ".join(WORDS.findall(text.lower()))


ECHO_SHARE = 0.8  # of the sentence's words that are the question's
ECHO_COVER = 0.6  # of the question's words the sentence repeats
ECHO_MIN_WORDS = 5


@lru_cache(maxsize=4096)  # each shape of figure asks again of the same lines
def echoes(sentence: str, question: str) -> bool:
    """Whether a sentence of an answer repeats the question (answers often quote it first,
    sometimes with other years): most of its words are the question's, it repeats most of
    the question, and it states no number the question does not, in digits or in words."""
    if not question:
        return False
    said = WORDS.findall(sentence.lower())
    if len(said) < ECHO_MIN_WORDS:
        return False
    asked = _words_of(question)
    if sum(word in asked for word in said) < ECHO_SHARE * len(said):
        return False
    if len(set(said) & asked) < ECHO_COVER * len(asked):
        return False
    # a number the question does not hold, in digits (its scale joined on: the "6m" of
    # "£1.6m") or in words ("No knife wands were purchased in 2024." answering how many
    # were), makes the sentence an answer
    numbers = {
        word
        for word in said
        if (word[0].isdigit() and not YEARISH.fullmatch(word)) or word in NUMBER_WORDS
    }
    return numbers <= asked


@lru_cache(maxsize=1024)
def _words_of(text: str) -> frozenset[str]:
    return frozenset(WORDS.findall(text.lower()))


def has_number_word(text: str) -> bool:
    """Whether `text` holds a number written as a word (`NUMBER_WORDS`)."""
    return not NUMBER_WORDS.isdisjoint(WORDS.findall(text.lower()))
