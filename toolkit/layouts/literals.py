"""A quick proof that a vocabulary pattern cannot match a text, before searching it.

Most of a vocabulary's patterns (a status's phrases, a measure's words) are found nowhere in a
given sentence, and a case-insensitive regular expression that starts with an alternation is
tried at every position of the text. But every match of `\\b(?:is|are) not held\\b` contains
" not held": when the lower-cased text does not, a plain substring search (many times faster)
has proved the pattern absent. The words are read from the pattern's own syntax tree, so a
pattern added to the YAML files gets its words without anyone writing them.

Exactness: only ASCII characters are taken as required words. Under re.IGNORECASE an ASCII
character also matches 'İ', 'ı' and 'ſ' (besides its own cases and the Kelvin sign, which
lower-case to it): a text holding any of those three is always searched.
"""

import re
from functools import cache
from re import _constants as sre
from re import _parser

MIN_WORD = 3  # a shorter required word proves too little to be worth the look
UNSAFE = ("İ", "ı", "ſ")


def required_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of `pattern` contains, or None when none
    can be told (the pattern is then always searched)."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError):
        return None
    return _required(list(parsed))


def _required(sequence) -> tuple[str, ...] | None:
    """The best choice of required words in a sequence of the syntax tree: a run of literal
    characters, or one word from each branch of an alternation."""
    choices, run = [], []

    def close_run():
        if len(run) >= MIN_WORD:
            choices.append(("".join(run).lower(),))
        run.clear()

    for op, value in sequence:
        if op is sre.LITERAL and value < 128:
            run.append(chr(value))
            continue
        close_run()
        if op is sre.BRANCH:
            words = [_required(list(branch)) for branch in value[1]]
            if all(words):
                choices.append(tuple(dict.fromkeys(w for branch in words for w in branch)))
        elif op is sre.SUBPATTERN:
            inner = _required(list(value[-1]))
            if inner:
                choices.append(inner)
    close_run()
    if not choices:
        return None
    return max(choices, key=lambda words: min(len(w) for w in words))


@cache  # the patterns of the vocabularies and layouts: a few hundred
def words_of(pattern: re.Pattern) -> tuple[str, ...] | None:
    """`required_words`, read once per pattern."""
    return required_words(pattern)


def lowered(text: str) -> str | None:
    """`text` to look for required words in, or None when it must be searched whatever."""
    return None if any(character in text for character in UNSAFE) else text.lower()


def may_match(words: tuple[str, ...] | None, lowered_text: str | None) -> bool:
    """False only when no match is possible: `lowered_text` (see `lowered`) holds none of
    the pattern's required `words`."""
    if words is None or lowered_text is None:
        return True
    return any(word in lowered_text for word in words)
