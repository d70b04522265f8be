"""The figures of an answer's tables: rows starting with a period (`2018 | 8145`, or columns
aligned by spaces), one value column or several, whose headings tell their measure or breakdown
value; and periods as columns (`| 2018 | 2019 |`), a row per measure or breakdown value.
`read_tables` records them through the answer's `Recorder` (meaning.recording).
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from ...schemas.vocabulary import BREAKDOWNS, OUTCOME_ONLY_MEASURES
from ..cleaning import ESTIMATE_BEFORE, infer_qualifier
from ..layouts.data import schema_yaml
from .periods import period_named
from .questions import named, parts_labelled
from .recording import (
    A_BOUND,
    BOUND,
    BOUND_AFTER,
    BREAKDOWN_WORDS,
    FOOTNOTE_MARK,
    MONEY,
    MONEY_MEASURES,
    NUMBER,
    RANGE_CELL,
    RUNNING,
    Recorder,
    TableLabel,
    Unsure,
    a_range,
    candidates,
    footnote_mark_reason,
    id_words,
    money_written,
    parts_named,
    two_measures_at_once,
    written_in_a_scale,
)
from .text import sentences

FOOTNOTED_CELL: Final = re.compile(rf"(?P<value>{NUMBER})(?P<mark>{FOOTNOTE_MARK.pattern})")
# A cell of a value with words around it: "over 30", "<5", "5+", "5 or fewer".
WORDED_CELL: Final = re.compile(rf"(?P<before>\D*?)(?P<value>{NUMBER})(?P<after>\D*)")
# A mark standing in a cell for a number not shown, and the words of a footnote saying so.
SUPPRESSION_MARK: Final = re.compile(r"\*{1,3}|[-–—†‡#~]")
SUPPRESSED: Final = re.compile(
    r"\bnot (?:been )?(?:shown|given|published|disclosed|provided|released|included)\b"
    r"|\bsuppress|\bwithh(?:eld|old)|\bredact|\b(?:fewer|less) than \d|\b(?:under|below) \d"
    r"|\bsmall numbers?\b",
    re.I,
)
# A bound below a number ("<5", "fewer than 5"), and the words of a note saying numbers under it
# are not shown ("Figures under 5 are not shown to protect individuals").
BELOW: Final = re.compile(r"[<≤]|\b(?:fewer|less|lower)\s+than\b|\b(?:under|below)\b", re.I)
NOT_SHOWN: Final = re.compile(
    r"\bnot (?:been )?(?:shown|given|published|disclosed|provided|released|included)\b"
    r"|\bsuppress|\bwithh(?:eld|old)|\bredact",
    re.I,
)
# A cell saying no figure is given ("n/a", "not available", "not recorded"), and a zero written
# as a word ("Nil", "None", "Zero").
NOT_GIVEN_CELL: Final = re.compile(
    r"n\s?/\s?a|n\.a\.?|not (?:available|applicable|known|recorded|held|collated)|unknown|no data",
    re.I,
)
ZERO_WORD_CELL: Final = re.compile(r"nil|none|zero|nought", re.I)
# A table's cell holding a value, with its own words for it: before it ("approx. 500", "c. 40")
# or in brackets after it ("500 (approx.)", "1,400 (not complete)").
CELL_VALUE: Final = re.compile(
    rf"(?:(?:{ESTIMATE_BEFORE})\s*)?(?P<value>{NUMBER})(?P<percent>\s?%)?(?P<note>\s*\([^()]*\))?",
    re.I,
)
CELL_SPLIT: Final = re.compile(r"\s*\|\s*|\t+|\s{2,}")
WHITESPACE_CELL: Final = re.compile(r"\S+(?: \S+)*")  # a cell of a table aligned by spaces
WORD: Final = re.compile(r"\S+")
BLANK_CELL: Final = "a blank cell: which column each value stands in is not sure"
JOINED_HEADINGS: Final = "headings run together: which column each value stands in is not sure"
SEVERAL_MEASURES: Final = (
    "the heading names several measures: which one each value counts is not sure"
)
SEVERAL_VALUES: Final = (
    "the heading names several breakdown values: which one each value counts is not sure"
)
# Words that join a measure's words into one phrase in a heading ("Searches resulting in a
# match", "Matches from searches"), and those that list a breakdown's values ("Police and
# immigration"); "and" between two measures ("Searches and matches") heads two columns.
PHRASE_WORDS: Final = frozenset(
    "resulting resulted result leading led to in into a an the that which where with from of for"
    " by per following after giving gave returning returned producing".split()
)
LIST_WORDS: Final = frozenset({"and", "&", "or", "/", ","}) | PHRASE_WORDS
# The values of each breakdown that has a closed list ("police", "immigration"), as
# Recorder.topic_for finds them: from a word's start.
BREAKDOWN_VALUES: Final = tuple(
    re.compile(rf"\b(?:{'|'.join(re.escape(v) for v in sorted(values))})", re.I)
    for values in BREAKDOWNS.values()
    if values
)
# A column's heading or a row's label saying its values are a running total (RUNNING).
RUNNING_HEADING: Final = re.compile(RUNNING, re.I)
NOT_LINED_UP: Final = (
    "the row's cells do not line up with the heading row's periods: which period each value "
    "is of is not sure"
)
# A column's heading or a row's label saying its values are the total of others beside them.
TOTAL: Final = re.compile(r"\btotal\b", re.I)
# A label standing for every part of a breakdown, not one of them: "Total", "All", "Overall".
WHOLE: Final = re.compile(r"\b(?:total|all|overall)\b", re.I)
# A row of a table of periods down that gives no period's figure but the sum of those above.
TOTAL_ROW: Final = "a total of the rows above, not a period's figure"
# Words that make a plain number a rate or an average, not a count: "Match rate", "average".
RATE: Final = re.compile(
    r"\b(?:rates?|averages?|mean|ratio|proportion|percentage|per\s?cent)\b", re.I
)


def _not_a_periods_count(words: str, percent: bool, where: str) -> str | None:
    """Why the values a column's heading or a row's label (`where`) stands over are not a
    period's count: a rate or an average, or a running total; None when they may be."""
    if RATE.search(words) and not percent:
        return f"a rate or an average (its {where} says so), not a count"
    if RUNNING_HEADING.search(words):
        return f"a running total (its {where} says so), not a period's figure"
    return None


def read_tables(reader: Recorder, lines: list[str]) -> None:
    """Reads the tables among an answer's `lines` (each a run of lines of two cells or more)
    and records their figures and unsure numbers through `reader`, marking the lines read
    in `reader.used` and the footnotes saying a mark hides a number in `reader.footnotes`."""
    index = 0
    while index < len(lines):
        if len(_cells(lines[index])) < 2:
            index += 1
            continue
        end = index
        while end < len(lines) and (len(_cells(lines[end])) >= 2 or _blank_row(lines, end)):
            end += 1
        _table(reader, lines, index, end)
        index = end


def _blank_row(lines: list[str], at: int) -> bool:
    """Whether the line at `at`, inside a run of a table's rows, is a row of a period whose
    cells are all blank ("31/03/2022" between "31/03/2021 | 14" and "31/03/2023 | 26"): the
    readers leave out a row's empty last cells, so a row of blanks is its period alone."""
    if at + 1 >= len(lines) or "|" not in lines[at + 1]:
        return False
    alone = _cells(lines[at])
    if len(alone) != 1 or period_named(alone[0].strip()) is None:
        return False
    after = _cells(lines[at + 1])
    return len(after) >= 2 and period_named(after[0]) is not None


def _table(reader: Recorder, lines: list[str], start: int, end: int) -> None:
    rows = [(i, _cells(lines[i])) for i in range(start, end)]
    bars = any("|" in lines[i] for i in range(start, end))
    # the columns a row of a period gives a value in ("30", "Nil", "n/a"; not a note's words):
    # a blank in one is a figure not given
    filled = {
        column
        for _, cells in rows
        if period_named(cells[0]) is not None
        for column, cell in enumerate(cells[1:], start=1)
        if CELL_VALUE.fullmatch(cell) or _said_in_words(cell)
    }
    # the figures the table gave: where each stands in reader.figures, its column's heading
    # or row's label, and its value as written
    added: list[tuple[int, str, str]] = []
    across = False  # whether the table's periods are its columns
    header: list[str] = []
    heads: list[tuple[int, int]] = []  # where each heading stands, in a table aligned by spaces
    joined: list[tuple[int, int]] = []  # where headings run together that no position parts
    down = False  # whether a row has started with its period
    parts_beside = _parts_among(rows)
    label_columns = _label_columns(rows)
    # a heading row of parts above or beneath the row of periods ("Male | Female | Male")
    sub_heads: list[str] = []
    # a row of periods alone ("2021 | 2022") is a heading row that leaves out its corner,
    # unless it stands under headings or rows of periods down, as a row of its own
    for i, cells in rows:
        beside = ""  # a note beside the row, under no heading: "(provisional figure)"
        across_named = sum(period_named(c) is not None for c in cells[1:])
        if across_named >= 2 or (  # periods as columns
            not (down or header) and across_named == len(cells) - 1 and period_named(cells[0])
        ):
            above = header if header and not any(period_named(c) for c in header) else []
            sub_heads = above if above and _parts_heading(above) else []
            header, heads, joined = cells, _heading_spans(lines[i]), []
            reader.used.add(i)
            _part_labels(reader, lines[i], cells)
            periods = tuple(p for c in cells if (p := period_named(c)) is not None)
            reader.period_headings.append((lines[i], periods))
            continue
        across_header = bool(header) and any(period_named(c) for c in header[1:])
        if across_header and _sub_heads(cells):
            sub_heads = cells
            reader.used.add(i)
            _part_labels(reader, lines[i], cells)
            continue
        if header and candidates(lines[i]):
            beneath_joined = bool(joined) and _beneath(lines[i], joined)
            placed = None if beneath_joined else _placed(lines[i], cells, header, heads)
            if placed is None:
                reader.used.add(i)
                reason = JOINED_HEADINGS if beneath_joined else BLANK_CELL
                for cell in cells[1:]:
                    valued = CELL_VALUE.fullmatch(cell)
                    if valued:
                        reader.unsure.append(
                            Unsure(valued["value"], lines[i], reason, reader.label)
                        )
                continue
            beside = " ".join([c for c in cells[1:] if c not in placed])
            cells = placed
        if header and any(period_named(c) for c in header[1:]):
            across = True
            crossing = _Crossing(label_columns, sub_heads)
            _row_across(reader, lines[i], cells, header, added, parts_beside, crossing)
            reader.used.add(i)
            continue
        period = period_named(cells[0])
        if period is None:
            # a heading row: it names the columns below, some by their numbers ("Under 18")
            if not candidates(lines[i]) or _parts_heading(cells):
                header, heads, joined = _headings(lines[i], cells, lines[i + 1 : end])
                reader.used.add(i)
                _part_labels(reader, lines[i], cells)
                periods = tuple(p for c in header[1:] if (p := period_named(c)) is not None)
                if periods:  # one period over the labels' column ("Ethnicity | 2023")
                    reader.period_headings.append((lines[i], periods))
            elif down and TOTAL.search(cells[0]):
                reader.used.add(i)
                _total_row(reader, lines[i], cells)
            elif header and not down and not any(map(period_named, header)):
                if _no_period(reader, lines[i], cells, header):
                    reader.used.add(i)
            continue
        reader.used.add(i)
        down = True
        values = [c for k, c in enumerate(cells[1:], start=1) if c and k not in label_columns]
        several = len(values) > 1
        counts_beside = several and any(period_named(c) is None for c in values)
        # A heading row without the period column's heading names the value columns only.
        headings = [""] + header if len(header) == len(cells) - 1 else header
        row_parts = _row_parts(cells, label_columns)
        _part_labels(reader, lines[i], row_parts)
        # the row's blank cells, its empty last ones left out by the readers too
        blanks = [k for k, c in enumerate(cells[1:], start=1) if not c]
        blanks += range(len(cells), len(headings)) if bars else ()
        for column in blanks:
            if column in filled and column not in label_columns and headings[column]:
                _blank(reader, period.label, headings[column])
        for column, cell in enumerate(cells[1:], start=1):
            if column in label_columns:
                continue
            match = CELL_VALUE.fullmatch(cell)
            if not match:
                _unread_cell(reader, cell, lines[i])
                continue
            value = match["value"]
            heading = headings[column] if column < len(headings) else ""
            said = _not_a_periods_count(heading, bool(match["percent"]), "column")
            if said:
                reader.unsure.append(Unsure(value, lines[i], said, reader.label))
                continue
            if several and not heading:
                reader.unsure.append(
                    Unsure(value, lines[i], "a column without a heading", reader.label)
                )
                continue
            doubt = _several_named(heading) if " " in heading else None
            if doubt:
                reader.unsure.append(Unsure(value, lines[i], doubt, reader.label))
                continue
            if _doubt_in_cell(reader, match, lines[i]):
                continue
            if several and beside and infer_qualifier(beside) != "exact":
                reason = "a note beside the row: which of its values it qualifies is not sure"
                reader.unsure.append(Unsure(value, lines[i], reason, reader.label))
                continue
            label = _label(heading, None, parts_beside)
            if row_parts:
                parts = [*row_parts, *([heading] if _names_a_part(heading) else [])]
                label = _part_label(parts, reader, value, lines[i])
                if label is None:
                    continue
            unit = "percent" if match["percent"] else "count"
            # the column's heading qualifies every figure under it ("Extractions (approx.)"),
            # a cell's own words its figure alone
            qualifying = f"{heading} {cell} {beside}"
            before = len(reader.figures)
            words = heading or reader.question_text
            # a value under a heading naming no period, in a row whose other values are counts,
            # is a count, never a year ("2023 | 1,502 | 410 | 1912" under "Year | Kiosk | Lab |
            # Total"); alone in its row ("2021 | 2022") it may be a heading's year
            a_count = bool(heading) and period_named(heading) is None and counts_beside
            reader.add(
                value, unit, period, lines[i], words, qualifying, label=label, a_count=a_count
            )
            if len(reader.figures) > before and heading:
                added.append((before, heading, value))
    if len(added) > 0:
        _one_total(reader, added, "row" if across else "column")


def _row_across(
    reader: Recorder,
    line: str,
    cells: list[str],
    header: list[str],
    added: list[tuple[int, str, str]],
    parts_beside: str | None,
    crossing: "_Crossing",
) -> None:
    label = cells[0]
    lined_up = _across_headings(header, cells, "|" in line)
    if lined_up is None:
        for cell in cells[1:]:
            valued = CELL_VALUE.fullmatch(cell)
            if valued:
                reader.unsure.append(Unsure(valued["value"], line, NOT_LINED_UP, reader.label))
        return
    header = lined_up
    table_label = _label(label, _one_open_breakdown([header[0]]), parts_beside)
    several = _several_named(label) if " " in label else None  # "Searches and matches"
    several = several or two_measures_at_once(header[0])  # the corner: what all count
    row_parts = _row_parts(cells, crossing.label_columns)
    if table_label and (table_label.part_of or parts_labelled(label) or parts_named(label)):
        row_parts = [label, *row_parts]
    _part_labels(reader, line, [label, *row_parts])
    # the row's blank cells under a period, its empty last ones left out by the readers too,
    # where it gives a value under another
    blanks = [k for k, c in enumerate(cells[1:], start=1) if not c]
    blanks += range(len(cells), len(header)) if "|" in line else ()
    if any(CELL_VALUE.fullmatch(c) for c in cells[1:]):
        for column in blanks:
            blank_period = period_named(header[column]) if column < len(header) else None
            if blank_period is not None and column not in crossing.label_columns:
                _blank(reader, blank_period.label, label)
    # a period heading two columns or more, whose heads beneath name no parts ("2021/22 |
    # 2021/22" over "Searches | Matches", or nothing): the row's one measure cannot be both
    repeated = {h for h in header[1:] if h and header.count(h) > 1 and period_named(h)}
    for column, cell in enumerate(cells[1:], start=1):
        if column in crossing.label_columns:
            continue
        match = CELL_VALUE.fullmatch(cell)
        heading = header[column] if column < len(header) else ""
        period = period_named(heading) if heading else None
        sub_head = crossing.sub_heads[column] if column < len(crossing.sub_heads) else ""
        said = _not_a_periods_count(label, bool(match["percent"]), "row") if match else None
        doubt = said or several
        if heading in repeated and not _names_a_part(sub_head):
            doubt = doubt or (
                f"one of the columns headed '{heading}'"
                + (f" ('{sub_head}')" if sub_head else "")
                + ": which of them counts what the row's label names is not sure"
            )
        if match is None:
            _unread_cell(reader, cell, line)
        elif doubt:
            reader.unsure.append(Unsure(match["value"], line, doubt, reader.label))
        elif not _doubt_in_cell(reader, match, line):
            value_label = table_label
            parts = [*row_parts, *([sub_head] if _names_a_part(sub_head) else [])]
            if parts and parts != [label]:
                value_label = _part_label(parts, reader, match["value"], line)
                if value_label is None:
                    continue
            unit = "percent" if match["percent"] else "count"
            # the row's label and the column's heading qualify the cell, as its own words do
            qualifying = f"{label} {heading} {cell}"
            words = label or reader.question_text
            before = len(reader.figures)
            reader.add(
                match["value"],
                unit,
                period,
                line,
                words,
                qualifying,
                label=value_label,
                a_count=period is not None,  # beneath a period's heading: a count, not a year
            )
            if len(reader.figures) > before and label:
                added.append((before, label, match["value"]))


@dataclass(frozen=True)
class _Crossing:
    """What a table's values may be parts of besides their row's label: its columns of labels
    naming parts (`label_columns`, "Sex" beside "Age") and a heading row of parts beneath or
    above its periods (`sub_heads`)."""

    label_columns: frozenset[int]
    sub_heads: list[str]


def _label_columns(rows: list[tuple[int, list[str]]]) -> frozenset[int]:
    """The columns after the first of a table's rows of values holding labels, not values: no
    cell of the column a value, one at least naming a part of a breakdown ("2023 | White | 40",
    "Under 18 | Male | 10 | 12"), and none, its heading too, a measure or a technology (a bound
    "over 30" beneath "Searches" is a value's)."""
    valued = [cells for _, cells in rows if any(CELL_VALUE.fullmatch(c) for c in cells[1:])]
    columns = {k for cells in valued for k in range(1, len(cells))}
    return frozenset(
        k
        for k in columns
        if (labels := [cells[k] for cells in valued if k < len(cells) and cells[k]])
        and not any(CELL_VALUE.fullmatch(c) or period_named(c) for c in labels)
        and any(_names_a_part(c) for c in labels)
        and not any(
            named("measure", cells[k]) or named("technology", cells[k])
            for _, cells in rows
            if k < len(cells)
        )
    )


def _sub_heads(cells: list[str]) -> bool:
    """Whether a row beneath a heading row of periods heads its columns with parts ("| Male |
    Female"): each of its cells after the corner names a part or the whole, the corner no
    measure or technology of its own. A row of a bound ("Knife wand | under 10") is no such."""
    heads = [cell for cell in cells[1:] if cell]
    return (
        len(heads) > 1
        and all(_names_a_part(cell) or WHOLE.search(cell) for cell in heads)
        and not (named("measure", cells[0]) or named("technology", cells[0]))
    )


def _part_labels(reader: Recorder, line: str, labels: list[str]) -> None:
    """Keeps the labels of a table's line that name parts whole ("Under 18", "65+"), with the
    line: their numbers are a label's, not figures (the audit's `part_headings`)."""
    named_parts = tuple(dict.fromkeys(label for label in labels if parts_labelled(label)))
    if named_parts:
        reader.part_headings.append((line, named_parts))


def _names_a_part(text: str) -> bool:
    """Whether a label names a part of a breakdown whose values are open ("White", "Male",
    "Under 18"), not the whole of it ("Total", "All")."""
    return bool(text) and not WHOLE.search(text) and bool(parts_labelled(text) or parts_named(text))


def _row_parts(cells: list[str], label_columns: frozenset[int]) -> list[str]:
    """The labels of a row's columns of labels ("White" of "2023 | White | 40"), a whole one
    ("Total") aside: what the row's values are parts of."""
    return [
        cells[k]
        for k in sorted(label_columns)
        if k < len(cells) and cells[k] and not WHOLE.search(cells[k])
    ]


def _part_label(parts: list[str], reader: Recorder, value: str, line: str) -> TableLabel | None:
    """The label of a value that one part names, the breakdown it is a part of told by its own
    words; else None, the value left for a person: a part within another ("Under 18" and
    "Male": neither one's own figure), or a part of no breakdown its words tell."""
    if len(parts) > 1:
        named_parts = "', '".join(parts)
        reason = f"a part within another ('{named_parts}'): neither part's own figure"
        reader.unsure.append(Unsure(value, line, reason, reader.label))
        return None
    [part] = parts
    breakdown = _one_open_breakdown([part])
    if breakdown is None:
        reason = f"a label ('{part}') of no breakdown its words tell: another part, or the total?"
        reader.unsure.append(Unsure(value, line, reason, reader.label))
        return None
    return TableLabel(part, breakdown, told=True)


def _label(text: str, corner_names: str | None, parts_beside: str | None) -> TableLabel | None:
    """A value's row label or column heading, with the breakdown the table says it is a part
    of: the one its corner names (`corner_names`), else the one the table's other labels name
    parts of (`parts_beside`); none where the label is a total or names a measure or a
    technology of its own ("Searches | 52" beside "White | 40" is no part)."""
    if not text:
        return None
    if WHOLE.search(text) or named("measure", text) or named("technology", text):
        return TableLabel(text)
    if corner_names:
        return TableLabel(text, corner_names, told=True)
    return TableLabel(text, parts_beside)


def _parts_heading(cells: list[str]) -> bool:
    """Whether a row whose numbers are in words naming parts of a breakdown ("Year | Under 18 |
    18-24") heads the columns below: no cell of it is a value."""
    return not any(CELL_VALUE.fullmatch(cell) for cell in cells) and any(
        parts_labelled(cell) for cell in cells[1:]
    )


def _parts_among(rows: list[tuple[int, list[str]]]) -> str | None:
    """The one breakdown whose values are open that a table's labels and headings name, or name
    parts of ("Ethnicity", "White", "Black"), or None where they name none or several."""
    labels = [
        cell
        for _, cells in rows
        for cell in (cells if not candidates(" | ".join(cells)) else cells[:1])
        if cell and period_named(cell) is None
    ]
    return _one_open_breakdown(labels)


def _one_open_breakdown(labels: list[str]) -> str | None:
    """The one breakdown whose values are open that `labels` name, or name parts of."""
    found = {
        breakdown
        for label in labels
        if label
        for breakdown in (*parts_named(label), *parts_labelled(label))
    }
    return found.pop() if len(found) == 1 else None


def _no_period(reader: Recorder, line: str, cells: list[str], header: list[str]) -> bool:
    """Whether a row beneath headings in a table that names no period anywhere ("Ethnicity |
    Male | Female" then "White | 40 | 12") holds only values: each is then left for a person to
    say which period it is of, with where it stands."""
    labelled = CELL_VALUE.fullmatch(cells[0]) is None
    values = cells[1:] if labelled else cells
    matches = [CELL_VALUE.fullmatch(cell) if cell else None for cell in values]
    if any(cell and match is None for cell, match in zip(values, matches, strict=True)):
        return False
    # the corner over the labels is left out where the heading row has one; a row ending early
    # left its last cells blank
    headings = header[1:] if labelled and len(header) != len(cells) - 1 else header
    headings = [*headings, *[""] * len(values)][: len(values)]
    asked = {reader.question_period(topic) for topic in reader.topics}
    one = asked.pop() if len(asked) == 1 else None
    period = (
        f"is it the figure of the period the question asks ({one.label}), or of another?"
        if one is not None
        else "which period is it of? The question names none"
    )
    for heading, match in zip(headings, matches, strict=True):
        if match is None:
            continue
        where = ", ".join(part for part in (cells[0] if labelled else "", heading) if part)
        reason = f"a value of a table that names no period ('{where}'): {period}"
        reader.unsure.append(Unsure(match["value"], line, reason, reader.label))
    return True


def _total_row(reader: Recorder, line: str, cells: list[str]) -> None:
    """A "Total" row beneath rows of periods ("Total | 23 | 428"): its values are the rows'
    sum, no period's figure, and are listed for a person as such."""
    for cell in cells[1:]:
        valued = CELL_VALUE.fullmatch(cell)
        if valued:
            reader.unsure.append(Unsure(valued["value"], line, TOTAL_ROW, reader.label))
        else:
            _unread_cell(reader, cell, line)


def _one_total(reader: Recorder, added: list[tuple[int, str, str]], where: str) -> None:
    """A measure a table gives once: where several columns (or rows, `where`) give the same
    measure of the same period, none is read as its total ("Kiosk extractions", "Lab
    extractions") unless exactly one's heading says it is the total, which is then read and
    the others left. A column whose heading names one part of a breakdown the question does
    not ask for ("Police matches" when matches are asked in total) is no total either."""
    by_measure: dict[tuple, list[tuple[int, str, str]]] = {}
    for index, heading, value in added:
        figure = reader.figures[index]
        key = (
            figure.technology,
            figure.measure,
            figure.breakdown,
            figure.breakdown_value,
            figure.period_start,
            figure.period_end,
            figure.unit,
        )
        by_measure.setdefault(key, []).append((index, heading, value))
    left: dict[int, str] = {}
    for same in by_measure.values():
        if len({heading for _, heading, _ in same}) > 1:
            totals = [index for index, heading, _ in same if TOTAL.search(heading)]
            for index, _, _ in same:
                if len(totals) != 1:
                    left[index] = f"several {where}s give one measure: which is the total?"
                elif index != totals[0]:
                    left[index] = f"a part of the total another {where} gives"
            continue
        for index, heading, _ in same:
            figure = reader.figures[index]
            part = _part_named(heading, figure.measure) if figure.breakdown == "none" else None
            if part and not TOTAL.search(heading):
                breakdown, named_value = part
                left[index] = (
                    f"a part ('{named_value}') of the measure, not its total: the question "
                    f"does not ask by {BREAKDOWN_WORDS[breakdown]}"
                )
    if not left:
        return
    for index, _, value in added:
        if index in left:
            figure = reader.figures[index]
            reader.unsure.append(Unsure(value, figure.quote, left[index], reader.label))
    reader.figures = [f for k, f in enumerate(reader.figures) if k not in left]


def _doubt_in_cell(reader: Recorder, match: re.Match, line: str) -> bool:
    """Whether a table cell's note makes its value a bound ("30 (at least)") or marks it for
    a footnote ("250 (1)"): it is then left for a person."""
    note = match["note"]
    if note is None:
        return False
    if BOUND_AFTER.match(note):
        reason = A_BOUND
    elif FOOTNOTE_MARK.fullmatch(note):
        reason = footnote_mark_reason(note)
    else:
        return False
    reader.unsure.append(Unsure(match["value"], line, reason, reader.label))
    return True


def _unread_cell(reader: Recorder, cell: str, line: str) -> None:
    """A table's cell holding no plain value is listed for a person where it stands for
    one: a value with a footnote's mark ("250*", "250¹"), a sum of money ("£12,000"), a bound
    ("over 30", "<5", "5+"), or a mark that a footnote of the answer says hides a number ("*"
    beside "* fewer than 5 and not shown"), a zero written as a word ("Nil") and a cell saying
    no figure is given ("n/a", "not available"), which also leaves the answer's outcome to a
    person (`_no_figure`). Other words and blanks say nothing."""
    marked = FOOTNOTED_CELL.fullmatch(cell)
    if marked:
        reason = footnote_mark_reason(marked["mark"])
        reader.unsure.append(Unsure(marked["value"], line, reason, reader.label))
        return
    ranged = RANGE_CELL.fullmatch(cell)
    if ranged and period_named(cell) is None:  # "2023 | 10-15": no single figure
        reason = a_range(ranged["low"], ranged["high"])
        for value in (ranged["low"], ranged["high"]):
            reader.unsure.append(Unsure(value, line, reason, reader.label))
        return
    money = MONEY.fullmatch(cell)
    if money:  # "2022 | £12,000": a table's sums are not read yet, and never dropped unseen
        reason = _money_cell(reader, cell, money)
        reader.unsure.append(Unsure(money_written(money), line, reason, reader.label))
        if any(topic.measure in MONEY_MEASURES for topic in reader.topics):
            reader.sums_unread.append((reader.label, line))  # the spend asked, given
        return
    worded = WORDED_CELL.fullmatch(cell)
    if worded:
        before, after = worded["before"].lstrip(), worded["after"]
        if (before and not after and BOUND.fullmatch(before)) or (
            after and not before and BOUND_AFTER.fullmatch(after)
        ):
            note = _bound_hiding(reader, worded["value"]) if BELOW.search(before) else None
            reason = A_BOUND
            if note:  # "<5" beside "Figures under 5 are not shown": a number withheld
                reason = f"a bound ('{cell}'), a number not shown: the note says '{note}'"
                reader.hidden.append((reader.label, note))
            reader.unsure.append(Unsure(worded["value"], line, reason, reader.label))
        return
    said = _said_in_words(cell)
    if said and ZERO_WORD_CELL.fullmatch(said):  # "2021 | Nil": a zero the force states, in words
        reason = f"a zero written as a word ('{said}'): the figure of its row, 0?"
        reader.unsure.append(Unsure(said, line, reason, reader.label))
        return
    if said:
        _no_figure(reader, said, line)
        return
    if SUPPRESSION_MARK.fullmatch(cell):
        footnote = _footnote_hiding(reader, cell)
        if footnote:
            reason = f"a number not shown: the footnote says '{footnote}'"
            reader.unsure.append(Unsure(cell, line, reason, reader.label))
            reader.hidden.append((reader.label, footnote))


def _said_in_words(cell: str) -> str | None:
    """A cell's words where they stand for its figure: a zero ("Nil") or no figure given
    ("n/a", "not available"), else None."""
    said = cell.strip().rstrip(".")
    return said if ZERO_WORD_CELL.fullmatch(said) or NOT_GIVEN_CELL.fullmatch(said) else None


def _no_figure(reader: Recorder, said: str, line: str) -> None:
    """A cell saying its row gives no figure ("2023 | n/a"): listed for a person, and the answer
    no full disclosure unless a person says so (the row is what `Meaning` is told is hidden)."""
    reason = f"no figure given ('{said}'): is it held, and the answer then a partial one?"
    reader.unsure.append(Unsure(said, line, reason, reader.label))
    reader.hidden.append((reader.label, line))


def _blank(reader: Recorder, period: str, named: str) -> None:
    """A blank cell where the table gives a figure of `period` for what its column or row is
    `named`: the answer is no full disclosure unless a person says so (`FigureReading.blanks`;
    no number of the document stands there for the draft to list)."""
    reader.blanks.append((reader.label, f"{period} ('{named}')"))


def _bound_hiding(reader: Recorder, value: str) -> str | None:
    """The answer's sentence saying that numbers under `value` are not shown ("Figures under 5
    are not shown (Section 40(2))"), or None: a "<5" cell then stands for a number withheld."""
    key = f"<{value}"
    if key not in reader.footnotes:
        below = re.compile(rf"(?:{BELOW.pattern})\s*{re.escape(value)}(?!\d)", re.I)
        reader.footnotes[key] = next(
            (
                sentence.strip()
                for line in reader.text.split("\n")
                if value in line
                for sentence in sentences(line)
                if below.search(sentence) and NOT_SHOWN.search(sentence)
            ),
            None,
        )
    return reader.footnotes[key]


def _money_cell(reader: Recorder, cell: str, money: re.Match) -> str:
    """Why a table's cell of a sum of money ("£12,000") is for a person: its pounds are read
    from sentences only, and a question not asking of spend does not ask of them at all."""
    if not any(topic.measure in MONEY_MEASURES for topic in reader.topics):
        return "a sum of money, which the question does not ask of"
    scaled = written_in_a_scale(money)  # "2022 | £1.6m"
    if scaled:
        return scaled
    return (
        f"a sum of money in a table's cell ('{cell}'): a table's sums are not read; is it the "
        "spend asked, of its row's period?"
    )


def _footnote_hiding(reader: Recorder, mark: str) -> str | None:
    """The answer's footnote saying that `mark` stands for a number not shown ("* fewer
    than 5 and not shown", "Note: - denotes a suppressed figure"), or None."""
    if mark not in reader.footnotes:
        found = None
        note = re.compile(
            r"^\s*(?:notes?\s*:?\s*)?['\"‘“]?"
            + re.escape(mark)
            + r"['\"’”]?\s*(?:=|:|-|–|denotes|means|indicates|shows|represents)?\s*"
            r"(?P<says>\w.*?)\s*$",
            re.I,
        )
        for line in reader.text.split("\n"):
            said = note.match(line)
            if said and SUPPRESSED.search(said["says"]):
                found = line.strip()
                break
        reader.footnotes[mark] = found
    return reader.footnotes[mark]


@cache
def _closed_breakdowns() -> tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]:
    """Each breakdown whose values are a closed list: its name, its values in words (`id_words`:
    "field_kit" is "field kit", as a heading writes it) and the measures it goes with
    (`only_with` in schemas/questions.yaml; none: every measure)."""
    entries = schema_yaml("questions.yaml")["breakdown"]
    return tuple(
        (
            name,
            tuple(sorted(id_words(value) for value in values)),
            frozenset((entries.get(name) or {}).get("only_with", ())),
        )
        for name, values in BREAKDOWNS.items()
        if values
    )


@lru_cache(maxsize=1024)  # a table's heading is read again for each value beneath it
def _part_named(heading: str, measure: str | None) -> tuple[str, str] | None:
    """The breakdown and the values of it that a heading names, of a breakdown with a closed
    list of values that goes with `measure` ("Police matches": database, police); None where it
    names none, or every one ("Police and immigration matches"). A value that is a measure's or
    a technology's own word ("arrested" of arrests, "kiosk" of phone extraction) is no part."""
    for name, values, only_with in _closed_breakdowns():
        if only_with and measure not in only_with:
            continue
        found = [
            value
            for value in values
            # a value of two words is written with a space or a hyphen ("field kit", "field-kit")
            if re.search(r"\b" + re.escape(value).replace("\\ ", r"[\s-]"), heading, re.I)
            and not named("measure", value)
            and not named("technology", value)
        ]
        if 0 < len(found) < len(values):
            return name, " and ".join(found)
    return None


def _across_headings(header: list[str], cells: list[str], bars: bool) -> list[str] | None:
    """The heading over each of a row's `cells` in a table whose periods are its columns, or
    None where the count of cells does not settle which period each value is of: a heading row
    starting with a period leaves out the labels' corner ("2021 | 2022" over "Searches | 10 |
    12"), one starting with words heads the labels too ("Searches | 2021 | 2022"). A row
    written with bars (`bars`) may have fewer cells: the readers leave out a row's empty last
    cells (readers.cells.row_line), so its values stand under the first periods."""
    headings = ["", *header] if period_named(header[0]) is not None else header
    if len(cells) == len(headings) or (bars and 1 < len(cells) < len(headings)):
        return headings
    return None


@lru_cache(maxsize=1024)  # a table's heading is read again for each value beneath it
def _several_named(heading: str) -> str | None:
    """Why the values beneath a column's `heading` cannot be given to one measure or breakdown
    value, or None. Headings written a single space apart that no position parted are one cell
    ("Searches Matches", "Police Immigration"): where its parts, each a heading of its own
    (`_heading_parts`), name different measures, or different values of one breakdown, which
    one a value counts is for a person. The words of one part name one measure together, as in
    a question ("Searches resulting in a match" counts matches: questions.yaml's `suppresses`)."""
    parts = _heading_parts(heading)
    if len(parts) < 2:
        return None
    measures = {
        frozenset(named("measure", part)).difference(OUTCOME_ONLY_MEASURES) for part in parts
    }
    if len(measures - {frozenset()}) > 1:
        return SEVERAL_MEASURES
    for values in BREAKDOWN_VALUES:
        found = {frozenset(v.lower() for v in values.findall(part)) for part in parts}
        if len(found - {frozenset()}) > 1:
            return SEVERAL_VALUES
    return None


def _heading_parts(heading: str) -> list[str]:
    """The headings a heading cell may hold, run together, read from its words whatever their
    case: two words naming a measure or a breakdown value stand in one heading when only words
    joining a phrase stand between them ("Searches resulting in a match", "Police and
    immigration matches"), in two when nothing does ("Searches matches") or other words do
    ("Number of searches number of matches", "Searches carried out matches found")."""
    words = heading.split()
    named_at = [k for k, word in enumerate(words) if _names_a_topic(word)]
    parts: list[list[str]] = [words[: named_at[0] + 1]] if named_at else [words]
    for before, at in zip(named_at, named_at[1:], strict=False):
        between = [word.lower() for word in words[before + 1 : at]]
        joining = PHRASE_WORDS
        if _names_a_value(words[before]) and _names_a_value(words[at]):
            joining = LIST_WORDS
        if between and all(word in joining for word in between):
            parts[-1].extend(words[before + 1 : at + 1])
        else:
            parts.append(words[before + 1 : at + 1])
    if named_at:
        parts[-1].extend(words[named_at[-1] + 1 :])
    return [" ".join(part) for part in parts if part]


@lru_cache(maxsize=1024)
def _names_a_topic(word: str) -> bool:
    """Whether a heading's word names a measure or a value of a breakdown."""
    return bool(named("measure", word)) or _names_a_value(word)


def _names_a_value(word: str) -> bool:
    return any(values.match(word) for values in BREAKDOWN_VALUES)


def _placed(
    line: str, cells: list[str], header: list[str], heads: list[tuple[int, int]]
) -> list[str] | None:
    """A row's cells, a blank one ("") where a whitespace-aligned row leaves a column empty: its
    values placed under the headings they stand beneath (`heads`: where each stands). None where
    that is not sure (a value beneath no heading, or beneath two). Rows of other tables, and
    rows with a cell for every heading, are as they are."""
    if not heads or "|" in line or "\t" in line:
        return cells
    spans = _spans(line)
    headed = bool(spans) and heads[0][0] < spans[0][1] and spans[0][0] < heads[0][1]
    if len(cells) == len(header) + (not headed):
        return cells
    placed = [""] * len(heads)
    for start, end in spans[1:]:  # the first cell is the row's period or label
        under = [k for k, (a, b) in enumerate(heads) if start < b and a < end]
        if not under and not CELL_VALUE.fullmatch(line[start:end]):
            continue  # a note beside the values: "(provisional figure)"
        if len(under) != 1 or placed[under[0]]:
            return None
        placed[under[0]] = line[start:end]
    return [cells[0], *(placed[1:] if headed else placed)]


def _heading_spans(line: str) -> list[tuple[int, int]]:
    """Where each heading of a table aligned by spaces stands (none in a ruled table)."""
    return [] if "|" in line or "\t" in line else _spans(line)


def _headings(
    line: str, header: list[str], below: list[str]
) -> tuple[list[str], list[tuple[int, int]], list[tuple[int, int]]]:
    """The headings of a table's heading row `line` (`header`, its cells), where each stands,
    and where those stand whose values' columns are not sure. Two headings a single space
    apart are one cell ("Searches Matches"): where the rows `below` hold several values beneath
    one, its words are parted over their columns by where the values stand (`_parted`), and
    each part stands where its column's values do. A cell the rows part differently, or that
    no position parts, stays whole, and its values are left unsure."""
    heads = _heading_spans(line)
    if len(heads) != len(header) or not any(" " in name for name in header):
        return header, heads, []
    rows = [(row, _spans(row)[1:]) for row in below]  # a row's first cell is its period or label
    names: list[str] = []
    spans: list[tuple[int, int]] = []
    joined: list[tuple[int, int]] = []
    for name, (start, end) in zip(header, heads, strict=True):
        beneath = [
            [(a, b) for a, b in cells if a < end and start < b and CELL_VALUE.fullmatch(row[a:b])]
            for row, cells in rows
        ]
        columns = [values for values in beneath if len(values) > 1]
        if " " not in name or not columns:
            names.append(name)
            spans.append((start, end))
            continue
        words = [m.span() for m in WORD.finditer(line, start, end)]
        parts = {_parted(words, values) for values in columns}
        placing = parts.pop() if len(parts) == 1 else None
        if placing is None:
            names.append(name)
            spans.append((start, end))
            joined.append((start, end))
            continue
        for column in range(len(columns[0])):
            own = [words[k] for k, placed in enumerate(placing) if placed == column]
            names.append(line[own[0][0] : own[-1][1]])
            under = [values[column] for values in columns]
            spans.append((min(a for a, _ in under), max(b for _, b in under)))
    return names, spans, joined


def _parted(words: list[tuple[int, int]], values: list[tuple[int, int]]) -> tuple[int, ...] | None:
    """The column of each of a heading's `words`, the columns being where one row's `values`
    beneath it stand: each word from where its column's value starts (headings aligned left),
    or up to where it ends (aligned right). None where neither places a word over every column
    and none outside them, or where both do, differently."""
    by_start = tuple(sum(a <= word_start for a, _ in values) - 1 for word_start, _ in words)
    by_end = tuple(sum(b < word_end for _, b in values) for _, word_end in words)
    every = set(range(len(values)))
    fitting = {placing for placing in (by_start, by_end) if set(placing) == every}
    return fitting.pop() if len(fitting) == 1 else None


def _beneath(line: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a value of the row `line` stands beneath one of `spans`."""
    return any(
        a < end and start < b
        for a, b in _spans(line)[1:]
        if CELL_VALUE.fullmatch(line[a:b])
        for start, end in spans
    )


def _spans(line: str) -> list[tuple[int, int]]:
    """Where each cell of a whitespace-aligned line starts and ends (`_cells`' cells)."""
    return [match.span() for match in WHITESPACE_CELL.finditer(line)]


def _cells(line: str) -> list[str]:
    if "|" not in line and "\t" not in line and "  " not in line.strip():
        return [line]
    cells = [c.strip() for c in CELL_SPLIT.split(line.strip())]
    while cells and not cells[-1]:
        cells.pop()
    return cells
