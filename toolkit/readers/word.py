"""Word documents (DOCX): paragraphs and tables in the order they stand, with python-docx.

python-docx parses the package's XML with entity resolution turned off, so a crafted file
cannot make it read other files or expand entities.
"""

import io
import re
from pathlib import Path
from typing import Final

from ..document import Document
from ..errors import DocumentError
from .cells import clean, marked, rows_text

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def read(path: Path, data: bytes) -> Document:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        marks = _RaisedText(document)
        lines = _furniture(document, "header", marks)
        tables = []
        numbering = _ListNumbering(document)
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                rows = _rows(block, marks)
                tables.append(rows)
                lines += rows_text(rows)
            else:
                paragraph = [
                    line for line in (clean(part) for part in marks.text(block).split("\n")) if line
                ]
                number = numbering.number_of(block)
                if number and paragraph:
                    paragraph[0] = f"{number} {paragraph[0]}"
                lines += paragraph
        lines += _furniture(document, "footer", marks)
    except Exception as error:  # python-docx and lxml raise many types for a damaged package
        raise DocumentError(
            path,
            f"the Word document could not be read ({type(error).__name__}: {error}). It may be "
            "damaged, or a different kind of file with a .docx name.",
            "a complete DOCX: open it in Word or LibreOffice and save it again, or save it as PDF.",
        ) from error
    text = "\n".join(lines)
    if not text.strip():
        raise DocumentError(
            path,
            "the Word document holds no text (it may hold only images).",
            "a response with text: run OCR on its images or transcribe the response.",
        )
    return Document(
        path=path,
        data=data,
        media_type=MEDIA_TYPE,
        text=text,
        tables=tables,
        table_names=[f"table {n}" for n in range(1, len(tables) + 1)],
    )


WORD_NAMESPACE: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _w(name: str) -> str:
    """The name of a WordprocessingML element or attribute as lxml writes it."""
    return WORD_NAMESPACE + name


ALPHABET: Final = "abcdefghijklmnopqrstuvwxyz"
ONE_PLACE: Final = re.compile(r"(\(?)%(\d)([.)])")  # "%1.", "%2)", "(%1)"


def _lower_letter(value: int) -> str:
    return ALPHABET[value - 1] if value <= len(ALPHABET) else ""


def _upper_letter(value: int) -> str:
    return _lower_letter(value).upper()


ROMAN_NUMERALS: Final = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _lower_roman(value: int) -> str:
    written = ""
    for amount, numeral in ROMAN_NUMERALS:
        count, value = divmod(value, amount)
        written += numeral * count
    return written


def _upper_roman(value: int) -> str:
    return _lower_roman(value).upper()


LEVEL_FORMATS: Final = {
    "decimal": str,
    "lowerLetter": _lower_letter,
    "upperLetter": _upper_letter,
    "lowerRoman": _lower_roman,
    "upperRoman": _upper_roman,
}


class _ListNumbering:
    """The numbers Word shows before list paragraphs (its automatic numbering, which is not in
    the paragraph's text), counted as Word counts them: on through a list however far apart
    its paragraphs stand, a level starting again below a higher one. Only a level written as
    its own number alone ("%1.", "%2)", "(%1)") in a decimal, letter or roman-numeral format
    (either case) is written; bullets and any other format leave the text as it stands."""

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, str], tuple[int, str, str]] = {}
        self.counts: dict[str, dict[int, int]] = {}
        self.by_style: dict[str, tuple[str, str] | None] = {}
        try:
            self._read_definitions(document.part.numbering_part.element)
        except Exception:  # no numbering part, or one this reading cannot follow
            self.levels = {}

    def _read_definitions(self, numbering) -> None:
        abstract: dict[str | None, dict[str, tuple[int, str, str]]] = {}
        for definition in numbering.findall(_w("abstractNum")):
            abstract[definition.get(_w("abstractNumId"))] = {
                level.get(_w("ilvl"), "0"): _level(level) for level in definition.findall(_w("lvl"))
            }
        for instance in numbering.findall(_w("num")):
            base = instance.find(_w("abstractNumId"))
            levels = dict(abstract.get(None if base is None else base.get(_w("val")), {}))
            for override in instance.findall(_w("lvlOverride")):
                start = override.find(_w("startOverride"))
                level = override.get(_w("ilvl"), "0")
                if start is not None and level in levels:
                    levels[level] = (int(start.get(_w("val"))), *levels[level][1:])
            for level, definition in levels.items():
                self.levels[(instance.get(_w("numId")), level)] = definition

    def number_of(self, paragraph) -> str | None:
        """The number Word shows before `paragraph` ("1.", "b)"), or None."""
        if not self.levels:
            return None
        found = self._numbered_as(paragraph)
        if found is None or found not in self.levels:
            return None
        num_id, level = found
        start, kind, template = self.levels[found]
        counts = self.counts.get(num_id, {})
        depth = int(level)
        value = counts[depth] + 1 if depth in counts else start
        self.counts[num_id] = {d: n for d, n in counts.items() if d < depth} | {depth: value}
        written = LEVEL_FORMATS[kind](value) if kind in LEVEL_FORMATS and value > 0 else ""
        return template.format(written) if written and template else None

    def _numbered_as(self, paragraph) -> tuple[str, str] | None:
        """The list (numId) and level (ilvl) of the paragraph's numbering, or its style's."""
        properties = paragraph._p.pPr
        own = _list_of(properties.numPr) if properties is not None else None
        if own is not None:
            return own
        style_id = paragraph._p.style
        if style_id is None:
            return None
        if style_id not in self.by_style:
            self.by_style[style_id] = _style_numbering(paragraph.style)
        return self.by_style[style_id]


STYLE_CHAIN: Final = 10  # styles based on styles: a loop in a damaged file must end


def _style_numbering(style) -> tuple[str, str] | None:
    for _ in range(STYLE_CHAIN):
        if style is None:
            return None
        properties = style.element.pPr
        found = _list_of(properties.numPr) if properties is not None else None
        if found is not None:
            return found
        style = style.base_style
    return None


def _list_of(numbering) -> tuple[str, str] | None:
    """(numId, ilvl) of a w:numPr, or None where it numbers nothing (numId 0 ends a list)."""
    if numbering is None or numbering.numId is None or not numbering.numId.val:
        return None
    level = numbering.ilvl.val if numbering.ilvl is not None else 0
    return str(numbering.numId.val), str(level)


def _level(level) -> tuple[int, str, str]:
    """A list level's start, its number format, and how it writes its own number ("{}.") or
    "" where it writes more than that ("%1.%2.", a bullet)."""
    start = level.find(_w("start"))
    kind = level.find(_w("numFmt"))
    text = level.find(_w("lvlText"))
    written = ONE_PLACE.fullmatch(text.get(_w("val"), "")) if text is not None else None
    own = written is not None and int(written[2]) == int(level.get(_w("ilvl"), "0")) + 1
    return (
        int(start.get(_w("val"))) if start is not None else 1,
        kind.get(_w("val"), "") if kind is not None else "decimal",
        f"{written[1]}{{}}{written[3]}" if own and written else "",
    )


def _rows(table, marks: "_RaisedText") -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:
            if cell._tc is not previous:  # a cell spanning columns is listed once per column
                cells.append(clean("\n".join(marks.text(p) for p in cell.paragraphs)))
            previous = cell._tc
        rows.append(cells)
    return rows


def _furniture(document, kind: str, marks: "_RaisedText") -> list[str]:
    """The letterhead's or footer's lines (where a reference often stands), once each."""
    lines: list[str] = []
    for section in document.sections:
        part = getattr(section, kind)
        if part.is_linked_to_previous and lines:
            continue
        for paragraph in part.paragraphs:
            for line in (clean(piece) for piece in marks.text(paragraph).split("\n")):
                if line and line not in lines:
                    lines.append(line)
    return lines


# A footnote's mark is set as a raised run beside the figure it qualifies ("48" then a raised
# "2"); cells.marked writes it apart from the figure ("48²"), not as more of its digits.
SHIFTS: Final = {"superscript": "raised", "subscript": "lowered"}
DIGIT: Final = re.compile(r"\d")


class _RaisedText:
    """Paragraphs' text as python-docx gives it, but for digits in a superscript or subscript
    run (set on the run or by its character style, as Word's "Footnote Reference" does)."""

    def __init__(self, document) -> None:
        self.styles = document.styles.element
        self.by_style: dict[str, str] = {}

    def text(self, paragraph) -> str:
        text = ""
        for run in paragraph._p.xpath("w:r | w:hyperlink/w:r"):
            text += self._run_text(run, text)
        return text

    def _run_text(self, run, before: str) -> str:
        text = run.text
        if not DIGIT.search(text):
            return text  # only digits can join a figure: other runs need no look at their style
        shift = SHIFTS.get(self._vertical_alignment(run))
        return marked(text, shift, before) if shift else text

    def _vertical_alignment(self, run) -> str:
        own = run.xpath("string(w:rPr/w:vertAlign/@w:val)")
        if own:
            return own
        style_id = run.xpath("string(w:rPr/w:rStyle/@w:val)")
        if not style_id:
            return ""
        if style_id not in self.by_style:
            self.by_style[style_id] = self._style_alignment(style_id)
        return self.by_style[style_id]

    def _style_alignment(self, style_id: str) -> str:
        for _ in range(STYLE_CHAIN):  # a style based on another, which may raise the text
            found = (
                self.styles.xpath(f"w:style[@w:styleId='{style_id}']") if _plain(style_id) else []
            )
            if not found:
                return ""
            alignment = found[0].xpath("string(w:rPr/w:vertAlign/@w:val)")
            style_id = found[0].xpath("string(w:basedOn/@w:val)")
            if alignment or not style_id:
                return alignment
        return ""


def _plain(style_id: str) -> bool:
    """Whether a style id may stand in an XPath literal (a crafted id cannot change the query)."""
    return "'" not in style_id
