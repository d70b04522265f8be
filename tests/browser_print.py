"""Print a saved web page to PDF the way a browser does, for the PDF reader's tests.

Browsers print a page as wrapped paragraphs, list items with bullets and tables with ruled
cells, and add their own furniture to every page: the date and the page's title at the top,
its URL and "page/pages" at the bottom. This module lays a page out the same way with
reportlab, so that the tests can make such PDFs (and variants of them) rather than download
one. Run it as a script to rewrite the committed fixture:

    python tests/browser_print.py
"""

from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).parent
MET_HTML = HERE / "fixtures" / "metropolitan" / "01.FOI.22.022895.html"
MET_PDF = HERE / "fixtures" / "metropolitan" / "01.FOI.22.022895.pdf"
MET_URL = "https://www.met.police.uk/foi-ai/metropolitan-police/d/february-2022/mobile-fingerprint-scanners-knife-arches-and-wands/"
PRINTED_AT = "14/03/2022, 10:42"
SKIPPED = {"head", "script", "style", "noscript", "template", "svg"}
HEADINGS = {"h1": 20, "h2": 15, "h3": 13}


def print_page(
    html: str, out: Path, *, url: str = MET_URL, printed_at: str = PRINTED_AT, paper: str = "A4"
) -> Path:
    """Lay `html` out on pages of `paper` (A4, A5, letter) as a browser prints it; write the PDF to
    `out`."""
    from reportlab.lib import pagesizes
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    from selectolax.lexbor import LexborHTMLParser

    root = LexborHTMLParser(html)
    title = root.css_first("title").text(strip=True) if root.css_first("title") else ""
    flowables = _flowables(root.body)

    size = getattr(pagesizes, paper)

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        width, height = size
        canvas.drawString(6 * mm, height - 6 * mm, printed_at)
        canvas.drawCentredString(width / 2, height - 6 * mm, title)
        canvas.drawString(6 * mm, 5 * mm, url)
        canvas.drawRightString(width - 6 * mm, 5 * mm, f"{doc.page}/{doc.total_pages}")
        canvas.restoreState()

    # Two passes, as a browser does, so that every footer can say how many pages there are.
    counting = SimpleDocTemplate(
        str(out),
        pagesize=size,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        invariant=1,
    )
    counting.total_pages = 0
    counting.build(list(flowables), onFirstPage=lambda c, d: None, onLaterPages=lambda c, d: None)
    total = counting.page
    document = SimpleDocTemplate(
        str(out),
        pagesize=size,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        invariant=1,
        title=title,
    )
    document.total_pages = total
    document.build(_flowables(root.body), onFirstPage=furniture, onLaterPages=furniture)
    return out


def _flowables(body) -> list:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    text_style = ParagraphStyle("p", fontName="Times-Roman", fontSize=12, leading=14, spaceAfter=12)
    item_style = ParagraphStyle(
        "li", parent=text_style, leftIndent=24, bulletIndent=10, spaceAfter=2
    )
    out: list = []

    def walk(node):
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag in SKIPPED or tag == "-comment":
                continue
            if tag == "-text":
                text = " ".join((child.text_content or "").split())
                if text:
                    out.append(Paragraph(escape(text), text_style))
            elif tag in HEADINGS:
                size = HEADINGS[tag]
                style = ParagraphStyle(
                    tag,
                    parent=text_style,
                    fontName="Times-Bold",
                    fontSize=size,
                    leading=size * 1.2,
                    spaceBefore=6,
                    spaceAfter=10,
                )
                out.append(Paragraph(escape(_text(child)), style))
            elif tag == "p" or tag == "a":
                out.append(Paragraph(escape(_text(child)), text_style))
            elif tag in {"ul", "ol"}:
                items = [item for item in child.iter() if item.tag == "li"]
                for n, item in enumerate(items, 1):  # the list's own margin follows its last item
                    style = (
                        item_style
                        if n < len(items)
                        else ParagraphStyle("last", parent=item_style, spaceAfter=12)
                    )
                    out.append(_ListItem(escape(_text(item)), style))
            elif tag == "table":
                out.append(_table(child, text_style))
            else:
                walk(child)

    walk(body)
    return out


def _ListItem(text, style):
    """A list item whose disc marker is drawn, not written, as browsers print it."""
    from reportlab.platypus import Paragraph

    class ListItem(Paragraph):
        continued = False  # the part of an item carried over to the next page has no marker

        def split(self, width, height):
            parts = super().split(width, height)
            for part in parts[1:]:
                part.continued = True
            return parts

        def draw(self):
            if not self.continued:
                self.canv.circle(
                    self.style.bulletIndent + 2, self.height - self.style.fontSize * 0.7, 2, fill=1
                )
            super().draw()

    return ListItem(text, style)


def _table(node, text_style):
    """A table as browsers print one with collapsed borders: a ruled box around each cell."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
    from reportlab.platypus.flowables import KeepTogether

    cell_style = ParagraphStyle("td", parent=text_style, spaceAfter=0)
    head_style = ParagraphStyle("th", parent=cell_style, fontName="Times-Bold")
    rows = [
        [(cell.tag, _text(cell)) for cell in row.iter() if cell.tag in {"td", "th"}]
        for row in node.css("tr")
    ]
    width = max(len(row) for row in rows)
    data = [
        [Paragraph(escape(text), head_style if tag == "th" else cell_style) for tag, text in row]
        + [""] * (width - len(row))
        for row in rows
    ]
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    for y, row in enumerate(rows):
        for x in range(len(row)):
            commands.append(("BOX", (x, y), (x, y), 0.75, "black"))
    table = Table(data, colWidths=[42 * 2.83] + [40 * 2.83] * (width - 1), hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return KeepTogether([table, Spacer(1, 12)])


def _text(node) -> str:
    return " ".join(node.text(deep=True, separator=" ").split())


if __name__ == "__main__":
    print_page(MET_HTML.read_text(encoding="utf-8"), MET_PDF)
    print(f"wrote {MET_PDF}")
