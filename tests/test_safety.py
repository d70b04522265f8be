"""toolkit/readers/safety.py: zip bombs, XML entities and paths, on files made here.

The office readers (DOCX, XLSX, ODS) call these checks before a library opens a file.
"""

import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import MET_TEXT
from multiforce.toolkit.errors import DocumentError
from multiforce.toolkit.pipeline import ingest
from multiforce.toolkit.readers import safety

DOCUMENT_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>2019 | 27217</w:t></w:r></w:p></w:body></w:document>"
)
CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types '
    b'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
)


def office_file(path: Path, members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def docx(path: Path, document: bytes = DOCUMENT_XML) -> Path:
    return office_file(path, {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": document})


def refused(match: str):
    return pytest.raises(DocumentError, match=match)


def test_an_ordinary_office_file_passes(tmp_path):
    path = docx(tmp_path / "response.docx")
    safety.check_office_file(path)
    with zipfile.ZipFile(path) as archive:
        element = safety.parse_xml(
            path, "word/document.xml", safety.read_member(path, archive, "word/document.xml")
        )
    assert "".join(element.itertext()) == "2019 | 27217"


def test_a_deflate_bomb_is_refused(tmp_path):
    path = office_file(
        tmp_path / "bomb.xlsx", {"xl/worksheets/sheet1.xml": b"\0" * (40 * 1024 * 1024)}
    )
    assert path.stat().st_size < 100_000
    with refused(
        r"bomb\.xlsx: this file is not safe to open: its member 'xl/worksheets/sheet1\.xml' "
        r"unpacks [\d,]+ times larger than it is stored \(a zip bomb.* Expected an office document"
    ):
        safety.check_office_file(path)


def test_too_much_data_in_all_is_refused(tmp_path):
    members = {f"xl/worksheets/sheet{n}.xml": os.urandom(100_000) for n in range(3)}
    path = office_file(tmp_path / "big.xlsx", members, zipfile.ZIP_STORED)
    safety.check_zip(path)  # within the real limit
    with refused(r"big\.xlsx: .* would unpack to 300,000 bytes, more than the limit of 200,000"):
        safety.check_zip(path, max_uncompressed=200_000)


def test_too_many_members_is_refused(tmp_path):
    path = office_file(
        tmp_path / "many.ods",
        {f"part{n}.xml": b"<a/>" for n in range(safety.MAX_MEMBERS + 1)},
        zipfile.ZIP_STORED,
    )
    with refused(r"many\.ods: .* it holds 10,001 files, more than the 10,000"):
        safety.check_zip(path)


def test_members_that_share_their_data_are_refused(tmp_path):
    """The 'overlapping files' zip bomb: many directory entries, one stored blob."""
    data = zlib.compress(b"<a/>" * 1000)[2:-4]
    local = (
        struct.pack(
            "<4s5H3L2H",
            b"PK\x03\x04",
            20,
            0,
            8,
            0,
            0,
            zlib.crc32(b"<a/>" * 1000),
            len(data),
            4000,
            5,
            0,
        )
        + b"a.xml"
        + data
    )
    entries = b"".join(
        struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            zlib.crc32(b"<a/>" * 1000),
            len(data),
            4000,
            5,
            0,
            0,
            0,
            0,
            0,
            0,
        )
        + name
        for name in (b"a.xml", b"b.xml")
    )
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 2, 2, len(entries), len(local), 0)
    path = tmp_path / "overlap.docx"
    path.write_bytes(local + entries + end)
    with refused(r"overlap\.docx: .* its members 'a\.xml' and 'b\.xml' share their stored data"):
        safety.check_zip(path)


def test_an_encrypted_member_is_refused(tmp_path):
    data = bytearray(docx(tmp_path / "plain.docx").read_bytes())
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the 'encrypted' bit
        at = data.find(signature)
        while at >= 0:
            data[at + flags] |= 0x1
            at = data.find(signature, at + 1)
    path = tmp_path / "locked.docx"
    path.write_bytes(bytes(data))
    with refused(
        r"locked\.docx: its member '\[Content_Types\]\.xml' is encrypted .* ask the force for an "
        r"unprotected copy"
    ):
        safety.check_zip(path)


@pytest.mark.parametrize(
    "name", ["../evil.xml", "/etc/passwd", "word/../../evil.xml", "C:\\evil.xml", "..\\evil.xml"]
)
def test_member_names_that_leave_the_archive_are_refused(tmp_path, name):
    path = office_file(tmp_path / "slip.docx", {"word/document.xml": DOCUMENT_XML, name: b"<a/>"})
    with refused(r"slip\.docx: .* its member name .* points outside the archive"):
        safety.check_zip(path)


@pytest.mark.parametrize(
    "data,problem",
    [
        (b"PK\x03\x04 this is not really a zip", "is damaged"),
        (b"", "is damaged"),
        (b"PK\x05\x06" + b"\0" * 18, "holds no files"),
    ],
)
def test_a_damaged_zip_is_a_clear_error(tmp_path, data, problem):
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(data)
    with refused(
        rf"damaged\.xlsx: the zip container {problem}.* Expected an office document .* download it "
        r"again"
    ):
        safety.check_zip(path)


def test_reading_a_member_stops_at_the_limit_whatever_the_archive_says(tmp_path):
    path = docx(tmp_path / "response.docx", b"<a>" + b"x" * 5000 + b"</a>")
    with (
        zipfile.ZipFile(path) as archive,
        refused(r"its member 'word/document\.xml' unpacks to more than 1,000 bytes"),
    ):
        safety.read_member(path, archive, "word/document.xml", limit=1000)


XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<w:document xmlns:w="x"><w:t>&xxe;</w:t></w:document>'
)
LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
        for n in range(1, 10)
    )
    + b"]>\n<lolz>&lol9;</lolz>"
)


@pytest.mark.parametrize(
    "xml",
    [
        XXE,
        LAUGHS,
        b"<!doctype x SYSTEM 'http://example.invalid/x.dtd'><x/>",
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'.encode(
            "utf-16"
        ),
    ],
    ids=["external entity", "billion laughs", "external DTD", "UTF-16 DOCTYPE"],
)
def test_xml_with_a_doctype_or_entities_is_refused(tmp_path, xml):
    path = docx(tmp_path / "entities.docx", xml)
    with refused(
        r"entities\.docx: this file is not safe to open: its XML part 'word/document\.xml' "
        r"declares a DOCTYPE"
    ):
        safety.check_office_file(path)
    with refused("declares a DOCTYPE or ENTITY"):
        safety.parse_xml(path, "word/document.xml", xml)


def test_malformed_xml_is_a_clear_error(tmp_path):
    with refused(
        r"response\.docx: its XML part 'word/document\.xml' is not well-formed .* Expected an "
        r"office document"
    ):
        safety.parse_xml(tmp_path / "response.docx", "word/document.xml", b"<a><b></a>")


@pytest.mark.parametrize("name", ["sheet1.csv", "media/image1.png", "a b.txt"])
def test_plain_names_stay_in_the_folder(tmp_path, name):
    assert safety.contained_path(tmp_path / "response.docx", tmp_path, name).parent.is_relative_to(
        tmp_path
    )


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "a/../../x", "..", "", "C:\\x", "x\x00y"])
def test_names_that_lead_elsewhere_are_refused(tmp_path, name):
    with refused(r"response\.docx: it names a file .* that would be written outside"):
        safety.contained_path(tmp_path / "response.docx", tmp_path / "out", name)


def test_nothing_from_a_documents_content_becomes_a_path(tmp_path, monkeypatch):
    """The database (and its lock) is the only file ingest writes, wherever the document says."""
    text = MET_TEXT.read_text(encoding="utf-8").replace(
        "Disclosure\n",
        "Disclosure\nSee ../../../etc/passwd and /tmp/evil.db and C:\\evil and ~/x\n",
    )
    documents, out, cwd = (tmp_path / name for name in ("documents", "out", "cwd"))
    for folder in (documents, out, cwd):
        folder.mkdir()
    letter = documents / "..;$(touch evil)|letter.txt"
    letter.write_text(text, encoding="utf-8")
    monkeypatch.chdir(cwd)
    before = {p for p in tmp_path.parent.rglob("*")}
    ingest(out / "campaign.db", [letter])
    created = {p for p in tmp_path.parent.rglob("*")} - before
    assert created == {out / "campaign.db", out / "campaign.db.lock"}


def test_office_readers_refuse_a_zip_bomb_before_parsing(tmp_path):
    """The DOCX reader goes through the safety checks: a highly compressible member is refused."""
    from multiforce.toolkit.errors import DocumentError
    from multiforce.toolkit.readers import read_document

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", "<w:document>" + " " * (50 * 1024 * 1024) + "</w:document>"
        )
    with pytest.raises(DocumentError, match="zip bomb"):
        read_document(path)


def test_office_readers_refuse_xml_entities(tmp_path):
    from multiforce.toolkit.errors import DocumentError
    from multiforce.toolkit.readers import read_document

    path = tmp_path / "entities.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
        )
    with pytest.raises(DocumentError, match="DOCTYPE or ENTITY"):
        read_document(path)
