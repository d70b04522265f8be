"""PDF letters and printed web pages: paragraphs as the author wrote them, tables as rows.

A PDF holds positioned lines, not paragraphs. To give adapters the same text as the page or
letter it was printed from, this reader
- drops the furniture a browser or word processor prints on every page (date and title at the
  top, URL and "2/5" at the bottom, a repeated letterhead line);
- joins lines that were wrapped at the page's width back into one paragraph line: a line was
  wrapped when the next line's first word would not have fitted after it, the next line follows
  at the paragraph's line spacing and starts at its left edge;
- writes ruled tables (pdfplumber's line-based table finder) as `cell | cell` lines, where they
  stand on the page, and keeps them in `tables`;
- finds tables drawn without rules (a browser's print of a web page's table, a letter's tabbed
  columns) from where their words stand: two or more consecutive lines whose cells, parted by a
  gap wider than a word space (or, in a row of numbers only, by any space), fall into the same
  columns. "2018 | 8145" stays two cells, never the number 20188145.
"""

import io
import itertools
import re
import statistics
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Final

from ..document import Document
from ..errors import DocumentError
from ..layouts.profiles import structure
from .cells import clean, marked, rows_text

MEDIA_TYPE = "application/pdf"
MARGIN_BAND = 0.07  # top and bottom share of a page where print furniture stands
FURNITURE = re.compile(
    r"^\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?\b"  # 14/03/2022, 10:42
    r"|^(?:https?|file)://\S+(?:\s+\d+\s*/\s*\d+)?$"  # the page's URL, maybe with "1/5"
    r"|^(?:page\s+)?\d+\s*(?:/|of)\s*\d+$"  # 1/5, Page 1 of 5
    r"|^about:blank\b",
    re.I,
)
BULLETS = (
    "\u2022\u25cf\u25aa\u25e6\u2023\u2043*\uf0b7"  # not dashes: a wrapped line may start with one
)
LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00ad": "",
    }
)
UNMAPPED = re.compile(r"\(cid:\d+\)")
LABEL = re.compile(
    rf"([{BULLETS}]|\(?(?:\d{{1,2}}|[a-z]|[ivx]{{1,4}})[.)/])\s", re.I
)  # •, 1., (a), ii)
SENTENCE_END = re.compile(r"[.!?:;][)'’”\"]*$")
WORD_GAP = 0.15  # of the font size: a gap wider than this between letters is a space
CELL_GAP = 0.8  # wider than any word space, even in justified text: the gap between two cells
ROW_PITCH = 3.0  # table rows stand at most this many font sizes apart (cells have padding)
NUMERIC = re.compile(r"[(£$]?[-+]?\d[\d,.]*%?\)?|[-–—]|n/?a", re.I)


@dataclass
class Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    size: float
    first_word: float  # width of the first word, to tell whether it would have fitted above
    text_x0: float  # where the text starts after a bullet: continuation lines start there
    page_width: float
    marked: bool = False  # a list marker is drawn before it (browsers draw discs, not "•")


@dataclass
class Table:
    page: int
    top: float
    rows: list[list[str]] = field(default_factory=list)


def read(path: Path, data: bytes) -> Document:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [_blocks(page) for page in pdf.pages]
            has_images = any(page.images for page in pdf.pages)
            heights = [float(page.height) for page in pdf.pages]
    except Exception as error:  # pdfminer raises many unrelated types for damaged files
        _unreadable(path, error)
    text, tables = compose(pages, heights)
    if not text and has_images:  # a scan: its pages are pictures of the letter
        from . import ocr

        return ocr.read_pdf_scan(path, data)
    if not UNMAPPED.sub("", text).strip():
        raise DocumentError(
            path,
            "the PDF has no text layer (it is a scan or an image)."
            if has_images or not text
            else "the PDF's text cannot be read: its fonts do not say which letters their glyphs "
            "are.",
            "a PDF with text: run OCR on it (e.g. ocrmypdf) or transcribe the response.",
        )
    if len(UNMAPPED.findall(text)) * 10 > len(text.split()):
        raise DocumentError(
            path,
            "most of the PDF's text is unreadable glyph codes like (cid:12): its fonts do not "
            "say which letters they draw.",
            "a PDF with readable text: print the page to PDF again, save it as HTML, or run OCR on "
            "it.",
        )
    return document(path, data, MEDIA_TYPE, text, tables)


def _unreadable(path: Path, error: Exception):
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    # pdfplumber wraps pdfminer's error: the wrapped one says what happened.
    cause = next((e for e in (error.__cause__, *error.args) if isinstance(e, Exception)), error)
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        raise DocumentError(
            path,
            "the PDF is encrypted: it needs a password to open.",
            "an unprotected PDF: ask the force for a copy without a password, or, if you have the "
            "password, save a decrypted copy (e.g. qpdf --decrypt --password=... in.pdf out.pdf).",
        ) from error
    raise DocumentError(
        path,
        f"the PDF could not be read ({type(cause).__name__}: {cause}). It may be truncated or "
        "damaged.",
        "a complete PDF: download it again, or save the response page as HTML or text.",
    ) from error


def _blocks(page) -> list[Line | Table]:
    """The page's lines of text and its ruled tables, top to bottom."""
    number = page.page_number
    _set_marks_on_their_line(page.chars)  # before tables and lines are found from the chars
    found = page.find_tables()
    boxes = [table.bbox for table in found]

    def in_a_table(obj) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    def outside_tables(obj) -> bool:
        return obj.get("object_type") != "char" or not in_a_table(obj)

    blocks: list[Line | Table] = [
        Table(number, table.bbox[1], [[_cell(cell) for cell in row] for row in table.extract()])
        for table in found
    ]
    markers = [
        shape
        for shape in page.curves + page.rects
        if shape["width"] <= 8 and shape["height"] <= 8 and not in_a_table(shape)
    ]
    lines = page.filter(outside_tables).extract_text_lines(return_chars=True)
    return sorted(blocks + line_blocks(lines, number, page.width, markers), key=_top)


MARK_SIZE: Final = 0.85  # a footnote mark is set smaller than the text beside it, at most this
MARK_SHIFT: Final = 0.15  # of the text's size: a mark's edge stands this far off the text's
MARK_GAP: Final = 0.5  # of the text's size: a mark stands this close to the text it marks


def _set_marks_on_their_line(chars: list[dict]) -> None:
    """Set a footnote's mark, drawn smaller and raised (or lowered) beside a figure or at the
    start of its footnote, on the line of the text beside it: after a figure, its digits written
    as the raised digits a person sees ("1,820¹"; see cells.marked). Left on a baseline of its
    own, a mark became a line of its own, read as a number alone (in a table cell, "1 1,820");
    set on the line as plain digits, it would join the figure (1,8201). The chars are changed in
    place."""
    sizes = [char["size"] for char in chars]
    # where the size drops (a mark after its text) and where it rises (a mark before its text)
    after_text = [i for i, (a, b) in enumerate(pairwise(sizes), 1) if b < MARK_SIZE * a]
    before_text = [i for i, (a, b) in enumerate(pairwise(sizes)) if a < MARK_SIZE * b]
    for start in after_text:
        end = start
        while end + 1 < len(chars) and sizes[end + 1] == sizes[start]:
            end += 1
        _mark_beside(chars, start, end)
    for end in before_text:
        start = end
        while start > 0 and sizes[start - 1] == sizes[end]:
            start -= 1
        _mark_beside(chars, start, end)


def _mark_beside(chars: list[dict], start: int, end: int) -> None:
    """Set chars[start..end] on the line of the text just before or after them, if they are a
    mark raised or lowered beside it."""
    run = chars[start : end + 1]
    neighbours = []  # (the char beside the run, the gap between them, whether it is before)
    if start > 0:
        neighbours.append((chars[start - 1], run[0]["x0"] - chars[start - 1]["x1"], True))
    if end + 1 < len(chars):
        neighbours.append((chars[end + 1], chars[end + 1]["x0"] - run[-1]["x1"], False))
    for text, gap, is_before in neighbours:
        size = text["size"]
        if run[0]["size"] >= MARK_SIZE * size or not -1 <= gap <= MARK_GAP * size:
            continue
        top, bottom = min(c["top"] for c in run), max(c["bottom"] for c in run)
        if not (top < text["bottom"] and text["top"] < bottom):
            continue  # not beside the text: another line
        if bottom < text["bottom"] - MARK_SHIFT * size:
            shift = "raised"
        elif top > text["top"] + MARK_SHIFT * size:
            shift = "lowered"
        else:
            continue  # smaller text on the same baseline (small capitals) is not a mark
        for char in run:
            char["text"] = marked(char["text"], shift, text["text"] if is_before else "")
            char["doctop"] += text["top"] - char["top"]
            char["top"], char["bottom"] = text["top"], text["bottom"]
            char["y0"], char["y1"] = text["y0"], text["y1"]
        return


def _top(block: "Line | Table") -> float:
    return block.top


def line_blocks(lines: list[dict], page: int, page_width: float, markers=()) -> list:
    """A page's lines of text (pdfplumber's line dicts, each with its `chars`) as blocks: the
    tables drawn without rules among them, and the other lines. OCR gives its words this shape
    too, so a scanned letter is laid out by the same rules."""
    lines = [line for line in lines if line["text"].translate(LIGATURES).strip()]
    blocks, lines = _unruled_tables(lines, page)
    for line in lines:
        text = line["text"].translate(LIGATURES).strip()
        blocks.append(_line(text, page, page_width, line, list(markers)))
    return sorted(blocks, key=_top)


def document(
    path: Path,
    data: bytes,
    media_type: str,
    text: str,
    tables: list[Table],
    text_source: str = "extracted",
) -> Document:
    """The Document of composed pages (see compose): each table named by its page."""
    return Document(
        path=path,
        data=data,
        media_type=media_type,
        text=text,
        tables=[table.rows for table in tables],
        table_names=[f"page {table.page}" for table in tables],
        text_source=text_source,
    )


def compose(pages: list[list], heights: list[float]) -> tuple[str, list[Table]]:
    """The text of pages of blocks, less their print furniture, and the tables in it."""
    paragraphs, tables = _paragraphs(_without_furniture(pages, heights))
    return "\n".join(paragraphs).strip(), tables


Cell = tuple[str, float, float]  # text, left, right


def _unruled_tables(lines: list[dict], page: int) -> tuple[list[Table], list[dict]]:
    """The tables drawn without rules among a page's lines, and the lines that are not in one."""
    tables: list[Table] = []
    kept: list[dict] = []
    run: list[tuple[dict, list[Cell]]] = []

    def close_run():
        rows = _columns(run)
        if rows is None:
            kept.extend(line for line, _ in run)
        else:
            start, end, columns, table_rows = rows
            kept.extend(line for line, _ in run[:start])
            first = run[start][0]
            cells = [cells for _, cells in run[start:end]]
            heading = _heading(kept[-1], first, columns, cells) if kept else None
            if heading is not None:  # a heading row set closer than the columns' gutters
                first = kept.pop()
                table_rows.insert(0, heading)
            tables.append(Table(page, float(first["top"]), table_rows))
            kept.extend(line for line, _ in run[end:])
        run.clear()

    for line in lines:
        cells = _cells(line)
        if len(cells) >= 2 and not (run and not _next_row(run[-1][0], line)):
            run.append((line, cells))
            continue
        if run:
            close_run()
        if len(cells) >= 2:
            run.append((line, cells))
        else:
            kept.append(line)
    if run:
        close_run()
    return tables, kept


def _next_row(previous: dict, line: dict) -> bool:
    size = max(_size(previous), _size(line))
    return 0 < line["top"] - previous["top"] <= ROW_PITCH * size


def _size(line: dict) -> float:
    sizes = [c["size"] for c in line["chars"] if c["text"].strip()]
    return float(statistics.median(sizes)) if sizes else 10.0


def _cells(line: dict) -> list[Cell]:
    """A line's cells: its words parted by gaps wider than a word space; in a line of numbers
    only ("2018 8145 3195"), each number, since a browser may set table cells a space apart."""
    chars = [c for c in line["chars"] if c["text"].strip()]
    if not chars:
        return []
    size = _size(line)
    words: list[list[dict]] = [[chars[0]]]
    for before, after in pairwise(chars):
        if after["x0"] - before["x1"] > WORD_GAP * size or after["x0"] < before["x0"]:
            words.append([after])
        else:
            words[-1].append(after)
    spoken = ["".join(c["text"] for c in word).translate(LIGATURES) for word in words]
    if len(words) > 1 and all(NUMERIC.fullmatch(word) for word in spoken):
        return [
            (text, word[0]["x0"], word[-1]["x1"]) for text, word in zip(spoken, words, strict=True)
        ]
    if LABEL.match(spoken[0] + " "):
        return []  # a list item's label, set apart by a tab, is not a table's first column
    cells: list[Cell] = []
    for text, word in zip(spoken, words, strict=True):
        if cells and word[0]["x0"] - cells[-1][2] <= CELL_GAP * size:
            cells[-1] = (f"{cells[-1][0]} {text}", cells[-1][1], word[-1]["x1"])
        else:
            cells.append((text, word[0]["x0"], word[-1]["x1"]))
    return cells


def _columns(run: list[tuple[dict, list[Cell]]]):
    """(first, end, columns, rows) of the longest stretch of `run` whose cells fall into
    shared columns; None when no two rows do. Every cell lies within its column, so cells of
    one column overlap the column's extent and no other's."""
    for length in range(len(run), 1, -1):
        for start in range(len(run) - length + 1):
            rows = [cells for _, cells in run[start : start + length]]
            columns = _extents(rows)
            placed = _placed(rows, columns) if columns else None
            if placed is not None:
                return start, start + length, columns, placed
    return None


def _extents(rows: list[list[Cell]]) -> list[tuple[float, float]] | None:
    """Each column's left and right, from the rows with the most cells; None if they overlap."""
    width = max(len(cells) for cells in rows)
    widest = [cells for cells in rows if len(cells) == width]
    columns = [
        (min(cells[i][1] for cells in widest), max(cells[i][2] for cells in widest))
        for i in range(width)
    ]
    if any(left[1] >= right[0] for left, right in pairwise(columns)):
        return None
    return columns


def _heading(line: dict, first_row: dict, columns, rows) -> list[str] | None:
    """The line above a table as its heading row, if it is one. Browsers centre a heading
    cell, so its words need not line up with the figures below: its words are cut where a
    gutter between columns holds the one space wider than the line's others, or, above a
    column whose cells all start at one edge, at the last space before that edge."""
    if not _next_row(line, first_row):
        return None
    chars = [c for c in line["chars"] if c["text"].strip()]
    size = _size(line)
    gaps = [
        (after["x0"] - before["x1"], before["x1"], after["x0"], i + 1)
        for i, (before, after) in enumerate(pairwise(chars))
        if after["x0"] - before["x1"] > WORD_GAP * size
    ]
    if not gaps:
        return None
    usual = statistics.median(gap[0] for gap in gaps)
    cuts = []
    for column, ((_, right), (left, _)) in enumerate(pairwise(columns), 1):
        within = [gap for gap in gaps if gap[2] >= right and gap[1] <= left]
        wide = [gap for gap in within if gap[0] > 1.5 * usual]
        starts = {round(cells[column][1]) for cells in rows if len(cells) == len(columns)}
        if len(wide) == 1:
            cuts.append(wide[0][3])
        elif within and len(starts) == 1 and left - within[-1][2] <= 1.5 * size:
            cuts.append(within[-1][3])
    if not cuts:
        return None
    cells = []
    for start, end in pairwise([0, *cuts, len(chars)]):
        part = chars[start:end]
        cells.append((_spaced(part, size), part[0]["x0"], part[-1]["x1"]))
    placed = _placed([cells], columns)
    return placed[0] if placed else None


def _spaced(chars: list[dict], size: float) -> str:
    text = chars[0]["text"]
    for before, after in pairwise(chars):
        text += (" " if after["x0"] - before["x1"] > WORD_GAP * size else "") + after["text"]
    return text.translate(LIGATURES)


def _placed(rows: list[list[Cell]], columns) -> list[list[str]] | None:
    placed_rows = []
    for cells in rows:
        placed = [""] * len(columns)
        for text, x0, x1 in cells:
            hits = [i for i, (left, right) in enumerate(columns) if x0 < right and x1 > left]
            if len(hits) != 1 or placed[hits[0]]:
                return None
            placed[hits[0]] = clean(text)
        placed_rows.append(placed)
    return placed_rows


def _line(text: str, page: int, page_width: float, line: dict, markers: list[dict]) -> Line:
    chars = [c for c in line["chars"] if c["text"].strip()]
    size = statistics.median(c["size"] for c in chars) if chars else 10.0
    first_end = chars[0]["x1"] if chars else line["x0"]
    for before, after in itertools.pairwise(chars):
        if after["x0"] - before["x1"] > 0.15 * size:  # a space: the first word has ended
            break
        first_end = after["x1"]
    text_x0 = line["x0"]
    label = LABEL.match(text)
    if label:  # a list item's lines after the first start where its text starts (a hanging indent)
        drawn = len(label.group(1).replace(" ", ""))
        if len(chars) > drawn:
            text_x0 = chars[drawn]["x0"]
    marked = any(
        line["top"] <= (m["top"] + m["bottom"]) / 2 <= line["bottom"]
        and 0 <= line["x0"] - m["x1"] <= 3 * size
        for m in markers
    )
    return Line(
        text,
        page,
        float(line["x0"]),
        float(line["x1"]),
        float(line["top"]),
        float(size),
        float(first_end - line["x0"]),
        float(text_x0),
        float(page_width),
        marked,
    )


def _cell(cell: str | None) -> str:
    return clean(_join_lines((cell or "").split("\n")))


def _without_furniture(pages: list[list], heights: list[float]) -> list:
    """All pages' blocks in reading order, less the lines printed in every page's margins."""

    def in_margin(block, height) -> bool:
        return isinstance(block, Line) and (
            block.top < MARGIN_BAND * height or block.top > (1 - MARGIN_BAND) * height
        )

    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text)

    # Running heads and feet stand at the same height on every page they are on.
    seen_on: dict[tuple[str, int], set[int]] = {}
    for number, (blocks, height) in enumerate(zip(pages, heights, strict=True)):
        for block in blocks:
            if in_margin(block, height):
                seen_on.setdefault((shape(block.text), round(block.top / 3)), set()).add(number)
    repeated = {text for (text, _), on in seen_on.items() if len(on) >= max(2, len(pages) - 1)}
    kept = []
    for blocks, height in zip(pages, heights, strict=True):
        kept += [
            b
            for b in blocks
            if not (
                in_margin(b, height) and (shape(b.text) in repeated or FURNITURE.search(b.text))
            )
        ]
    return kept


def _paragraphs(blocks: list) -> tuple[list[str], list[Table]]:
    lines = [b for b in blocks if isinstance(b, Line)]
    # The text's right edge: pages have even margins, and no line passes the edge.
    left = min((line.x0 for line in lines), default=0.0)
    right = max(
        [line.x1 for line in lines] + [line.page_width - left for line in lines], default=0.0
    )
    paragraphs: list[str] = []
    tables: list[Table] = []
    current: list[Line] = []
    previous = None

    def end_paragraph():
        if current:
            paragraphs.append(_join_lines([line.text for line in current]))
        current.clear()

    for at, block in enumerate(blocks):
        if isinstance(block, Table):
            end_paragraph()
            if isinstance(previous, Table) and _runs_on(previous, block):
                tables[-1].rows += block.rows  # one table, broken over two pages
            else:
                tables.append(Table(block.page, block.top, list(block.rows)))
            paragraphs += rows_text(block.rows)
        else:
            following = blocks[at + 1] if at + 1 < len(blocks) else None
            if current and (
                not _wrapped(current, block, right)
                or _heading_alone(current, block, following, right - left)
            ):
                end_paragraph()
            current.append(block)
        previous = block
    end_paragraph()
    return paragraphs, tables


def _runs_on(previous: Table, table: Table) -> bool:
    def width(t: Table) -> int:
        return max((len(row) for row in t.rows), default=0)

    return table.page == previous.page + 1 and width(table) == width(previous)


def _wrapped(paragraph: list[Line], line: Line, right: float) -> bool:
    """Whether `line` carries on the paragraph: the browser or word processor wrapped it there."""
    previous = paragraph[-1]
    if line.marked or line.text[0] in BULLETS or _opens_with_question_number(line.text):
        return False
    if abs(line.size - previous.size) > 0.5:
        return False
    if line.page == previous.page:
        pitch = line.top - previous.top
        if pitch <= 0 or pitch > 1.6 * max(line.size, previous.size):
            return False
    elif SENTENCE_END.search(previous.text) and (line.text[0].isupper() or line.text[0].isdigit()):
        # Over a page break the spacing says nothing: a finished sentence, then a capital, is
        # more often a new paragraph (or heading) than a paragraph wrapped at a sentence's end.
        return False
    if line.x0 > paragraph[0].text_x0 + 3 and line.x0 > previous.x0 + 3:
        return False
    space = 0.25 * previous.size
    # A browser wraps a word that overshoots the edge by a hair: within a point, it did not fit.
    return previous.x1 + space + line.first_word > right - 1


HEADING_WIDTH: Final = 0.5  # of the text's width: a heading standing alone is no wider
HEADING_END: Final = re.compile(r"[.!?;,][)'’”\"]*$")  # a heading ends in no sentence's stop
FINISHED: Final = re.compile(r"[.!?][)'’”\"]*$")  # a sentence ended (not "Reference no:")


def _heading_alone(paragraph: list[Line], line: Line, following, width: float) -> bool:
    """Whether `line` is a heading on a line of its own ("Response") after a paragraph whose
    last line reached the edge: the paragraph ended a sentence, the line is short, starts with a
    capital and ends no sentence, it stands no closer to the line above than to what follows
    (a paragraph's wrapped last line stands closer), and what follows starts apart from it: a
    numbered answer, a table, or a paragraph's gap wider than the paragraph's own spacing. Its
    first word would not have fitted after the full line above, so it looks wrapped."""
    previous = paragraph[-1]
    if not FINISHED.search(previous.text) or HEADING_END.search(line.text):
        return False
    if not line.text[0].isupper():
        return False
    if line.x1 - line.x0 > HEADING_WIDTH * width or following is None:
        return False
    if following.page != line.page:
        return False  # what follows on the next page stands at no spacing of this one
    # a paragraph's wrapped last line stands closer to the lines above than to what follows
    before, after = line.top - previous.top, following.top - line.top
    if before < after - 0.25 * line.size:
        return False
    if isinstance(following, Table) or _opens_with_question_number(following.text):
        return True
    if len(paragraph) < 2:
        return False  # the paragraph's leading is not known: a gap after says nothing
    # set apart from the paragraph's lines above, and from what follows, by more than they are
    leading = previous.top - paragraph[-2].top
    return min(before, after) > leading + 0.25 * line.size


# the first characters of the numbers `numbering` reads: digits, "Q", "Request", a part's
# letter ("a)") or its roman numeral ("ii.")
QUESTION_NUMBER_STARTS: Final = frozenset("0123456789(QR" + "abcdefgh" + "ivx")


def _opens_with_question_number(text: str) -> bool:
    """Whether the line starts with a question's or an answer's number as the layouts read
    them (schemas/layouts.yaml `numbering`): a list numbered in the text, not a wrapped line."""
    if text[0] not in QUESTION_NUMBER_STARTS:
        return False
    patterns, _, _ = structure()
    return any(pattern.match(text) for pattern in patterns)


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one line: a space where the wrap was, none after a word's
    hyphen."""
    joined = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if not joined:
            joined = line
        elif (
            joined.endswith("-")
            and len(joined) > 1
            and not joined[-2].isspace()
            and line[0].isalnum()
        ):
            joined += line  # non-networked, wrapped after its hyphen
        else:
            joined += " " + line
    return joined
