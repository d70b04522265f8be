"""Passages of a response's text: its sentences, each a verbatim piece of one line."""

import re

SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9“\"‘'(•])")
SPACES = re.compile(r"\s+")
WORDS = re.compile(r"[a-z0-9]+")


def sentences(text: str) -> list[str]:
    """The sentences of `text`, each within one line and kept exactly as written."""
    found = []
    for line in text.split("\n"):
        found.extend(part.strip() for part in SENTENCE_BREAK.split(line) if part.strip())
    return found


def words(text: str) -> str:
    """Lower-case words only: to compare passages whatever their punctuation and spacing."""
    return " ".join(WORDS.findall(text.lower()))


ECHO_SHARE = 0.8
ECHO_MIN_WORDS = 5


def echoes(sentence: str, question: str) -> bool:
    """Whether a sentence of an answer repeats the question (answers often quote it first,
    sometimes with other years): most of its words are the question's."""
    said = WORDS.findall(sentence.lower())
    if len(said) < ECHO_MIN_WORDS or not question:
        return False
    asked = set(WORDS.findall(question.lower()))
    return sum(word in asked for word in said) >= ECHO_SHARE * len(said)
