"""Document -> Response: choose the layout profile, strip its chrome, read its fields, and split
the request and the answer by question. Everything particular to a layout is in its profile."""

import re
from collections import Counter
from functools import lru_cache
from typing import Final

from ..document import Document
from ..readers.cells import sheet_line
from .dates import parse_date, parse_month
from .literals import Searchable, line_test, words_of
from .names import force_named, forces_named, most_named
from .profiles import (
    Profile,
    answer_numbers,
    force_by_host,
    profiles,
    question_headings,
    question_table,
    referral,
    sheet_words,
    structure,
)
from .response import Answer, Question, Response, Statement

URL_WEIGHT: Final = 10
HEADING_MAX: Final = 80
HEADING_WORDS: Final = 3
SENTENCE_END: Final = (".", ":", "?", ";", "!", ",")
RANGE_END: Final = re.compile(r"(\d{1,2})([a-z]?)")  # the last of a range of question numbers
LEADING_NUMBER: Final = re.compile(r"\d+")
# A heading in capitals has a word in them: "A1. 2022 = 1,100" is an answer's label and figure.
CAPITALS: Final = re.compile(r"[A-Z]{2}")


def choose(text: str, source_url: str | None = None) -> Profile:
    """The profile whose markers the text (and address) shows most; the file's order breaks
    ties. A profile's `requires` must be met, and a profile with markers needs one of them
    (or its address) to be found."""
    return _choose(_whole(text), source_url)


def _whole(text: str) -> Searchable:
    """The text as the profiles' `requires`, markers and fields search it (profiles.in_text)."""
    return Searchable.after("\n", text)


def _choose(text: Searchable, source_url: str | None) -> Profile:
    best, best_score = None, -1
    searched: dict[int, bool] = {}  # by id (see literals.per_pattern): the profiles hold them

    def found(pattern: re.Pattern) -> bool:  # profiles share patterns: each is searched once
        if id(pattern) not in searched:
            possible = text.may_hold(words_of(pattern))
            searched[id(pattern)] = possible and text.search(pattern) is not None
        return searched[id(pattern)]

    for candidate in profiles():
        url_hit = bool(source_url and candidate.url and candidate.url.search(source_url))
        score = URL_WEIGHT * url_hit
        if score + len(candidate.markers) <= best_score:
            continue  # it cannot beat the best so far, which wins a tie: no need to search
        required = candidate.requires
        if required and not url_hit:
            in_url = bool(source_url and required.search(source_url))
            if not (in_url or any(found(p) for p in candidate.requires_each)):
                continue
        for index, marker in enumerate(candidate.markers):
            if score + len(candidate.markers) - index <= best_score:
                break
            score += found(marker)
        if candidate.markers and not score:
            continue  # a layout with markers of its own is told by them (or its address)
        if score > best_score:
            best, best_score = candidate, score
    assert best is not None, "schemas/layouts.yaml holds a plain profile, which fits any text"
    return best


def _first_line(
    lines: list[str], pattern: re.Pattern | None, start: int = 0, lower: list[str] | None = None
) -> int | None:
    """The index of the first line from `start` that `pattern` matches. With the lines lowered
    (`lower`), a line that cannot match (literals.line_test) is not searched: most of a letter's
    lines are long sentences, and a heading's alternation is tried at each of their letters."""
    if pattern is None:
        return None
    test = line_test(pattern) if lower is not None else None
    for index in range(start, len(lines)):
        if (test is None or lower is None or test(lower[index])) and pattern.search(lines[index]):
            return index
    return None


def _lowered_lines(whole: Searchable) -> list[str] | None:
    """The lines of the text `whole` holds after its first newline (see `_whole`), each lowered,
    or None where the text cannot be lowered safely."""
    lines = whole.lower_lines()  # split once: choosing the layout may have split them
    return None if lines is None else lines[1:]


def _field(profile: Profile, name: str, text: Searchable) -> str | None:
    """The field's value in `text` (see `_whole`)."""
    for pattern in profile.fields.get(name, ()):
        match = text.search(pattern)
        if match:
            return match["value"].strip()
    return None


def _url_field(profile: Profile, name: str, url: str | None) -> str | None:
    pattern = profile.url_fields.get(name)
    match = pattern.search(url) if pattern and url else None
    if not match:
        return None
    template = profile.url_formats.get(name)
    return template.format_map(match.groupdict()) if template else match["value"]


SIGNATURE_LINES: Final = 6  # the lines after "Yours sincerely" that name the sender


def _unchromed(lines: list[str], lower: list[str] | None, chrome: re.Pattern | None) -> list[int]:
    """The indexes of the lines that are not the page's chrome (menus, cookie banners)."""
    if chrome is None:
        return list(range(len(lines)))
    test = line_test(chrome) if lower is not None else None
    return [
        i
        for i, line in enumerate(lines)
        if not (
            (test is None or lower is None or test(lower[i].strip())) and chrome.match(line.strip())
        )
    ]


def _force(
    profile: Profile, whole: Searchable, kept: list[str], body: str, url: str | None
) -> tuple[str | None, str | None]:
    """The force that published the response, and how it was found (see docs/reading.md)."""
    if profile.force:
        return profile.force, f"layout {profile.id}"
    by_host = force_by_host(url) if url else None
    if by_host:
        return by_host, "the page's address"
    for name in (_url_field(profile, "force_slug", url), _field(profile, "force_name", whole)):
        found = force_named(name) if name else None
        if found:
            return found, f"the name {name!r}"
    signed_at = _first_line(kept, profile.signature)
    if signed_at is not None:
        signed = most_named("\n".join(kept[signed_at + 1 : signed_at + 1 + SIGNATURE_LINES]))
        if signed:
            return signed, "the force signing the letter"
    # A force the answer sends the requester to ("held by Kent Police") is not the sender.
    own_lines = "\n".join(line for line in body.split("\n") if not referral().search(line))
    named = most_named(own_lines) or most_named(body)
    return (named, "the force named most in the text") if named else (None, None)


def _numbered(line: str):
    patterns, _, _ = structure()
    for pattern in patterns:
        match = pattern.match(line)
        if match:
            return match
    return None


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= HEADING_MAX
        and not stripped.endswith(SENTENCE_END)
        and stripped[0].isupper()
        and _numbered(stripped) is None
    )


def _key(number: str | None, letter: str | None) -> str:
    return f"{number or ''}{(letter or '').lower()}"


def _segments(
    lines: list[str],
    headings: tuple[str, ...] = (),
    join_bare: bool = True,
    sheets: frozenset[str] = frozenset(),
):
    """Numbered blocks of `lines` as [written number, key, heading, block lines, restarted], and
    the lines outside any block as (line, heading). A heading line (short, no sentence's end)
    ends a block when it opens a group numbered from 1, names one of `headings` (the request's),
    or is written in capitals; the lines after it belong to it. `restarted`: the numbering went
    back to a number already given since the heading ("1. 2. 1.", "1. 1."), so the heading may
    not be the group of this block or of those after it. With `join_bare`, a number on a line of
    its own takes the text below it as its first line (`_with_text_below`). A line of `sheets`
    (a workbook's line opening a sheet) ends the block and the heading: a sheet's rows are no
    part of the answer on the sheet before."""
    blocks: list[list] = []  # [written number, key, heading, lines, restarted]
    loose: list[tuple[str, str | None]] = []
    heading, last_number, in_block = None, None, False
    given: set[str] = set()  # the keys numbered since the heading
    last_key, last_mark, last_again, restarted = "", "", False, False
    joined_to = -1  # the last line a bare number took in as its own text
    for index, line in enumerate(lines):
        if index <= joined_to:
            continue
        stripped = line.strip()
        if line in sheets:
            heading, in_block = None, False
            given, last_key, last_mark, restarted = set(), "", "", False
            continue
        match = _numbered(stripped)
        if match is None:
            if _looks_like_heading(stripped):
                following = _numbered(lines[index + 1].strip()) if index + 1 < len(lines) else None
                opens_group = following is not None and following.groupdict().get("n") in (
                    None,
                    "1",
                )
                known = any(_heading_matches(h, stripped) for h in headings)
                capitals = stripped.isupper() and CAPITALS.search(stripped) is not None
                if opens_group or known or capitals or (not blocks and following):
                    heading, in_block = stripped, False
                    given, last_key, last_mark, restarted = set(), "", "", False
                    continue
            if in_block:
                blocks[-1][3].append(line)
            elif stripped:
                loose.append((line, heading))
            continue
        number, letter = match.groupdict().get("n"), match.groupdict().get("l")
        if number is None:  # a letter alone numbers a part of the question before it
            if last_number is None:
                loose.append((line, heading))
                continue
            if in_block and _is_option(stripped, blocks[-1][3]):
                blocks[-1][3].append(line)
                continue
            written = f"{last_number}{letter}"
        else:
            written, last_number = match["written"].strip(), number
        keys = _range_keys(number or last_number, letter, match.groupdict().get("last"))
        # "Request 1" then "Response 1" number one question twice, one after the other, each
        # marked its own way; "1." again, or a third time, is the next group's or the same's.
        mark = match.group(0).strip()
        again = keys[0] == last_key and mark != last_mark and not last_again
        restarted = restarted or (keys[0] in given and not again)
        given.update(keys)
        last_key, last_mark, last_again = keys[-1], mark, again
        if join_bare and match.end() == len(stripped):
            line, joined_to = _with_text_below(lines, index)
        shared = [line]  # "1-3." or "1a and 1b:": one block, answering each question named
        for key in keys:
            blocks.append([written if len(keys) == 1 else key, key, heading, shared, restarted])
        in_block = True
    return blocks, loose


def _with_text_below(lines: list[str], index: int) -> tuple[str, int]:
    """A number written on a line of its own ("1." above its answer) with the lines up to the
    first with text, when that one is not numbered itself, as one line of its block: the
    block's first line is then its text, as where the number stands before it ("1. text"),
    and the block still holds the document's own lines. The index of the last line taken."""
    below = index + 1
    while below < len(lines) and not lines[below].strip():
        below += 1
    if below == len(lines) or _numbered(lines[below].strip()) is not None:
        return lines[index], index
    return "\n".join(lines[index : below + 1]), below


OPTION_WORDS: Final = 10


def _is_option(line: str, block: list[str]) -> bool:
    """A lettered line under a question that ends with "?" and is a short choice, not a
    question ("a) DF unit" under "Do you have a unit or do you outsource?")."""
    asked = block[0].rstrip().endswith("?") and not any(b.strip()[-1:] == ":" for b in block)
    return asked and "?" not in line and len(line.split()) <= OPTION_WORDS


def _range_keys(number: str, letter: str | None, last: str | None) -> list[str]:
    """The keys a numbering names: one, or each in a range such as 1-3 or 1a and 1b."""
    first = _key(number, letter)
    end = RANGE_END.fullmatch((last or "").lower())
    if not end:
        return [first]
    if end[1] == number and letter and end[2]:  # 1a and 1b, 2a-2c
        return [f"{number}{chr(c)}" for c in range(ord(letter.lower()), ord(end[2]) + 1)]
    if not letter and not end[2] and int(number) < int(end[1]):  # 1-3
        return [str(n) for n in range(int(number), int(end[1]) + 1)]
    return [first]


def _short(line: str) -> bool:
    """Whether the line has at most HEADING_WORDS words (a long line is not split whole)."""
    return len(line.split(None, HEADING_WORDS)) <= HEADING_WORDS


def _labelled(questions: list[Question]) -> list[Question]:
    """Each question with its unique label (see `Question`)."""
    numbers = Counter(q.number for q in questions)
    unnumbered = 0
    labelled = []
    for index, q in enumerate(questions):
        if q.number is None:
            unnumbered += 1
            label = "request" if numbers[None] == 1 else f"request {unnumbered}"
        elif numbers[q.number] == 1:
            label = q.number
        elif q.heading:
            label = f"{q.heading} / {q.number}"
        else:
            label = f"{q.number} ({index + 1})"
        labelled.append(Question(q.number, q.key, q.text, q.heading, label))
    return labelled


def _questions(request_lines: list[str], interleaved: bool, sheets: frozenset[str] = frozenset()):
    """The questions of a request (not yet labelled) and, where each question's block holds
    its answer too, the answers' texts in the same order."""
    # Where each block holds its answer too, its first line is the question however short
    # ("Response 2:" above the answer in a request left empty).
    blocks, loose = _segments(request_lines, join_bare=not interleaved, sheets=sheets)
    _, _, label = structure()
    questions, answer_texts = [], []
    for written, key, heading, block, _ in blocks:
        if interleaved:
            at = next((i for i, line in enumerate(block) if i and label.match(line.strip())), None)
            question_text, answer_text = _question_then_answer(block, at, label)
            answer_texts.append(answer_text.strip())
        else:
            question_text = _below_bare_number("\n".join(block))
        questions.append(Question(written, key, question_text.strip(), heading))
    if not questions:  # an unnumbered request is one question
        lines = [line for line, _ in loose]
        if interleaved and lines:
            # No heading parts it from its answer: the question runs to its question mark.
            end = next((i for i, line in enumerate(lines) if line.rstrip().endswith("?")), 0)
            question, answer = "\n".join(lines[: end + 1]), "\n".join(lines[end + 1 :])
            return [Question(None, None, question.strip())], [answer.strip()]
        text = "\n".join(lines).strip()
        return ([Question(None, None, text)] if text else []), []
    return questions, answer_texts


def _question_then_answer(block: list[str], at: int | None, label: re.Pattern) -> tuple[str, str]:
    """A numbered block's question and the answer below it: the answer from just after its
    label (line `at`), else from the line after the question's. A number on a line of its own
    ("Question 1") heads the question's text below it."""
    first = 1 if len(block) > 1 and _bare_question_number(block[0]) else 0
    if at is None:
        return block[first], "\n".join(block[first + 1 :])
    labelled = block[at].strip()
    matched = label.match(labelled)
    after_label = labelled[matched.end() if matched else 0 :].strip()
    return "\n".join(block[first:at]), "\n".join([after_label, *block[at + 1 :]])


def _below_bare_number(text: str) -> str:
    """A question's text without its number standing on a line of its own above it
    ("Question 1"): the text is what the number heads."""
    first, _, below = text.partition("\n")
    return below if below.strip() and _bare_question_number(first) else text


def _bare_question_number(line: str) -> bool:
    """Whether `line` is a question's number alone ("Question 1", "2."), not an answer's."""
    stripped = line.strip()
    match = _numbered(stripped)
    return (
        match is not None
        and match.end() == len(stripped)
        and answer_numbers().match(stripped) is None
    )


def _pairs(lines: list[str], profile: Profile) -> list[tuple[list[str], list[str]]] | None:
    """Each (request, answer) of a page that alternates 'Request' and 'Answer' headings more
    than once, or None for any other page. A question's heading ("Request", "Question") opens
    a request as the profile's own does; just after the profile's (a letter's "Dear ..."), it
    heads the request's text in its place."""
    if profile.answer is None:
        return None
    asked = question_headings()
    marks: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if not _short(line):
            continue
        heading = asked.match(line.strip()) is not None
        opens = heading or bool(profile.request and profile.request.search(line))
        kind = "request" if opens else ("answer" if profile.answer.search(line) else None)
        if kind and (not marks or marks[-1][1] != kind):
            marks.append((index, kind))
        elif kind == "request" and heading:
            marks[-1] = (index, kind)
    kinds = [kind for _, kind in marks]
    if kinds.count("request") < 2 or kinds != ["request", "answer"] * (len(kinds) // 2):
        return None
    starts = [index for index, _ in marks] + [len(lines)]
    return [
        (lines[starts[i] + 1 : starts[i + 1]], lines[starts[i + 1] + 1 : starts[i + 2]])
        for i in range(0, len(marks), 2)
    ]


def _split(
    body_lines: list[str],
    profile: Profile,
    by_question: bool = True,
    lower: list[str] | None = None,
    sheets: dict[str, str] | None = None,
):
    """The request's lines, the answer's lines, the questions, the answers and the statements
    (those two left empty unless `by_question`); `lower`: the lines lowered (`_first_line`);
    `sheets`: a workbook's lines opening its sheets, with each sheet's name. A sheet holding
    no numbered line and no heading of a request or an answer (a sheet of figures) is read
    apart, as the answer of the question whose answer names it (`_with_sheets`)."""
    if sheets and by_question:
        apart, body_lines, lower = _sheets_apart(body_lines, lower, sheets, profile)
        if apart:
            split = _split(body_lines, profile, by_question, lower, sheets)
            return _with_sheets(apart, *split)
    openings = frozenset(sheets or ())
    pairs = None if profile.thread else _pairs(body_lines, profile)
    if pairs:
        found = [_questions(request, False, openings)[0] for request, _ in pairs]
        questions = _labelled([q for group in found for q in group])
        answers, statements, at = [], [], 0
        for (_, answer_lines), group in zip(pairs, found, strict=True):
            group, at = questions[at : at + len(group)], at + len(group)
            if not by_question:
                continue
            if len(group) == 1 and group[0].number is None:
                answers.append(Answer(group[0].label, "\n".join(answer_lines).strip()))
            else:
                own, loose = _answers(answer_lines, group, openings)
                answers += own
                statements += loose
        request = "\n".join(line for request, _ in pairs for line in request)
        answer = "\n".join(line for _, answer in pairs for line in answer)
        return request, answer, questions, answers, statements

    # Only a reading by question looks for one: an adapter's rules read the text themselves.
    table = _question_table(body_lines) if by_question and not profile.thread else None
    if table:
        return _from_the_table(*table)

    # A sheet named as a request's or an answer's heading ("Response") is that heading; not
    # the first sheet, whose name may stand for the whole workbook ("Response" over a letter).
    headed, headed_lower = body_lines, lower
    if sheets:
        first = next((i for i, line in enumerate(body_lines) if line in sheets), -1)
        headed = [
            sheets.get(line, line) if i > first else line for i, line in enumerate(body_lines)
        ]
        headed_lower = None
    request_at = _first_line(headed, profile.request, 0, headed_lower)
    answer_from = 0 if request_at is None else request_at + 1
    answer_at = _first_line(headed, profile.answer, answer_from, headed_lower)
    # An answer heading that comes back ("Answer" after each question) answers question by question.
    repeats = (
        answer_at is not None
        and not profile.thread  # in a thread each message signs off: not an answer's heading
        and body_lines.count(body_lines[answer_at]) > 1
    )
    interleaved = answer_at is None or repeats
    request_start = request_at + 1 if request_at is not None else 0
    if interleaved or answer_at is None:
        request_lines, answer_lines = body_lines[request_start:], []
    else:
        # The answer's heading ("Response", "Decision") is not part of it; a sentence is.
        heading = _short(body_lines[answer_at])
        request_lines = _under_its_heading(body_lines[request_start:answer_at])
        answer_lines = body_lines[answer_at + 1 if heading else answer_at :]
        if profile.thread and request_at is not None:
            greeting = body_lines[request_at]
            answer_lines = _from_the_reply(answer_lines, greeting, profile)
            answer_lines = _without_requesters_messages(answer_lines, greeting, profile)
    found, answer_texts = _questions(request_lines, interleaved, openings)
    questions = _labelled(found)
    answers = []
    if answer_texts and by_question:  # each numbered block held its own answer
        answers = [
            Answer(q.label, text) for q, text in zip(questions, answer_texts, strict=True) if text
        ]
    statements = []
    if answer_lines and by_question:
        answers, statements = _answers(answer_lines, questions, openings)
    if profile.preamble_answers and by_question:
        statements = _preamble_statements(request_lines, questions) + statements
    request, answer = "\n".join(request_lines).strip(), "\n".join(answer_lines).strip()
    return request, answer, questions, answers, statements


SHEET_NAMES_KEPT: Final = 256  # sheets' mention patterns kept compiled (a workbook has a few)


def _sheets_apart(
    lines: list[str], lower: list[str] | None, sheets: dict[str, str], profile: Profile
) -> tuple[list[tuple[str, list[str]]], list[str], list[str] | None]:
    """The sheets of figures among a workbook's `lines` (see `_split`), each (name, lines),
    and the other lines (with their lowered `lower`) without them. Where every sheet is one
    of figures, none is read apart: no other sheet holds the request they answer."""
    openings = [i for i, line in enumerate(lines) if line in sheets] + [len(lines)]
    apart: list[tuple[str, list[str]]] = []
    kept = list(range(openings[0]))
    for at, following in zip(openings, openings[1:], strict=False):
        own = [sheets[lines[at]], *lines[at + 1 : following]]  # a sheet named "Response" too
        if any(_opens_a_part(line, profile) for line in own):
            kept += range(at, following)
        else:
            apart.append((sheets[lines[at]], own[1:]))
    if not apart or len(apart) == len(openings) - 1:
        return [], lines, lower
    return apart, [lines[i] for i in kept], None if lower is None else [lower[i] for i in kept]


def _opens_a_part(line: str, profile: Profile) -> bool:
    """Whether `line` numbers a question or an answer, or heads a request or an answer."""
    stripped = line.strip()
    return (
        _numbered(stripped) is not None
        or question_headings().match(stripped) is not None
        or any(p is not None and p.search(line) for p in (profile.request, profile.answer))
    )


def _with_sheets(
    apart: list[tuple[str, list[str]]],
    request: str,
    answer: str,
    questions: list[Question],
    answers: list[Answer],
    statements: list[Statement],
):
    """`_split`'s parts with the sheets read apart added: a sheet's lines are the answer of the
    one question whose answer names the sheet ("2. Please see the Data sheet."), or of the
    request's only question; where no answer, or several, name it, nothing says which
    question the sheet answers, and its lines are statements of none (left for a person)."""
    texts = {a.question: a.text for a in answers}
    for name, lines in apart:
        own = [line for line in lines if line.strip()]
        naming = {a.question for a in answers if _names_sheet(a.text, name)} | {
            s.covers[0] for s in statements if len(s.covers) == 1 and _names_sheet(s.text, name)
        }
        if len(questions) == 1:
            naming = {questions[0].label}
        if len(naming) == 1:
            label = naming.pop()
            texts[label] = "\n".join([texts.get(label, ""), *own]).strip()
        elif questions:  # with no question, the answer is read whole (`answer`)
            statements = [*statements, *(Statement(line.strip(), ()) for line in own)]
        answer = "\n".join([answer, *lines]).strip()
    answers = [Answer(q.label, texts[q.label]) for q in questions if texts.get(q.label)]
    return request, answer, questions, answers, statements


def _names_sheet(text: str, name: str) -> bool:
    """Whether `text` points to the sheet `name`: "see the Data sheet", "tab 'Data'", or the
    name alone where it is a sheet's word itself ("see Sheet2")."""
    return _sheet_mention(name).search(text) is not None


@lru_cache(maxsize=SHEET_NAMES_KEPT)
def _sheet_mention(name: str) -> re.Pattern:
    words = sheet_words()
    quoted = rf"[\"'‘“]{re.escape(name)}[\"'’”]"
    bare = rf"(?<!\w){re.escape(name)}(?!\w)"
    if re.search(rf"\b(?:{words})(?=\d|\b)", name, re.I):
        return re.compile(rf"{quoted}|{bare}", re.I)
    return re.compile(
        rf"{quoted}|\b(?:{words})s?\s+(?:called\s+|named\s+|headed\s+|titled\s+)?{bare}"
        rf"|{bare}\s+(?:{words})\b",
        re.I,
    )


TABLE_HEADING_MAX: Final = 80  # characters of a heading row naming two or three columns


def _question_table(lines: list[str]) -> tuple[list[tuple[str, str]], list[str]] | None:
    """The rows of a table of questions and their answers ("Question | Response" above "1. How
    many kiosks? | 9"), each (question, answer), and the lines below it; None where the text
    has no such table. A row whose answer cell is empty ends with its question."""
    number, asked, answered = question_table()
    for index, line in enumerate(lines):
        if len(line) > TABLE_HEADING_MAX or line.count(" | ") not in (1, 2):
            continue
        heading = [cell.strip() for cell in line.split(" | ")]
        numbered = len(heading) == 3 and number.match(heading[0])
        if len(heading) == 3 and not numbered:
            continue
        if not (asked.match(heading[-2]) and answered.match(heading[-1])):
            continue
        rows, end = [], index + 1
        for end in range(index + 1, len(lines)):
            cells = [cell.strip() for cell in lines[end].split(" | ")]
            if not lines[end].strip():
                continue
            if len(cells) == 1 and _numbered(cells[0]) is None:
                break  # the text below the table
            if numbered:  # "1 | How many kiosks? | 9": the number is the question's
                cells = [f"{cells[0]}. {cells[1]}" if len(cells) > 1 else cells[0], *cells[2:]]
            if cells[0]:  # a row with no question continues the answer above it
                rows.append((cells[0], " | ".join(cells[1:])))
            elif rows:
                rows[-1] = (rows[-1][0], f"{rows[-1][1]}\n{' | '.join(cells[1:])}".strip())
        else:
            end = len(lines)
        return (rows, lines[end:]) if rows else None
    return None


def _from_the_table(rows: list[tuple[str, str]], after: list[str]):
    """`_split`'s parts of a response whose questions and answers stand side by side in a table
    (`_question_table`): each row's answer is its question's; the lines below the table are
    read as an answer's are, for any answer or statement they add."""
    questions = _labelled([_questions([asked], False)[0][0] for asked, _ in rows])
    answers = [Answer(q.label, given) for q, (_, given) in zip(questions, rows, strict=True)]
    answers = [answer for answer in answers if answer.text]
    statements = []
    if after:  # a note below the table ("Section 31 applies to question 3")
        more, statements = _answers(after, questions)
        answered = {answer.question for answer in answers}
        answers += [answer for answer in more if answer.question not in answered]
    request = "\n".join(asked for asked, _ in rows)
    answer = "\n".join([*(given for _, given in rows), *after]).strip()
    return request, answer, questions, answers, statements


def _under_its_heading(request_lines: list[str]) -> list[str]:
    """A request's lines without the heading over its text ("Request" below a letter's "Dear
    ..."): the heading is no part of the question."""
    first = next((i for i, line in enumerate(request_lines) if line.strip()), None)
    if first is None or not question_headings().match(request_lines[first].strip()):
        return request_lines
    return request_lines[first + 1 :]


def _from_the_reply(lines: list[str], greeting: str, profile: Profile) -> list[str]:
    """A thread's answer from the greeting of the force's reply: the lines before it, after
    the request's sign-off, are the requester's signature. Where the next message is the
    requester's own, they are its signature only when they hold no sentence; where none opens
    with a greeting, the lines are kept: a reply may open without one."""
    request = profile.request
    at = _first_line(lines, request)
    if request is None or at is None:
        return lines
    if _requesters(lines[at], greeting.strip().lower()) and any(
        line.rstrip().endswith((".", "?", "!")) for line in lines[:at]
    ):
        return lines
    return lines[at:]


def _requesters(line: str, opening: str) -> bool:
    """Whether a message's greeting is the requester's: the request's own, or to a force."""
    return line.strip().lower() == opening or bool(forces_named(line))


def _without_requesters_messages(lines: list[str], greeting: str, profile: Profile) -> list[str]:
    """A thread's answer without the requester's later messages: each from a greeting as the
    request's ("Dear Cumbria Constabulary,") or of a police force, as the force's own never are,
    to the next message's greeting."""
    request = profile.request
    if request is None:
        return lines
    opening = greeting.strip().lower()
    kept: list[str] = []
    requesters = False
    for line in lines:
        if request.search(line):
            requesters = _requesters(line, opening)
        if not requesters:
            kept.append(line)
    return kept


def _preamble_statements(request_lines: list[str], questions: list[Question]) -> list[Statement]:
    """The sentences above a numbered request's first question (see `preamble` in
    schemas/layouts.yaml), each covering the questions it names (all when it names none)."""
    first = next((i for i, line in enumerate(request_lines) if _numbered(line.strip())), None)
    if first is None or not questions or questions[0].number is None:
        return []
    sentences = [
        line
        for line in request_lines[:first]
        if not _short(line) and line.rstrip().endswith(SENTENCE_END)
    ]
    return [
        Statement(part.strip(), covers)
        for line in sentences
        for part in _coverage_parts(line)
        if (covers := _covers(part, None, questions))
    ]


def _heading_matches(question_heading: str | None, answer_heading: str | None) -> bool:
    if not question_heading or not answer_heading:
        return False
    q, a = question_heading.lower(), answer_heading.lower()
    return a.startswith(q) or q.startswith(a) or q in a


def _answers(
    answer_lines: list[str], questions: list[Question], sheets: frozenset[str] = frozenset()
):
    headings = tuple(dict.fromkeys(q.heading for q in questions if q.heading))
    blocks, loose = _segments(answer_lines, headings, sheets=sheets)
    by_key: dict[str | None, list[Question]] = {}
    for question in questions:
        by_key.setdefault(question.key, []).append(question)
    answers: dict[str, list[str]] = {}
    unmatched = []
    unplaced: list[list[str]] = []  # answers to one of several groups' questions, none sure
    for _, key, heading, block, restarted in blocks:
        candidates = by_key.get(key, [])
        if not candidates and key[-1:].isalpha():  # "a)" under answer 1 where 1 has no parts
            candidates = by_key.get(key.rstrip("abcdefghijklmnopqrstuvwxyz"), [])
        if len(candidates) > 1:  # groups numbered each from 1: the heading or the words decide
            grouped = (
                [] if restarted else [q for q in candidates if _heading_matches(q.heading, heading)]
            )
            candidates = (
                grouped if len(grouped) == 1 else _restated(block[0], grouped or candidates)
            )
            if len(candidates) != 1:
                if not any(block is other for other in unplaced):  # "1-3." is one block
                    unplaced.append(block)
                continue
        if len(candidates) == 1:
            # a part's letter ("a)" under an answer whose question has none) tells it apart
            own = _after_number(block) if candidates[0].key == key else block
            answers.setdefault(candidates[0].label, []).extend(own)
        else:
            unmatched.extend(block)
    statements = [
        Statement(part.strip(), _covers(part, heading, questions))
        for line, heading in loose
        for part in _coverage_parts(line)
    ] + [
        Statement(line.strip(), _covers(line, None, questions, named_only=True))
        for line in unmatched
        if line.strip()
    ]
    # An answer that may be any of several groups' ("Q1" under no heading) covers none: even
    # the number it names does not say which group's question it answers.
    statements += [
        Statement(line.strip(), ()) for block in unplaced for line in block if line.strip()
    ]
    ordered = [
        Answer(q.label, text)
        for q in questions
        if (text := "\n".join(answers.get(q.label, ())).strip())
    ]
    return ordered, statements


def _after_number(block: list[str]) -> list[str]:
    """An answer's block with its number taken off its first line: the rest of that line
    ("2022 = 1,100" of "1. 2022 = 1,100") is the answer's first line."""
    first = block[0].strip()
    match = _numbered(first)
    if match is None:
        return block
    rest = first[match.end() :].strip()  # a number on a line of its own took the lines below
    return [rest, *block[1:]] if rest else block[1:]


RESTATED_SHARE: Final = 0.8  # of the line's words that are the question's
RESTATED_COVER: Final = 0.6  # of the question's words the line repeats
RESTATED_MIN_WORDS: Final = 5
WORD: Final = re.compile(r"[a-z0-9]+")


def _restated(line: str, candidates: list[Question]) -> list[Question]:
    """The candidates whose question an answer's numbered `line` restates (answers often quote
    it first, sometimes with other years): most of the line's words are the question's, and it
    repeats most of the question, numbers aside. Groups ask alike of each technology, so where
    several fit, those whose own words (words the others lack) the line holds."""
    said = WORD.findall(_unnumbered(line).lower())
    if len(said) < RESTATED_MIN_WORDS:
        return []
    held = set(said)
    asked = [set(WORD.findall(_unnumbered(q.text).lower())) for q in candidates]
    fitting = [
        k
        for k, words in enumerate(asked)
        if sum(word in words for word in said) >= RESTATED_SHARE * len(said)
        and len(words & held) >= RESTATED_COVER * len(words)
    ]
    if len(fitting) > 1:
        own = {k: asked[k].difference(*(asked[o] for o in fitting if o != k)) for k in fitting}
        fitting = [k for k in fitting if own[k] & held]
    return [candidates[k] for k in fitting]


def _unnumbered(text: str) -> str:
    stripped = text.strip()
    match = _numbered(stripped)
    return stripped[match.end() :] if match else stripped


def _coverage_parts(line: str) -> list[str]:
    """A line whose sentences name different questions, one sentence at a time."""
    _, mentions, _ = structure()
    if not mentions.search(line):
        return [line]
    return [p for p in re.split(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])", line.strip()) if p]


def _covers(
    line: str, heading: str | None, questions: list[Question], named_only: bool = False
) -> tuple[str, ...]:
    """The questions a loose line of the answer speaks for (see `Statement`). With
    `named_only` (a line numbered for a question the request does not number, as a list
    numbered on from the request's), only those it names: it is not about the whole response."""
    _, mentions, _ = structure()
    scope = [q for q in questions if _heading_matches(q.heading, heading)] or questions
    lowered = line.lower()
    named_heading = [q for q in questions if q.heading and q.heading.lower() in lowered]
    if named_heading:
        scope = named_heading
    keys: set[str] = set()
    for match in mentions.finditer(line):
        first, last = match["first"], match["last"]
        low, high = _number_of(first), _number_of(last or "")
        if low is not None and high is not None and match["joiner"] not in ("and", "&", ","):
            keys.update(str(n) for n in range(low, high + 1))
            keys.update(
                q.key
                for q in scope
                if q.key and (number := _number_of(q.key)) is not None and low <= number <= high
            )
        else:
            keys.update(k.lower() for k in (first, last) if k)
    unnumbered = len(questions) == 1 and questions[0].number is None
    covered = (
        [q for q in scope if q.key in keys] if keys or (named_only and not unnumbered) else scope
    )
    return tuple(q.label for q in (covered or (scope if unnumbered else [])))


def questions_named(text: str, questions: tuple[Question, ...]) -> tuple[str, ...]:
    """The labels of the questions `text` names, by number ("in respect of question 2",
    "part 1") or by its group's heading; none where it names none."""
    _, mentions, _ = structure()
    lowered = text.lower()
    if mentions.search(text) is None and not any(
        q.heading and q.heading.lower() in lowered for q in questions
    ):
        return ()
    return _covers(text, None, list(questions))


def _number_of(key: str) -> int | None:
    """The number a question's key starts with ('2a' -> 2), if it starts with one."""
    digits = LEADING_NUMBER.match(key)
    return int(digits[0]) if digits else None


def _sheet_openings(document: Document) -> dict[str, str]:
    """The lines that open the sheets of a workbook of several, each with its sheet's name."""
    if len(document.table_names) < 2 or sheet_line("") not in document.text:
        return {}
    return {sheet_line(name): name for name in document.table_names}


def _body(
    lines: list[str], lower: list[str] | None, profile: Profile, sheets: dict[str, str]
) -> list[int]:
    """The indexes of the body's lines: from the profile's start to its footer. A workbook's
    sheets after the footer's are read too, each to its own footer: a letter's sign-off on the
    first sheet does not end the sheets of figures after it."""
    start = _first_line(lines, profile.start, 0, lower) or 0
    end = _first_line(lines, profile.footer, start + 1, lower)
    if end is None:
        return list(range(start, len(lines)))
    body = list(range(start, end))
    openings = [i for i in range(end, len(lines)) if lines[i] in sheets] + [len(lines)]
    for at, following in zip(openings, openings[1:], strict=False):
        footer = _first_line(lines, profile.footer, at + 1, lower)
        body += range(at, following if footer is None else min(footer, following))
    return body


def read_response(
    document: Document,
    source_url: str | None = None,
    force_id: str | None = None,
    by_question: bool = True,
) -> Response:
    """The response `document` holds, read through the layout profile that fits it best.

    `source_url` (the page's address, when the user knows it) helps choose the layout and
    may give the force, the reference and the month of publication. `force_id` is the force
    when the caller knows it (an adapter reads only its own force's responses): the text is
    then not read for it. Without `by_question`, the answer is not split into each question's
    answer and the overall statements (`answers` and `statements` are left empty): an
    adapter whose rules read the text itself needs only the questions and the answer whole."""
    text = document.text
    whole = _whole(text)  # fields may stand in chrome or footer lines ("Date Responded ...")
    profile = _choose(whole, source_url)
    lines, lower = text.split("\n"), _lowered_lines(whole)
    kept_at = _unchromed(lines, lower, profile.chrome)
    kept = [lines[i] for i in kept_at]
    kept_lower = None if lower is None else [lower[i] for i in kept_at]
    sheets = _sheet_openings(document)
    body_at = _body(kept, kept_lower, profile, sheets)
    body_lines = [kept[i] for i in body_at]
    body = "\n".join(body_lines).strip("\n")

    body_lower = None if kept_lower is None else [kept_lower[i] for i in body_at]
    request, answer, questions, answers, statements = _split(
        body_lines, profile, by_question, body_lower, sheets
    )

    evidence: str | None = "the adapter that reads it"
    if not force_id:
        force_id, evidence = _force(profile, whole, kept, body, source_url)
    reference = _field(profile, "reference", whole) or _url_field(profile, "reference", source_url)
    month = _url_field(profile, "month", source_url)
    return Response(
        layout=profile.id,
        force_id=force_id,
        reference=reference,
        response_date=parse_date(_field(profile, "response_date", whole)),
        request_date=parse_date(_field(profile, "request_date", whole)),
        title=_field(profile, "title", whole),
        body=body,
        request=request,
        answer=answer,
        questions=tuple(questions),
        answers=tuple(answers),
        statements=tuple(statements),
        status_lines=tuple(
            line.strip() for line in kept if profile.status and profile.status.search(line)
        ),
        response_month=parse_month(month) if month else None,
        source_url=source_url,
        force_evidence=evidence,
    )
