"""The database file's handling on any platform: the portable lock between writers, and no
module that only a POSIX system has."""

import ast
import errno
import mmap
import os
import threading
import time
from pathlib import Path

import pytest
from conftest import MET_HTML, MET_TEXT, ROOT
from multiforce.toolkit import pipeline
from multiforce.toolkit.errors import DatabaseBusy
from multiforce.toolkit.pipeline import ingest
from multiforce.toolkit.store import copying, files, publish

POSIX_ONLY = {"fcntl", "termios", "pwd", "grp", "resource", "posix", "tty", "pty"}


def test_a_second_writer_waits_for_the_first_to_finish(tmp_path):
    db = tmp_path / "campaign.db"
    order = []
    first_holds = threading.Event()

    def first():
        with files.locked(db):
            first_holds.set()
            order.append("first in")
            time.sleep(0.5)
            order.append("first out")

    holder = threading.Thread(target=first)
    holder.start()
    first_holds.wait(5)
    started = time.monotonic()
    with files.locked(db):
        order.append("second in")
        waited = time.monotonic() - started
    holder.join()
    assert order == ["first in", "first out", "second in"]
    assert waited >= 0.3


def test_a_writer_kept_waiting_past_the_limit_is_told_the_database_is_busy(tmp_path, monkeypatch):
    db = tmp_path / "campaign.db"
    monkeypatch.setattr(files, "LOCK_WAIT_SECONDS", 0.2)
    release = threading.Event()
    holding = threading.Event()

    def holder():
        with files.locked(db):
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    holding.wait(5)
    try:
        with pytest.raises(DatabaseBusy, match=r"campaign\.db: database busy"):
            with files.locked(db):
                pass
    finally:
        release.set()
        thread.join()
    with files.locked(db):  # released: the next writer goes straight in
        pass


def test_a_database_path_with_spaces_and_uri_characters_is_read_and_written(tmp_path, cli):
    """Read-only connections name the file as an encoded URI: `#` or `?` in a path would
    otherwise cut it short, and a Windows drive letter would not parse."""
    db = tmp_path / "my campaign #2?.db"
    ingest(db, [MET_TEXT])
    with files.connect_read_only(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    again = cli("ingest", "--db", db, MET_TEXT)  # reads what is held, read-only, to skip it
    assert again.exit_code == 0, again.output
    listed = cli("forces", "--db", db)
    assert listed.exit_code == 0, listed.output
    assert [path.name for path in tmp_path.iterdir() if path.suffix == ".db"] == [db.name]


def _imported_at_module_level(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.skipif(not (ROOT / "toolkit").is_dir(), reason="no source tree beside the tests")
def test_no_module_imports_a_posix_only_module_at_module_level():
    found = {
        str(path.relative_to(ROOT)): sorted(_imported_at_module_level(path) & POSIX_ONLY)
        for folder in ("toolkit", "schemas", "forces")
        for path in (ROOT / folder).rglob("*.py")
    }
    assert {path: names for path, names in found.items() if names} == {}


@pytest.mark.parametrize("journal", [None, "-journal", "-wal"])
def test_the_published_database_is_copied_whole_with_or_without_a_journal_beside_it(
    tmp_path, journal
):
    import sqlite3

    source, copy = tmp_path / "m.db", tmp_path / "copy.db"
    ingest(source, [MET_TEXT], "metropolitan")
    if journal:
        Path(f"{source}{journal}").write_bytes(b"")  # left by another program: backup reads it
    files.copy_database(source, copy)

    def rows(db):
        conn = sqlite3.connect(db)
        try:
            return conn.execute("SELECT * FROM observations ORDER BY observation_id").fetchall()
        finally:
            conn.close()

    assert rows(copy) == rows(source) and len(rows(copy)) == 28


def test_a_file_that_is_not_a_database_is_not_copied(tmp_path):
    source = tmp_path / "notes.db"
    source.write_text("not a database at all, but long enough to have a header " * 10)
    with pytest.raises(Exception, match="not a multiforce database"):
        files.copy_database(source, tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()


def test_an_ingest_flushes_its_copy_as_it_goes_and_finishes_before_the_rename(
    tmp_path, monkeypatch
):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    started, finished_before_rename = [], []
    real_flush, real_replace = files.flush_soon, files.replace

    def flush_soon(path):
        started.append(real_flush(path))
        return started[-1]

    def replace(aside, db_path):
        finished_before_rename.append(not any(thread.is_alive() for thread in started))
        real_replace(aside, db_path)

    monkeypatch.setattr(files, "flush_soon", flush_soon)
    monkeypatch.setattr(files, "replace", replace)
    ingest(db, [MET_HTML])
    assert len(started) == 1 and finished_before_rename == [True]
    files.flush_soon(tmp_path / "gone.db").join()  # a copy removed meanwhile: nothing raised


def _asides(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if ".building" in path.name)


def test_an_ingest_copies_the_database_while_it_hashes_and_parses_and_waits_for_the_copy(
    tmp_path, monkeypatch
):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    monkeypatch.setattr(copying, "COPY_CHUNK_BYTES", 4096)  # many chunks, however quick the disk
    events = []
    real_start, real_parse = files.Copy.__init__, pipeline.parse
    real_hash, real_write = pipeline.Digests.of, publish.Publication.write

    real_held = publish.Publication.held_documents

    def hash_(digests, path):
        events.append(f"hashed {Path(path).suffix}")
        return real_hash(digests, path)

    def held(session):
        events.append("published documents read")
        return real_held(session)

    def start(copy, *args):
        events.append("copy started")
        real_start(copy, *args)

    def parse(path, force):
        events.append("parsed")
        return real_parse(path, force)

    def write(session, extraction):
        real_write(session, extraction)
        held = session.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        events.append(f"written beside {held - 1} document")  # the whole copy's

    monkeypatch.setattr(pipeline.Digests, "of", hash_)
    monkeypatch.setattr(publish.Publication, "held_documents", held)
    monkeypatch.setattr(files.Copy, "__init__", start)
    monkeypatch.setattr(pipeline, "parse", parse)
    monkeypatch.setattr(publish.Publication, "write", write)
    ingest(db, [MET_TEXT, MET_HTML])  # one published already, then a new document
    assert events == [
        "published documents read",  # not behind the copy's reads and writes
        "copy started",  # as soon as a file is seen to be new, before any is hashed
        f"hashed {MET_TEXT.suffix}",
        f"hashed {MET_HTML.suffix}",
        "parsed",
        "written beside 1 document",
    ]
    conn = files.connect_read_only(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    assert _asides(tmp_path) == []


def test_an_ingest_of_files_as_they_were_copies_nothing_and_one_touched_drops_its_copy(
    tmp_path, monkeypatch
):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    before = db.read_bytes()
    started = []
    real_start = files.Copy.__init__
    monkeypatch.setattr(
        files.Copy, "__init__", lambda copy, *args: started.append(1) or real_start(copy, *args)
    )
    ingest(db, [MET_TEXT])
    assert started == []
    touched = tmp_path / MET_TEXT.name  # the same text in another file: its stat is new
    touched.write_bytes(MET_TEXT.read_bytes())
    ingest(db, [touched])
    assert started == [1]
    assert db.read_bytes() == before and _asides(tmp_path) == []


def test_an_ingest_that_fails_stops_its_copy_and_leaves_the_database_as_it_was(
    tmp_path, monkeypatch
):
    db = tmp_path / "m.db"
    ingest(db, [MET_TEXT])
    before = db.read_bytes()
    monkeypatch.setattr(copying, "COPY_CHUNK_BYTES", 4096)

    def parse(path, force):
        raise RuntimeError("a reader failed")

    monkeypatch.setattr(pipeline, "parse", parse)
    with pytest.raises(RuntimeError, match="a reader failed"):
        ingest(db, [MET_HTML])
    assert db.read_bytes() == before and _asides(tmp_path) == []


def test_a_copy_in_the_background_is_whole_or_says_why_it_could_not_copy(tmp_path):
    source = tmp_path / "m.db"
    ingest(source, [MET_TEXT])
    whole = files.Copy(source, tmp_path / "whole.db")
    whole.result()
    assert (tmp_path / "whole.db").read_bytes() == source.read_bytes()
    notes = tmp_path / "notes.db"
    notes.write_text("not a database at all, but long enough to have a header " * 10)
    with pytest.raises(Exception, match="not a multiforce database"):
        files.Copy(notes, tmp_path / "notes-copy.db").result()


@pytest.mark.skipif(not hasattr(os, "copy_file_range"), reason="elsewhere a copy runs to its end")
def test_a_copy_told_to_stop_writes_no_further_chunk(tmp_path):
    source = tmp_path / "m.db"
    ingest(source, [MET_TEXT])
    told = threading.Event()
    told.set()
    files.copy_database(source, tmp_path / "stopped.db", told)
    assert (tmp_path / "stopped.db").stat().st_size == 0 < source.stat().st_size


@pytest.mark.skipif(not hasattr(os, "O_DIRECT"), reason="only Linux reads past the page cache")
@pytest.mark.parametrize("size", [0, 3 * 4096, 3 * 4096 + 123, 17])
@pytest.mark.parametrize("in_cache", ["none", "all", "every other chunk"])
def test_a_copy_past_the_page_cache_is_the_file_byte_for_byte_whatever_its_size(
    tmp_path, monkeypatch, size, in_cache
):
    monkeypatch.setattr(copying, "COPY_CHUNK_BYTES", 2 * 4096)  # whole chunks, then a part
    chunk = max(1, copying.COPY_CHUNK_BYTES // mmap.PAGESIZE)  # in pages
    said = {
        "none": lambda pages: bytes(pages),
        "all": lambda pages: b"\1" * pages,
        "every other chunk": lambda pages: bytes(i // chunk % 2 for i in range(pages)),
    }[in_cache]
    monkeypatch.setattr(
        copying, "_pages_in_cache", lambda fd, size: said(-(-size // mmap.PAGESIZE))
    )
    source, copy = tmp_path / "source", tmp_path / "copy"
    source.write_bytes(os.urandom(size))
    if not copying._copy_past_the_cache(source, copy, threading.Event()):
        pytest.skip(f"{tmp_path}: this file system refuses O_DIRECT")
    assert copy.read_bytes() == source.read_bytes()


def _skip_where_the_cache_keeps_pages(fd: int, page: int, tmp_path) -> None:
    """Skip unless the cache let the page go when told to, asked without mincore: tmpfs, held in
    memory, does not."""
    try:
        os.preadv(fd, [bytearray(mmap.PAGESIZE)], page * mmap.PAGESIZE, os.RWF_NOWAIT)
        pytest.skip(f"{tmp_path}: the page cache keeps this file system's pages")
    except BlockingIOError:
        pass


@pytest.mark.skipif(not hasattr(os, "RWF_NOWAIT"), reason="no way to look at the cache here")
def test_the_pages_of_a_file_in_the_page_cache_are_told_from_those_not(tmp_path):
    path = tmp_path / "file"
    path.write_bytes(os.urandom(64 * mmap.PAGESIZE))
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)  # written out, so that the cache may let its pages go
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        none = copying._pages_in_cache(fd, path.stat().st_size)
        _skip_where_the_cache_keeps_pages(fd, 63, tmp_path)
        os.pread(fd, 8 * mmap.PAGESIZE, 0)
        assert none == bytes(64)
        assert copying._pages_in_cache(fd, path.stat().st_size)[:8] == b"\1" * 8
    finally:
        os.close(fd)


def test_a_copy_leaves_in_the_cache_the_pages_it_read_from_it(tmp_path):
    """An ingest then reads the rows it did not change from the published file (summaries.py)."""
    size, pages = 8 << 20, (8 << 20) // mmap.PAGESIZE
    source, copy = tmp_path / "source", tmp_path / "copy"
    source.write_bytes(os.urandom(size))
    fd = os.open(source, os.O_RDONLY)
    try:
        os.pread(fd, size, 0)
        if copying._pages_in_cache(fd, size) != b"\1" * pages:
            pytest.skip("no way to look at the cache here")
        if not copying._copy_past_the_cache(source, copy, threading.Event()):
            pytest.skip(f"{tmp_path}: this file system refuses O_DIRECT")
        assert copying._pages_in_cache(fd, size) == b"\1" * pages
        assert copy.read_bytes() == source.read_bytes()
    finally:
        os.close(fd)


@pytest.mark.skipif(not hasattr(os, "copy_file_range"), reason="elsewhere shutil copies")
def test_a_file_system_that_refuses_to_read_past_the_cache_gets_the_usual_copy(
    tmp_path, monkeypatch
):
    source = tmp_path / "m.db"
    ingest(source, [MET_TEXT])

    def refused(*args):
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(os, "preadv", refused)
    files.copy_database(source, tmp_path / "copy.db", threading.Event())
    assert (tmp_path / "copy.db").read_bytes() == source.read_bytes()


def test_a_journal_left_without_its_aside_database_is_cleared_by_the_next_writer(tmp_path):
    db = tmp_path / "m.db"
    lone = tmp_path / ".m.db.0123abcd.building-journal"
    lone.write_bytes(b"")
    ingest(db, [MET_TEXT])
    assert not lone.exists()


def test_a_build_keeps_a_database_holding_more_than_it_gives_unless_told_to_replace(tmp_path, cli):
    db = tmp_path / "m.db"
    assert cli("build", "--db", db, "--quiet").exit_code == 0
    rebuilt = cli("build", "--db", db, "--quiet")
    assert rebuilt.exit_code == 0, rebuilt.output  # the same corpus again: nothing is lost
    ours = tmp_path / "ours.yaml"
    ours.write_text(
        "source_kind: transcription\nforce_id: kent\nreference: OURS/1\ntitle: Our request\n"
        "source_url: https://example.org/ours\noutcomes:\n  - technology: knife_arch\n"
        "    measure: uses\n    status: not_held\n    locator: answer 1\n",
        encoding="utf-8",
    )
    ingest(db, [ours])
    before = db.read_bytes()
    refused = cli("build", "--db", db, "--quiet")
    assert refused.exit_code != 0
    assert "it holds 1 response that a build does not give" in refused.output
    assert "corpus: kent/" in refused.output and "--replace" in refused.output
    assert db.read_bytes() == before and _asides(tmp_path) == []
    replaced = cli("build", "--db", db, "--quiet", "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert db.read_bytes() != before
