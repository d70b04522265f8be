"""A saved web page: its visible text, block by block, and its tables.

Table rows become lines of cells joined by " | " (readers/cells.py), as a browser's copied text
reads,
so an adapter's patterns work on a page saved as HTML and on its text alike.
"""

import re
from pathlib import Path
from typing import Final

from ..document import Document
from .cells import marked, row_line
from .safety import check_html

INVISIBLE = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "ul",
}
SPACES = re.compile(r"[ \t\r\n\f\v]+")


def looks_like_html(path: Path, decoded: str) -> bool:
    if path.suffix.lower() in {".html", ".htm", ".xhtml"}:
        return True
    head = decoded.lstrip()[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def read(path: Path, data: bytes, decoded: str) -> Document:
    from selectolax.lexbor import LexborHTMLParser

    check_html(path, decoded)
    root = LexborHTMLParser(decoded).root
    lines: list[str] = []
    tables: dict[int, list[list[str]]] = {}
    current: list[str] = []
    item_numbers: dict[int, str] = {}  # an ordered list's items, by mem_id: "1.", "b."

    def end_line():
        line = SPACES.sub(" ", "".join(current)).strip()
        if line:
            lines.append(line)
        current.clear()

    # Iterative walk: a hostile page can nest deeper than Python's recursion limit.
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node is None:
            end_line()
            continue
        tag = node.tag
        if tag == "-text":
            current.append(_shown(node, current[-1] if current else ""))
            continue
        if tag in INVISIBLE or tag in {"-comment", "!doctype"}:
            continue
        if tag == "tr":
            end_line()
            cells = [_cell_text(cell) for cell in node.iter() if cell.tag in {"td", "th"}]
            if any(cells):
                lines.append(row_line(cells))
                tables.setdefault(_table_of(node), []).append(cells)
            continue
        if tag in BLOCKS:
            end_line()
            stack.append(None)
            if tag == "ol":
                item_numbers.update(_item_numbers(node))
            elif tag == "li" and node.mem_id in item_numbers:
                current.append(item_numbers[node.mem_id] + " ")
        stack.extend(reversed(list(node.iter(include_text=True))))
    end_line()
    return Document(
        path=path,
        data=data,
        media_type="text/html",
        text="\n".join(lines),
        tables=list(tables.values()),
    )


LETTERED: Final = {"a": "abcdefghijklmnopqrstuvwxyz", "A": "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def _item_numbers(ordered_list) -> dict[int, str]:
    """The number a browser shows before each item of an `<ol>`, written as a letter writes it
    ("1.", "b."), by the item's mem_id. A list counted in a way not read here (roman
    numerals, counting down) keeps its items unnumbered rather than numbered wrongly."""
    attributes = ordered_list.attributes
    kind = attributes.get("type") or "1"
    if "reversed" in attributes or (kind != "1" and kind not in LETTERED):
        return {}
    numbers: dict[int, str] = {}
    count = _whole_number(attributes.get("start"), 1) - 1
    for item in ordered_list.iter():
        if item.tag != "li":
            continue
        count = _whole_number(item.attributes.get("value"), count + 1)
        if kind == "1":
            numbers[item.mem_id] = f"{count}."
        elif 1 <= count <= len(LETTERED[kind]):
            numbers[item.mem_id] = f"{LETTERED[kind][count - 1]}."
    return numbers


def _whole_number(written: str | None, otherwise: int) -> int:
    try:
        return int(written) if written else otherwise
    except ValueError:
        return otherwise


def _cell_text(cell) -> str:
    if cell.css_first("sup, sub") is None:
        return SPACES.sub(" ", cell.text(deep=True, separator=" ")).strip()
    parts: list[str] = []
    for node in cell.traverse(include_text=True):
        if node.tag != "-text":
            continue
        shown = _shown(node, parts[-1] if parts else "")
        if _shift_of(node) and parts and shown != (node.text_content or ""):
            parts[-1] += shown  # a mark stands against the figure, as the page shows it
        else:
            parts.append(shown)
    return SPACES.sub(" ", " ".join(parts)).strip()


# A footnote's mark is a <sup> beside the figure it qualifies ("48<sup>2</sup>"); cells.marked
# writes it apart from the figure ("48²"), not as more of its digits.
SHIFTS: Final = {"sup": "raised", "sub": "lowered"}
DIGIT: Final = re.compile(r"\d")
SHIFT_DEPTH: Final = 3  # a <sup> around a <span> or <a> around the mark still raises it


def _shift_of(text_node) -> str | None:
    node = text_node.parent
    for _ in range(SHIFT_DEPTH):
        if node is None or node.tag in BLOCKS or node.tag in {"td", "th"}:
            return None
        if node.tag in SHIFTS:
            return SHIFTS[node.tag]
        node = node.parent
    return None


def _shown(text_node, before: str) -> str:
    text = text_node.text_content or ""
    if not DIGIT.search(text):
        return text  # only digits can join a figure: other text needs no look at its tags
    shift = _shift_of(text_node)
    return marked(text, shift, before) if shift else text


def _table_of(row) -> int:
    node = row.parent
    while node is not None and node.tag != "table":
        node = node.parent
    return node.mem_id if node is not None else 0
