"""PDF files made in the tests: a minimal writer, so no PDF library is needed to make them."""


def make_pdf(lines=(), *, lines_per_page: int = 60, drawing: bool = False) -> bytes:
    """A PDF whose pages show `lines` of text (Helvetica, Windows-1252), or no text at all.

    With no lines, each page holds only a drawn rectangle (`drawing`) or nothing: a scan-like
    PDF with no text layer.
    """
    lines = list(lines)
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids = []
    for number, page_lines in enumerate(pages):
        page, content = 4 + 2 * number, 5 + 2 * number
        kids.append(f"{page} 0 R".encode())
        stream = (
            _text(page_lines)
            if page_lines
            else (b"0 0 1 rg 100 100 200 200 re f" if drawing else b"")
        )
        objects[page] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 3000 842] /Contents {content} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>"
        ).encode()
        objects[content] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in sorted(objects))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _text(lines) -> bytes:
    parts = [b"BT /F1 9 Tf 12 TL 20 820 Td"]
    for line in lines:
        encoded = line.encode("cp1252", errors="replace")
        escaped = encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        parts.append(b"(" + escaped + b") Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)
