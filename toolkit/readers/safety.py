"""Limits that keep a hostile or broken file from hanging multiforce, exhausting its memory or
writing outside its folder. Each refusal is a DocumentError that says what was found.

- Office files (DOCX, XLSX, ODS) are zip archives of XML. `check_zip` refuses zip bombs (too
  many members, too much uncompressed data, too high a compression ratio, members that share
  their data) and encrypted or oddly named members; `read_member` reads one member with a cap
  that does not trust the sizes the archive declares; `check_xml` refuses any DOCTYPE or
  ENTITY declaration (external entities, "billion laughs"), which no office file needs;
  `check_office_file` does all of it for every XML member, before a library parses the file.
- `check_html` refuses pages nested deeper than any real page: the HTML parser's work grows
  with the square of the depth (100,000 nested divs take minutes).
- `check_text` refuses runs of digits longer than any figure: adapters' number patterns would
  take time growing with the square of the run.
- `time_limit` bounds reading and parsing one document, whatever else goes wrong.
- `contained_path` is how any reader that ever writes a file must name it: a name taken from
  a document cannot leave the output folder.
"""

import itertools
import re
import signal
import threading
import zipfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Final

from ..errors import DocumentError

MAX_MEMBERS: Final = 10_000
MAX_UNCOMPRESSED: Final = 256 * 1024 * 1024  # bytes, all members together
MAX_RATIO: Final = 200  # a deflated member can reach about 1,000:1; office XML is rarely above 30:1
RATIO_FROM: Final = 1024 * 1024  # a small member may be as compressible as it likes
MAX_HTML_DEPTH: Final = 10_000
# a CSV row of numbers may run to a hundred or two; a hostile run to millions
MAX_DIGIT_RUN: Final = 300
PARSE_SECONDS = 120.0  # not Final: a test shortens it

OFFICE: Final = "an office document (DOCX, XLSX or ODS) as the force sent it"


def check_zip(
    path: Path,
    *,
    max_members: int = MAX_MEMBERS,
    max_uncompressed: int = MAX_UNCOMPRESSED,
    max_ratio: float = MAX_RATIO,
) -> list[zipfile.ZipInfo]:
    """The archive's members, once it is known not to be a zip bomb."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise DocumentError(
            path,
            f"the zip container is damaged ({error}).",
            OFFICE + ": download it again, or save it again from its program.",
        ) from None
    if not members:
        raise DocumentError(
            path,
            "the zip container holds no files.",
            OFFICE + ": download it again, or save it again from its program.",
        )
    if len(members) > max_members:
        _refuse(
            path,
            f"it holds {len(members):,} files, more than the {max_members:,} any office document "
            "needs.",
        )
    total = sum(member.file_size for member in members)
    if total > max_uncompressed:
        _refuse(
            path,
            f"its files would unpack to {total:,} bytes, more than the limit of "
            f"{max_uncompressed:,}.",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM and ratio > max_ratio:
            _refuse(
                path,
                f"its member {member.filename!r} unpacks {ratio:,.0f} times larger than it is "
                f"stored (a zip bomb; office files stay below {max_ratio:g} times).",
            )
        if member.flag_bits & 0x1:
            raise DocumentError(
                path,
                f"its member {member.filename!r} is encrypted (password-protected).",
                OFFICE + ", without a password: ask the force for an unprotected copy.",
            )
        if not _plain_name(member.filename):
            _refuse(path, f"its member name {member.filename!r} points outside the archive.")
    _no_shared_data(path, members)
    return members


def read_member(
    path: Path, archive: zipfile.ZipFile, name: str, limit: int = MAX_UNCOMPRESSED
) -> bytes:
    """One member's bytes, stopping at `limit` whatever size the archive declares."""
    chunks, size = [], 0
    try:
        with archive.open(name) as member:
            while chunk := member.read(1 << 20):
                size += len(chunk)
                if size > limit:
                    _refuse(path, f"its member {name!r} unpacks to more than {limit:,} bytes.")
                chunks.append(chunk)
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise DocumentError(
            path,
            f"its member {name!r} cannot be unpacked ({error}).",
            OFFICE + ": download it again, or save it again from its program.",
        ) from None
    return b"".join(chunks)


DECLARATION: Final = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)


def check_xml(path: Path, member: str, data: bytes) -> None:
    """Refuse XML that declares a document type or entities: office XML never does."""
    sample = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        sample = data.decode("utf-16", errors="replace").encode("utf-8")
    if DECLARATION.search(sample):
        _refuse(
            path,
            f"its XML part {member!r} declares a DOCTYPE or ENTITY, which office files never do "
            "and which can make an XML parser read other files or expand without end.",
        )


def parse_xml(path: Path, member: str, data: bytes):
    """An office XML part as an ElementTree element, refused if it declares entities."""
    from xml.etree import ElementTree

    check_xml(path, member, data)
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise DocumentError(
            path,
            f"its XML part {member!r} is not well-formed ({error}).",
            OFFICE + ": download it again, or save it again from its program.",
        ) from None


def check_office_file(path: Path) -> None:
    """Every check above, for every XML part: call before handing the file to a library."""
    check_zip(path)
    with zipfile.ZipFile(path) as archive:
        for member in archive.infolist():
            if member.filename.lower().endswith((".xml", ".rels", ".vml")):
                check_xml(path, member.filename, read_member(path, archive, member.filename))


def check_html(path: Path, decoded: str, max_depth: int = MAX_HTML_DEPTH) -> None:
    """Refuse a page nested deeper than `max_depth` elements (an estimate that errs high)."""
    depth = _html_depth(decoded)
    if depth > max_depth:
        raise DocumentError(
            path,
            f"the page nests elements about {depth:,} deep; real pages stay below a few hundred, "
            "and one this deep would take the HTML parser minutes.",
            "a web page as the force published it: save it again from a browser, or save the "
            "response as text or PDF.",
        )


def check_text(path: Path, text: str, max_run: int = MAX_DIGIT_RUN) -> None:
    # A run lies within one line, so only a line longer than the longest run allowed is read:
    # a few paragraphs of a letter, not all of it.
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) <= max_run or not _digits(max_run).search(line):  # quick: every run holds one
            continue
        run = re.search(rf"(?<![\d.,])(?:\d[.,]?){{{max_run + 1},}}", line)
        if run:
            raise DocumentError(
                path,
                f"line {number} holds a run of {len(run.group(0)):,} digits; no figure in a "
                "response is that long, so the file is damaged or not a response.",
                f"a response whose numbers are figures (at most {max_run} digits): check the "
                "file, or download it again.",
            )


@lru_cache(maxsize=8)
def _digits(max_run: int) -> re.Pattern:
    """More than `max_run` digits, with at most one '.' or ',' between two of them."""
    return re.compile(rf"\d(?:[.,]?\d){{{max_run},}}")


class _OutOfTime(BaseException):
    """BaseException, so that readers' broad `except Exception` cannot swallow it."""


@contextmanager
def time_limit(path: Path, seconds: float | None = None):
    """Stop reading and parsing `path` after `seconds` with a DocumentError.

    Uses SIGALRM, so it applies in the main thread when nothing else uses that signal
    (elsewhere the document is read without a limit).
    """
    seconds = PARSE_SECONDS if seconds is None else seconds
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    )
    if not usable:
        yield
        return

    def out_of_time(signum, frame):
        raise _OutOfTime()

    previous = signal.signal(signal.SIGALRM, out_of_time)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OutOfTime:
        raise DocumentError(
            path,
            f"reading and parsing it took longer than {seconds:g} s, far longer than any response "
            "needs: the file may be damaged or built to be slow to read.",
            "a response of ordinary size and shape: check the file, or save it again as text or "
            "PDF.",
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def contained_path(path: Path, folder: Path, name: str) -> Path:
    """`folder / name` for a file named by the document `path`, refused if it would lead
    elsewhere."""
    if (
        not _plain_name(name)
        or not name.strip("./\\ ")
        or not (folder / name).resolve().is_relative_to(folder.resolve())
    ):
        raise DocumentError(
            path,
            f"it names a file {name!r} that would be written outside {folder}.",
            "a document whose embedded files have plain names: it cannot be unpacked safely.",
        )
    return (folder / name).resolve()


def _plain_name(name: str) -> bool:
    if "\x00" in name:
        return False
    for pure in (PurePosixPath(name), PureWindowsPath(name)):
        if pure.is_absolute() or pure.drive or pure.root or ".." in pure.parts:
            return False
    return True


def _no_shared_data(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Members whose stored data overlap: the 'overlapping files' zip bomb."""
    ordered = sorted(members, key=lambda m: m.header_offset)
    for first, second in itertools.pairwise(ordered):
        if first.header_offset + first.compress_size > second.header_offset:
            _refuse(
                path,
                f"its members {first.filename!r} and {second.filename!r} share their stored data "
                "(a zip bomb).",
            )


def _refuse(path: Path, problem: str) -> None:
    raise DocumentError(
        path,
        "this file is not safe to open: " + problem,
        OFFICE + ", not a crafted archive: ask the force for the file again.",
    )


# Elements that close themselves or whose end tag may be left out without nesting deeper.
_NOT_NESTING: Final = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
    "keygen",
    "basefont",
    "bgsound",
    "frame",
    "image",
    "p",
    "li",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "colgroup",
    "caption",
    "rb",
    "rt",
    "rtc",
    "rp",
    "optgroup",
}
_TAG: Final = re.compile(r"<(/?)([A-Za-z][\w:-]*+)([^<>]*+)>")


def _html_depth(decoded: str) -> int:
    open_count: dict[str, int] = {}
    depth = deepest = 0
    for match in _TAG.finditer(decoded):
        closing, name, attributes = match.groups()
        name = name.lower()
        if name in _NOT_NESTING or attributes.endswith("/"):
            continue
        held = open_count.get(name, 0)
        if closing:
            if held > 0:
                depth -= 1
            open_count[name] = held - 1 if held > 0 else 0
        else:
            depth += 1
            open_count[name] = held + 1
            deepest = max(deepest, depth)
    return deepest
