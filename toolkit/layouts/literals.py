"""A quick proof that a vocabulary pattern cannot match a text, before searching it; and the
only places where a pattern can match (`Searchable`): for a pattern that stays within a line,
the lines holding its words; for one that starts with a word, where that word stands.

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

import bisect
import re
import sys
from collections.abc import Callable
from functools import cache, wraps
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final, TypeVar

MIN_WORD: Final = 3  # a shorter required word proves too little to be worth the look
# ...except as one branch's word among the longer words of the others: without it the whole
# alternation proves nothing ("approx", "around" or "c." followed by a digit).
MIN_BRANCH_WORD: Final = 2
UNSAFE: Final = ("İ", "ı", "ſ")


def required_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of `pattern` contains, or None when none
    can be told (the pattern is then always searched)."""
    tree = _syntax_tree(pattern)
    return None if tree is None else _required(tree)


def _syntax_tree(pattern: re.Pattern) -> list | None:
    """The pattern's syntax tree, as `re` parses it, or None where it cannot be read."""
    try:
        return list(_parser.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError):
        return None


def _required(sequence, shortest: int = MIN_WORD) -> tuple[str, ...] | None:
    """The best choice of required words in a sequence of the syntax tree: a run of literal
    characters (of `shortest` or more), one word from each branch of an alternation, or a run
    joined to the words an alternation after it starts with ("\\n" and "january" make
    "\\njanuary", "\\nfebruary"...: longer words are found or ruled out sooner)."""
    choices: list[tuple[str, ...]] = []
    run: list[str] = []

    def close_run():
        if len(run) >= shortest:
            choices.append(("".join(run).lower(),))
        run.clear()

    for op, value in sequence:
        if op is sre.LITERAL and value < 128:
            run.append(chr(value))
            continue
        if run and op in (sre.BRANCH, sre.SUBPATTERN):
            joined = _leading([(op, value)])
            if joined:
                choices.append(tuple("".join(run).lower() + word for word in joined))
        close_run()
        if op is sre.BRANCH:
            # a branch's longest word is chosen, as anywhere: a short one only where it has none
            words = _every([_required(list(branch), MIN_BRANCH_WORD) for branch in value[1]])
            if words is not None:
                choices.append(words)
        elif op is sre.SUBPATTERN:
            inner = _required(list(value[-1]))
            if inner:
                choices.append(inner)
    close_run()
    if not choices:
        return None
    return max(choices, key=lambda words: min(len(w) for w in words))


def reads_behind(pattern: re.Pattern) -> int:
    """How many characters before the position where it is tried `pattern` may read: one for a
    `\\b` or a `^`, a look-behind's width; the whole text before when the pattern cannot be
    parsed."""
    tree = _syntax_tree(pattern)
    if tree is None:
        return sys.maxsize
    reach = 1
    # each sequence (re's SubPattern, or a list of its items) with how far behind it may start
    sequences: list[tuple[Any, int]] = [(tree, 0)]
    while sequences:
        sequence, behind = sequences.pop()
        for op, value in sequence:
            if op in (sre.ASSERT, sre.ASSERT_NOT):
                direction, inner = value
                # a look-behind within a look-behind reads further still
                further = behind + inner.getwidth()[1] if direction < 0 else behind
                reach = max(reach, further)
                sequences.append((inner, further))
            elif op is sre.BRANCH:
                sequences.extend((branch, behind) for branch in value[1])
            elif op is sre.GROUPREF_EXISTS:
                sequences.extend((branch, behind) for branch in value[1:] if branch)
            elif op in (sre.SUBPATTERN, sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                sequences.append((value[-1], behind))
            elif op is sre.ATOMIC_GROUP:
                sequences.append((value, behind))
    return reach


def _every(groups: list[tuple[str, ...] | None]) -> tuple[str, ...] | None:
    """The words of all the groups, each once, in order; None where a group has none (one
    branch of an alternation without words leaves the whole without)."""
    words: list[str] = []
    for group in groups:
        if not group:
            return None
        words.extend(group)
    return tuple(dict.fromkeys(words))


Found = TypeVar("Found")


def per_pattern(function: Callable[[re.Pattern], Found]) -> Callable[[re.Pattern], Found]:
    """functools.cache for a function of one compiled pattern, looked up by the pattern's
    identity. A Pattern hashes its whole compiled program at every lookup (0.15 to 0.4 µs), and
    a document's reading looks patterns up a few hundred times. Each entry holds its pattern, so
    no other pattern can take its id while the entry lives."""
    results: dict[int, tuple[re.Pattern, Found]] = {}

    @wraps(function)
    def remembered(pattern: re.Pattern) -> Found:
        held = results.get(id(pattern))
        if held is None:
            held = results[id(pattern)] = (pattern, function(pattern))
        return held[1]

    return remembered


@per_pattern  # the patterns of the vocabularies and layouts: a few hundred
def words_of(pattern: re.Pattern) -> tuple[str, ...] | None:
    """`required_words`, read once per pattern."""
    return required_words(pattern)


# A document's text is lowered for its layout, its adapter's rules and its audit, and its answer
# for the sections it cites: the last two long texts' lowerings are kept (sentences, lowered by
# the thousand, are not kept and do not evict them), with whether their words are ASCII's.
LONG: Final = 2000
_last_long: Final[list] = [(None, None, None), (None, None, None)]


def lowered(text: str) -> str | None:
    """`text` to look for required words in, or None when it must be searched whatever."""
    return _read(text)[0]


def ascii_words(text: str) -> bool:
    """Whether every character of `text` beyond ASCII is in U+2000 to U+203F (the curly
    quotes, dashes and bullets letters type), none of which is a letter or a digit: the text's
    letters, digits and word characters are then ASCII's."""
    return _read(text)[1]


def _read(text: str) -> tuple[str | None, bool]:
    """`lowered` and `ascii_words` of the text.

    Letters type curly quotes, dashes and bullets from U+2000 to U+207F; none has a case, so
    lowering the UTF-8 bytes (ASCII letters only) of a text with no other character beyond
    ASCII gives text.lower() at half its cost: str.lower looks every character of such a text
    up in Unicode's tables. Each character of the block is three bytes starting E2 80 (up to
    U+203F) or E2 81 (a pair no other character holds), every other one two to four bytes: only
    when the extra bytes are two for each such pair is there no other."""
    for held, lower, words in _last_long:
        if text is held:
            return lower, words
    if text.isascii():  # none of UNSAFE: its flag is read, not its characters
        lower, words = text.lower(), True
    else:
        data = text.encode("utf-8", "surrogatepass")
        extra, below_2040 = len(data) - len(text), data.count(b"\xe2\x80")
        words = extra == 2 * below_2040
        if words or extra == 2 * (below_2040 + data.count(b"\xe2\x81")):
            lower = data.lower().decode()
        else:
            lower = None if any(character in text for character in UNSAFE) else text.lower()
    if len(text) >= LONG:
        _last_long[:] = (text, lower, words), _last_long[0]
    return lower, words


def may_match(words: tuple[str, ...] | None, lowered_text: str | None) -> bool:
    """False only when no match is possible: `lowered_text` (see `lowered`) holds none of
    the pattern's required `words`."""
    if words is None or lowered_text is None:
        return True
    for word in words:  # a loop, not any(): called for every pattern of every passage
        if word in lowered_text:
            return True
    return False


# Where a pattern can match: a pattern no part of which can match a line break (nor look
# across one) matches only inside one line, and that line holds one of its required words.
# Searching only those lines, each bounded by its own line break, finds exactly the matches a
# search of the whole text finds, in the same order, for a fraction of the scanning.
_CROSSING_CATEGORIES: Final = {sre.CATEGORY_SPACE, sre.CATEGORY_NOT_DIGIT, sre.CATEGORY_NOT_WORD}


@per_pattern
def line_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """The pattern's required words (`required_words`) when each of its matches lies within
    one line, else None."""
    sequence, multiline = _line_reading(pattern)
    return _required(sequence) if sequence and _within_a_line(sequence, multiline) else None


@per_pattern
def start_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """For a pattern whose matches may run over several lines: the required words of the part
    each match starts with that stays within one line. Every match then starts on a line
    holding one of them; None when no such part requires a word."""
    sequence, multiline = _line_reading(pattern)
    within = 0
    while within < len(sequence) and _within_a_line(sequence[within : within + 1], multiline):
        within += 1
    return _required(sequence[:within])


def _line_reading(pattern: re.Pattern) -> tuple[list, bool]:
    """The pattern's syntax tree and whether `$` ends a line in it, as `_within_a_line` reads
    them; no tree where a '.' takes line breaks or the pattern cannot be read."""
    if pattern.flags & re.DOTALL:
        return [], False
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError):
        return [], False
    return list(parsed), bool(parsed.state.flags & re.MULTILINE)


@per_pattern
def lower_twin(pattern: re.Pattern) -> re.Pattern | None:
    """For a case-insensitive pattern written in lower case, whose every match holds a
    character: the same pattern matching case, without the `\\b` it may start with. Searched in
    the lower-cased text, it matches wherever the pattern can (and may elsewhere: each place must
    be tried with the pattern), and far sooner: it skips to its first characters. None for any
    other pattern."""
    if not pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    except (re.error, TypeError):
        return None
    if parsed.state.flags & re.IGNORECASE or not parsed.getwidth()[0]:
        return None  # case-insensitive from within, or a match may be empty
    if not _in_lower_case(list(parsed)):
        return None
    source = pattern.pattern
    while source.startswith(r"\b"):
        source = source[2:]
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def _in_lower_case(sequence) -> bool:
    """Whether every character the sequence names is an ASCII one that a lowering leaves as it
    is (a text's letter then matches it, case ignored, exactly when the lowered letter does:
    outside ASCII, case-insensitive matching knows pairs that lowering does not make)."""
    for op, value in sequence:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            ok = value < 128 and not chr(value).isupper()
        elif op is sre.RANGE:
            ok = value[1] < 128 and not any(chr(c).isupper() for c in range(value[0], value[1] + 1))
        elif op in (sre.IN, sre.ATOMIC_GROUP):
            ok = _in_lower_case(value)
        elif op is sre.BRANCH:
            ok = all(_in_lower_case(list(branch)) for branch in value[1])
        elif op is sre.SUBPATTERN:  # a group that matches case itself would not match lowered
            ok = not value[2] & re.IGNORECASE and _in_lower_case(list(value[-1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            ok = _in_lower_case(list(value[2]))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            ok = _in_lower_case(list(value[1]))
        else:  # categories, anchors and the like name no letter; back-references: the worst
            ok = op in (sre.CATEGORY, sre.AT, sre.ANY, sre.NEGATE)
        if not ok:
            return False
    return True


def _within_a_line(sequence, multiline: bool) -> bool:
    """Whether no node of the syntax tree can match (or look at) a line break, nor an end
    that a line's end would pass for ('$' without MULTILINE, '\\Z')."""
    for op, value in sequence:
        if op is sre.LITERAL:
            ok = value != ord("\n")
        elif op is sre.NOT_LITERAL:
            ok = value == ord("\n")
        elif op is sre.ANY:
            ok = True  # '.' without DOTALL
        elif op is sre.AT:
            ok = value is not sre.AT_END_STRING and (multiline or value is not sre.AT_END)
        elif op is sre.IN:
            ok = not _set_holds_newline(value)
        elif op is sre.BRANCH:
            ok = all(_within_a_line(list(branch), multiline) for branch in value[1])
        elif op is sre.SUBPATTERN:
            ok = not value[1] & re.DOTALL and _within_a_line(list(value[-1]), multiline)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            ok = _within_a_line(list(value[2]), multiline)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            ok = _within_a_line(list(value[1]), multiline)
        elif op is sre.ATOMIC_GROUP:
            ok = _within_a_line(list(value), multiline)
        else:  # back-references and anything unforeseen: assume the worst
            ok = False
        if not ok:
            return False
    return True


def _set_holds_newline(items) -> bool:
    negated = bool(items) and items[0][0] is sre.NEGATE
    held = False
    for op, value in items[negated:]:
        if op is sre.LITERAL:
            held = held or value == ord("\n")
        elif op is sre.RANGE:
            held = held or value[0] <= ord("\n") <= value[1]
        elif op is sre.CATEGORY:
            held = held or value in _CROSSING_CATEGORIES
        else:
            return True  # unforeseen: assume the worst
    return held != negated


# Where a match can start: a pattern whose every match begins with one of a few words (after
# zero-width tests such as ^, \b or a look-behind) can only match where one of those words
# stands. Trying the pattern there alone, in order, finds the match a search would: a search is
# the same attempt made at every position in turn. A case-insensitive pattern gets no help
# from the regular-expression engine in skipping to its first word; a substring search does.
_ZERO_WIDTH: Final = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


@per_pattern
def leading_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of `pattern` starts with, or None."""
    tree = _syntax_tree(pattern)
    words = None if tree is None else _leading(tree)
    return words if words and min(map(len, words)) >= MIN_WORD else None


def _leading(sequence) -> tuple[str, ...] | None:
    """The literal characters a sequence of the syntax tree starts with, continued into the
    words of a group or an alternation that follows them (each branch's own)."""
    run = []
    for op, value in sequence:
        if op is sre.LITERAL and value < 128:
            run.append(chr(value))
            continue
        if not run and op in _ZERO_WIDTH:
            continue
        inner = None
        if op is sre.SUBPATTERN:
            inner = _leading(list(value[-1]))
        elif op is sre.BRANCH:
            inner = _every([_leading(list(branch)) for branch in value[1]])
        prefix = "".join(run).lower()
        if inner is None:
            return (prefix,) if prefix else None
        return tuple(prefix + word for word in inner)
    return ("".join(run).lower(),) if run else None


# Where a line can match: a pattern searched in one line whose every match starts the line (each
# branch opens with `^` or `\\A`) matches only a line that starts with one of its leading words.
_LINE_START: Final = {sre.AT_BEGINNING, sre.AT_BEGINNING_STRING}


@per_pattern
def line_start_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words one of which a line starts with wherever `pattern`, searched in that
    line alone, matches it; None when a match may start elsewhere or with no word."""
    tree = _syntax_tree(pattern)
    return None if tree is None else _line_start(tree)


def _line_start(sequence) -> tuple[str, ...] | None:
    if not sequence:
        return None
    op, value = sequence[0]
    if op is sre.AT and value in _LINE_START:
        return _leading(list(sequence[1:]))
    if op is sre.BRANCH:
        return _every([_line_start(list(branch)) for branch in value[1]])
    if op is sre.SUBPATTERN:
        return _line_start(list(value[-1]))
    return None


def line_test(pattern: re.Pattern):
    """A test of a line lowered (`lowered`) that fails only where `pattern`, searched in that
    line, cannot match it: the line does not start with one of its line-start words, or holds
    none of its required words. None where nothing can be told."""
    starts = line_start_words(pattern)
    if starts:
        return lambda lower: lower.startswith(starts)
    words = words_of(pattern)
    if words:
        return lambda lower: may_match(words, lower)
    return None


@per_pattern
def _plan(
    pattern: re.Pattern,
) -> tuple[
    tuple[str, ...] | None, tuple[str, ...] | None, re.Pattern | None, tuple[str, ...] | None
]:
    """How a Searchable reads the pattern, told once: the words of the lines its matches lie in
    (`line_words`), else those of the lines its matches start on (`start_words`), else its
    lower-case twin; and the words its matches start with (`leading_words`)."""
    within = line_words(pattern)
    starting = None if within is not None else start_words(pattern)
    twin = None if within is not None or starting is not None else lower_twin(pattern)
    return within, starting, twin, leading_words(pattern)


@cache
def _line_starting(words: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """Each word with the start of a line it stands for ("\\nquestion": "question"), or None
    for a word that may stand anywhere; told once for each set of words (a pattern's)."""
    return tuple(
        (word, word[1:] if word[0] == "\n" and "\n" not in word[1:] else None) for word in words
    )


class Searchable:
    """A text prepared for searching with patterns, lower-cased once. Its searches and the lines
    holding a word are remembered: rules that read one text often search it alike (a section's
    heading, the same evidence for two topics, a word their patterns share)."""

    def __init__(self, text: str, lower: str | None = None):
        self.text = text
        self.lower = lowered(text) if lower is None else lower
        self._searched: dict[tuple, tuple] = {}
        self._lines_held: dict[tuple, list[tuple[int, int]]] = {}
        self._lower_lines: list[str] | None = None
        self._line_starts: list[str] | None = None  # each line but the first, sorted

    @classmethod
    def after(cls, prefix: str, text: str) -> "Searchable":
        """prefix + text, lower-cased from text's lowering."""
        lower = lowered(text)
        if lower is None or lowered(prefix) is None:
            return cls(prefix + text)
        return cls(prefix + text, prefix.lower() + lower)

    def part(self, start: int, end: int) -> "Searchable":
        """text[start:end], lower-cased from the whole's lowering (a lowering keeps the length of
        a text without UNSAFE characters)."""
        if self.lower is None:
            return Searchable(self.text[start:end])
        return Searchable(self.text[start:end], self.lower[start:end])

    def finditer(
        self, pattern: re.Pattern, pos: int = 0, endpos: int | None = None, first: bool = False
    ) -> list[re.Match]:
        """The matches of pattern.finditer(text, pos, endpos), as a list (only the first, if
        `first`), reading only where a match can be: the lines holding its words, the lines
        where it can start, or the places its twin finds."""
        endpos = len(self.text) if endpos is None else endpos
        if self.lower is None:  # a text that cannot be lowered safely is searched whole
            return list(pattern.finditer(self.text, pos, endpos))
        lines_holding, starting, twin, _ = _plan(pattern)
        text = self.text
        if lines_holding is not None:
            found: list[re.Match] = []
            for start, end in self._lines(lines_holding, pos, endpos):
                found.extend(pattern.finditer(text, start, end))
            return found
        if starting is None:
            return self._from_twin(pattern, twin, pos, endpos, first)
        # Each search starts at the next line where a match can start: no match starts before
        # it, so the search finds the match the plain finditer finds next.
        lines, at, index, found = self._lines(starting, pos, endpos), pos, 0, []
        while True:
            while index < len(lines) and lines[index][1] <= at:
                index += 1
            if index == len(lines):
                return found
            match = pattern.search(text, max(lines[index][0], at), endpos)
            if match is None:
                return found
            found.append(match)
            if first:
                return found
            at = match.end()

    def _from_twin(self, pattern: re.Pattern, twin, pos: int, endpos: int, first: bool):
        """pattern.finditer(text, pos, endpos) as a list, trying the pattern only where its
        lower-case twin (`lower_twin`) matches the lowered text."""
        if twin is None:
            if first:
                match = pattern.search(self.text, pos, endpos)
                return [] if match is None else [match]
            return list(pattern.finditer(self.text, pos, endpos))
        at, found = pos, []
        while (place := twin.search(self.lower, at, endpos)) is not None:
            match = pattern.match(self.text, place.start(), endpos)
            if match is None:
                at = place.start() + 1
                continue
            found.append(match)
            if first:
                break
            at = match.end()
        return found

    def search(self, pattern: re.Pattern, pos: int = 0, endpos: int | None = None):
        """pattern.search(text, pos, endpos), reading only the lines that can match, or trying
        the pattern only where one of its leading words stands."""
        key = (id(pattern), pos, endpos)  # see per_pattern; the entry holds its pattern
        held = self._searched.get(key)
        if held is None or held[0] is not pattern:
            held = self._searched[key] = (pattern, self._search(pattern, pos, endpos))
        return held[1]

    def lower_lines(self) -> list[str] | None:
        """The lowered text's lines (split once), or None where the text cannot be lowered."""
        if self._lower_lines is None and self.lower is not None:
            self._lower_lines = self.lower.split("\n")
        return self._lower_lines

    def may_hold(self, words: tuple[str, ...] | None) -> bool:
        """may_match(words, self.lower), a word that starts a line (as the layouts' patterns
        do: see profiles.in_text) looked up in the text's lines, sorted once, rather than
        searched for in the whole text."""
        lower = self.lower
        if words is None or lower is None:
            return True
        for word, line_start in _line_starting(words):
            if line_start is None:
                if word in lower:
                    return True
                continue
            if self._line_starts is None:
                lines = self.lower_lines() or [""]
                self._line_starts = sorted(lines[1:])
            at = bisect.bisect_left(self._line_starts, line_start)
            if at < len(self._line_starts) and self._line_starts[at].startswith(line_start):
                return True
        return False

    def _search(self, pattern: re.Pattern, pos: int, endpos: int | None):
        lower, text = self.lower, self.text
        endpos = len(text) if endpos is None else endpos
        if lower is None:
            return pattern.search(text, pos, endpos)
        lines_holding, _, _, leading = _plan(pattern)
        if lines_holding is not None:
            for start, end in self._lines(lines_holding, pos, endpos):
                match = pattern.search(text, start, end)
                if match is not None:
                    return match
            return None
        if leading is None:
            found = self.finditer(pattern, pos, endpos, first=True)
            return found[0] if found else None
        starts = []
        for word in leading:
            at = lower.find(word, pos, endpos)
            while at >= 0:
                starts.append(at)
                at = lower.find(word, at + 1, endpos)
        for start in sorted(starts):
            match = pattern.match(text, start, endpos)
            if match:
                return match
        return None

    def _lines(self, words: tuple[str, ...], pos: int, endpos: int) -> list[tuple[int, int]]:
        """The spans, within pos and endpos, of the lines holding one of `words`, in order."""
        key = (words, pos, endpos)
        if key not in self._lines_held:
            self._lines_held[key] = self._find_lines(words, pos, endpos)
        return self._lines_held[key]

    def _find_lines(self, words: tuple[str, ...], pos: int, endpos: int) -> list[tuple[int, int]]:
        text, lower, spans = self.text, self.lower, set()
        if lower is None:  # not lowered: searched whole (`finditer`), never line by line
            return [(pos, endpos)]
        for word in words:
            at = lower.find(word, pos, endpos)
            while at >= 0:
                start = max(text.rfind("\n", 0, at) + 1, pos)
                end = text.find("\n", at, endpos)
                end = endpos if end < 0 else end
                spans.add((start, end))
                at = lower.find(word, end, endpos)
        return sorted(spans)
