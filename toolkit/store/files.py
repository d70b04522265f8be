"""The database file: the writers' lock, the copy built aside and renamed over the old file,
fsync, half-built copies left by a killed writer, and disk errors said in the user's terms."""

import errno
import glob
import os
import re
import sqlite3
import stat
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import DatabaseBusy, MultiforceError
from . import copying

LOCK_WAIT_SECONDS = 30.0
CANNOT_WRITE = {
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_IOERR,
}


def not_a_database(path: Path, error: Exception) -> MultiforceError:
    """The one message for a --db file that is not a database multiforce wrote."""
    return MultiforceError(
        f"{path}: this is not a multiforce database ({error}). Expected a database that "
        "`multiforce build` or `multiforce ingest` wrote: give its path with --db, or move this "
        "file away."
    )


# The tables every database multiforce wrote holds: a file without them is someone else's.
CORE_TABLES = frozenset({"forces", "responses", "documents", "observations", "outcomes"})


def is_multiforce(conn: sqlite3.Connection) -> bool:
    """Whether the database CONN opens holds multiforce's tables."""
    return CORE_TABLES <= table_names(conn)


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}


def replaceable(path: Path) -> None:
    """Refuse to write over a file that is not a database multiforce wrote: every write
    publishes a new file in its place, and another program's data would be lost without a
    word."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return
    try:
        conn = connect_read_only(path)
        try:
            tables = table_names(conn)
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise not_a_database(path, error) from None
    if not CORE_TABLES <= tables:
        shown = ", ".join(sorted(tables)[:5]) or "none"
        raise MultiforceError(
            f"{path}: this is not a multiforce database (its tables: {shown}), and writing "
            "replaces the file at --db whole. Expected a new path or a database multiforce "
            "wrote: give another --db, or move this file away."
        )


def no_such_database(path: Path) -> MultiforceError:
    return MultiforceError(
        f"{path}: no such database. Expected a database built by `multiforce build` or "
        "`multiforce ingest`: check the --db path."
    )


def connect_read_only(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A read-only connection, waiting at most `timeout` seconds for a writer's commit. The path
    goes into a file: URI properly encoded, so a Windows drive letter, a space, `?` or `#` in it
    names the same file everywhere."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)


@contextmanager
def locked(db_path: Path):
    """Hold the database's lock file; writers wait their turn, at most LOCK_WAIT_SECONDS."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(db_path.with_name(db_path.name + ".lock"), thread_local=False)
    try:
        lock.acquire(timeout=LOCK_WAIT_SECONDS, poll_interval=0.05)
    except Timeout:
        raise DatabaseBusy(
            f"{db_path}: database busy: another multiforce process has been writing to it for "
            f"over {LOCK_WAIT_SECONDS:.0f} s. Wait for it to finish and run again."
        ) from None
    try:
        yield
    finally:
        lock.release()


def aside_path(db_path: Path) -> Path:
    """A private name beside the database, where its next version is built."""
    return db_path.with_name(f".{db_path.name}.{uuid.uuid4().hex[:8]}.building")


class Copy:
    """The published database copied aside on a thread of its own, started as soon as a writer
    knows it will write (`Publication.copy_ahead`): at a million figures the copy takes seconds,
    which pass while the documents are parsed and validated."""

    def __init__(self, source: Path, target: Path):
        self._stopping = threading.Event()
        self._error: Exception | None = None
        self._thread = threading.Thread(
            target=self._run, args=(source, target), name=f"copy {target.name}", daemon=True
        )
        self._thread.start()

    def _run(self, source: Path, target: Path) -> None:
        try:
            copy_database(source, target, self._stopping)
        except Exception as error:  # raised to the writer when it waits for the copy
            self._error = error

    def result(self) -> None:
        """Wait for the copy to be whole; raise what stopped it, if anything did."""
        self._thread.join()
        if self._error is not None:
            raise self._error

    def cancel(self) -> None:
        """Stop the copy (the writer gave up) and wait until it has stopped writing."""
        self._stopping.set()
        self._thread.join()


def copy_database(source: Path, target: Path, stopping: threading.Event | None = None) -> None:
    """The published database, copied to build its next version in; a chunk at a time, and no
    further once `stopping` is set.

    multiforce never writes the published file in place (a writer renames a finished copy over
    it), so, with no journal beside it, its bytes are a whole database, copied as a file
    (store/copying.py) many times quicker than SQLite's page-by-page backup; a database some
    other program left a journal beside goes through the backup, which reads it as SQLite
    would."""
    src = connect_read_only(source)
    try:
        src.execute("PRAGMA schema_version").fetchone()  # not a database: said below
        journals = [Path(f"{source}{suffix}") for suffix in ("-journal", "-wal")]
        if not any(journal.exists() for journal in journals):
            copying.copy_file(source, target, stopping)
            return
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) not in (
            sqlite3.SQLITE_NOTADB,
            sqlite3.SQLITE_CORRUPT,
        ):
            raise
        raise not_a_database(source, error) from None
    finally:
        src.close()


def flush_soon(path: Path) -> threading.Thread:
    """Start writing a fresh copy to disk while the work on it goes on: the sync before the
    rename (`replace`) then waits only for the pages written since, not for the whole file."""

    def flush():
        try:
            sync(path)
        except OSError:
            pass  # removed (the work failed) or not writable: `replace` syncs it or says why

    flushing = threading.Thread(target=flush, name=f"flush {path.name}", daemon=True)
    flushing.start()
    return flushing


def writable(db_path: Path) -> None:
    """Refuse to publish over a database its owner made read-only: renaming a new copy over it
    would go through the folder's permission, not the file's, and lose the protection."""
    if db_path.is_file() and not os.access(db_path, os.W_OK):
        raise MultiforceError(
            f"{db_path}: the database is read-only (its permissions forbid writing), so nothing "
            "was published. Expected a database you may change: make it writable (chmod u+w) "
            "or give another --db."
        )


def replace(aside: Path, db_path: Path) -> None:
    """Put the finished copy in place: synced first, so a crash leaves the old file or this one.
    The copy takes the old file's permissions (a database shared with a group stays shared)."""
    if db_path.exists():
        os.chmod(aside, stat.S_IMODE(db_path.stat().st_mode))
    sync(aside)
    # The rename frees the old file's blocks, which is most of its time: over a 2.8 GB
    # database (a million figures) not in the page cache, 0.31 s on ext4. Keeping the old file
    # to copy into next time would save it, at the cost of a second database's room on disk.
    os.replace(aside, db_path)
    sync(db_path.parent)


def sync(path: Path) -> None:
    if path.is_dir():
        if os.name == "nt":
            return  # Windows opens no folder to fsync it; NTFS journals the rename itself
        flags = os.O_RDONLY
    else:
        flags = os.O_RDWR  # Windows flushes a file only through a handle that may write
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_asides(db_path: Path) -> None:
    """Databases left half-built by a killed writer, and their journals (a writer killed as it
    removed its own may have left one alone): we hold the lock, so none is in use."""
    for stale in db_path.parent.glob(f".{glob.escape(db_path.name)}.*.building*"):
        stale.unlink(missing_ok=True)


def remove(aside: Path) -> None:
    """The aside database and its journals, the database last: while it is there, so is its
    name for `remove_stale_asides` to find."""
    for path in (
        *(aside.with_name(aside.name + suffix) for suffix in ("-journal", "-wal", "-shm")),
        aside,
    ):
        path.unlink(missing_ok=True)


@contextmanager
def write_errors_are_clear(db_path: Path):
    """A full disk, or a place that cannot be written, is the user's to fix: say so."""
    try:
        yield
    except MultiforceError:
        raise
    except (OSError, sqlite3.Error) as error:
        if _is_disk_full(error):
            needed = db_path.stat().st_size if db_path.exists() else 0
            raise MultiforceError(
                f"{db_path}: the disk is full ({error}). The new database is built beside the old "
                f"one and renamed over it, so {db_path.parent} needs room for a second copy (about "
                f"{needed / 1e6 + 1:.0f} MB). Nothing was published: the database is as it was. "
                "Free some space on that disk, or give a --db path on another disk, and run again."
            ) from error
        if isinstance(error, sqlite3.OperationalError) and re.search(
            r"no (?:such )?column|no such table", str(error)
        ):
            raise MultiforceError(
                f"{db_path}: the database's tables are not the ones this version of multiforce "
                f"writes ({error}). Expected a database built by this version: rebuild it from the "
                "documents (`multiforce build`, or ingest them into a new --db path). Nothing was "
                "published."
            ) from error
        if isinstance(error, OSError) or getattr(error, "sqlite_errorcode", None) in CANNOT_WRITE:
            raise MultiforceError(
                f"{db_path}: the database cannot be written there ({error}). Expected a --db path "
                "in a folder you may write to, on a disk that is not read-only. Nothing was "
                "published: give another --db path, or fix the folder's permissions, and run "
                "again."
            ) from error
        raise


def _is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    code = getattr(error, "sqlite_errorcode", None)
    return code == sqlite3.SQLITE_FULL or "disk is full" in str(error)
