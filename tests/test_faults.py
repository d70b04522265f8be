"""Faults while publishing: a killed process, a killed worker, two writers, a full disk,
repeated ingests.

Each test checks the promise of toolkit/store/publish.py: the database afterwards is the old one or
the new one, whole, and passes SQLite's integrity checks; nothing is lost or duplicated. The
tests that kill run with one job and with two (worker processes), and check that no process
of the killed run survives it.
"""

import errno
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import MET_HTML, MET_TEXT
from filelock import FileLock
from multiforce.toolkit.errors import DatabaseBusy, MultiforceError
from multiforce.toolkit.pipeline import build, ingest
from multiforce.toolkit.store import files
from multiforce.toolkit.store import publish as publishing

TABLES = ("forces", "responses", "documents", "observations", "outcomes")
FIGURES_PER_RESPONSE = 28
KILLS = 24


def met_batch(folder: Path, count: int, first: int) -> list[Path]:
    """`count` distinct Met responses: the same letter under other reference numbers."""
    folder.mkdir(parents=True, exist_ok=True)
    text = MET_TEXT.read_text(encoding="utf-8")
    paths = []
    for n in range(first, first + count):
        path = folder / f"response-{n}.txt"
        path.write_text(
            text.replace("01.FOI.22.022895", f"01.FOI.22.{100000 + n}"), encoding="utf-8"
        )
        paths.append(path)
    return paths


def dump(db: Path) -> dict | None:
    """Every row of every table, and proof that the file is whole; None if there is no database."""
    if not db.exists():
        return None
    conn = sqlite3.connect(
        db
    )  # read-write only because FTS's integrity-check is written as an INSERT
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        return {
            table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in TABLES
        }
    finally:
        conn.close()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".building" in p.name)


def ingest_command(db: Path, paths, jobs: int = 1) -> list[str]:
    return [
        sys.executable,
        *("-m", "multiforce.toolkit", "ingest", "--jobs", str(jobs), "--db", str(db)),
        *map(str, paths),
    ]


class Runs:
    """Processes started by a test, each run marked in its environment (which its worker
    processes inherit), so that any process of a run that outlives it can be found."""

    def __init__(self):
        self.mark = f"MULTIFORCE_TEST_RUN={uuid.uuid4().hex}"

    def start(self, command, **kwargs) -> subprocess.Popen:
        key, value = self.mark.split("=")
        return subprocess.Popen(command, env={**os.environ, key: value}, **kwargs)

    def survivors(self, wait: float = 5.0) -> list[int]:
        """The processes of the runs still alive after `wait` seconds at most."""
        deadline = time.monotonic() + wait
        while (alive := self._alive()) and time.monotonic() < deadline:
            time.sleep(0.05)
        return alive

    def _alive(self) -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and self.mark.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass  # ended meanwhile, or not ours
        return found


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(entry.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.parent.name))
        except (OSError, IndexError, ValueError):
            pass
    return found


needs_proc = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")


@needs_proc
@pytest.mark.parametrize("jobs", [1, 2])
def test_sigkill_at_random_points_leaves_the_old_or_the_new_database(tmp_path, jobs):
    old_documents = met_batch(tmp_path / "old", 30, 0)
    new_documents = met_batch(tmp_path / "new", 10, 100)
    template = tmp_path / "template.db"
    ingest(template, old_documents)
    work = tmp_path / "work"
    work.mkdir()
    db = work / "campaign.db"

    # One uninterrupted run: the state to expect, the length of the run and of its publishing.
    runs = Runs()
    shutil.copy(template, db)
    started = time.monotonic()
    process = runs.start(
        ingest_command(db, new_documents, jobs), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    publishing_started = _wait_for_publishing(process, work)
    while leftovers(work):
        time.sleep(0.001)
    window = time.monotonic() - publishing_started  # while the new database is being built aside
    assert process.wait(timeout=60) == 0, process.stderr.read()
    run = time.monotonic() - started
    states = {"old": dump(template), "new": dump(db)}
    db.unlink()
    ingest(db, new_documents)
    fresh = dump(db)

    rng = random.Random(20220228)
    seen = {"old": 0, "new": 0, "none": 0, "fresh": 0}
    killed_while_publishing = 0
    for attempt in range(KILLS):
        from_nothing = attempt % 6 == 5
        if from_nothing:
            db.unlink(missing_ok=True)
        else:
            shutil.copy(template, db)
        process = runs.start(
            ingest_command(db, new_documents, jobs),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if attempt % 4 == 0:  # anywhere in the run: reading, parsing, validating or publishing
            time.sleep(rng.uniform(0, run))
        else:  # within publishing, where a crash could half-write the database
            _wait_for_publishing(process, work)
            time.sleep(rng.uniform(0, window * 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        assert runs.survivors() == [], f"attempt {attempt}: a process of the killed run lives on"
        killed_while_publishing += bool(leftovers(work))
        state = dump(db)
        if from_nothing:
            assert state in (None, fresh), f"attempt {attempt}: a half-written new database"
            seen["fresh" if state else "none"] += 1
        else:
            assert state in states.values(), (
                f"attempt {attempt}: neither the old database nor the new one"
            )
            seen["old" if state == states["old"] else "new"] += 1

    assert killed_while_publishing >= KILLS // 3, (killed_while_publishing, seen)
    # The next writer clears what killed writers left behind, and publishes normally.
    shutil.copy(template, db)
    subprocess.run(
        ingest_command(db, new_documents, jobs), check=True, capture_output=True, timeout=60
    )
    assert dump(db) == states["new"]
    assert leftovers(work) == []


def _wait_for_publishing(process: subprocess.Popen, folder: Path) -> float:
    deadline = time.monotonic() + 60
    while not leftovers(folder) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    return time.monotonic()


@needs_proc
def test_a_worker_killed_mid_ingest_leaves_the_old_database_and_no_process(tmp_path):
    template = tmp_path / "template.db"
    ingest(template, met_batch(tmp_path / "old", 3, 0))
    db = tmp_path / "campaign.db"
    shutil.copy(template, db)
    runs = Runs()
    process = runs.start(
        ingest_command(db, met_batch(tmp_path / "new", 150, 100), jobs=2),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (workers := children(process.pid)) and time.monotonic() < deadline:
        assert process.poll() is None, "the ingest ended before it started a worker"
        time.sleep(0.002)
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1, stderr
    (error,) = [line for line in stderr.splitlines() if not line.startswith("Read")]  # progress
    assert error.startswith("Error: a worker process stopped before it finished"), stderr
    assert "nothing was published" in error and "Traceback" not in stderr
    assert dump(db) == dump(template)
    assert leftovers(tmp_path) == []
    assert runs.survivors() == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_two_ingests_at_once_run_one_after_the_other(tmp_path, jobs):
    batches = [met_batch(tmp_path / "a", 12, 0), met_batch(tmp_path / "b", 12, 100)]
    db = tmp_path / "campaign.db"
    processes = [
        subprocess.Popen(
            ingest_command(db, paths, jobs),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for paths in batches
    ]
    published = []
    for process, paths in zip(processes, batches, strict=True):
        _, stderr = process.communicate(timeout=120)
        if process.returncode == 0:
            published += paths
        else:
            assert "database busy" in stderr and "Traceback" not in stderr, stderr
    assert published, "neither ingest published"
    conn = sqlite3.connect(db)
    references = sorted(r for (r,) in conn.execute("SELECT reference FROM responses"))
    assert references == sorted(
        f"01.FOI.22.{100000 + int(p.stem.split('-')[1])}" for p in published
    )
    assert (
        conn.execute("SELECT count(*), count(DISTINCT observation_id) FROM observations").fetchone()
        == (FIGURES_PER_RESPONSE * len(published),) * 2
    )
    dump(db)


def test_a_writer_that_waits_too_long_says_database_busy(tmp_path, monkeypatch, cli):
    db = tmp_path / "campaign.db"
    ingest(db, [MET_TEXT])
    before = dump(db)
    monkeypatch.setattr(files, "LOCK_WAIT_SECONDS", 0.2)
    with FileLock(f"{db}.lock"):  # another writer holds the lock
        with pytest.raises(
            DatabaseBusy, match=r"campaign\.db: database busy: another multiforce process"
        ):
            ingest(db, [MET_HTML])
        result = cli("ingest", "--db", db, MET_HTML)
    assert (
        result.exit_code == 1 and "database busy" in result.output and "run again" in result.output
    )
    assert dump(db) == before


def test_reingesting_the_same_documents_many_times_gives_an_identical_database(tmp_path):
    db = tmp_path / "campaign.db"
    ingest(db, [MET_TEXT, MET_HTML])
    first = dump(db)
    for attempt in range(12):
        ingest(db, [[MET_TEXT], [MET_HTML], [MET_HTML, MET_TEXT]][attempt % 3])
        assert dump(db) == first, f"attempt {attempt} changed the database"
    one_by_one = tmp_path / "one-by-one.db"
    for path in (MET_HTML, MET_TEXT, MET_HTML):
        ingest(one_by_one, [path])
    assert dump(one_by_one) == first  # nor does the history of ingests matter
    other = tmp_path / "built.db"
    build(other)
    built = dump(other)
    for _ in range(3):
        build(other)
        assert dump(other) == built


# A full disk ------------------------------------------------------------------------------


def test_no_room_for_the_new_database_is_a_clear_error(tmp_path, monkeypatch, cli):
    db = tmp_path / "campaign.db"
    ingest(db, [MET_TEXT])
    before = db.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(MultiforceError) as failure:
        ingest(db, [MET_HTML])
    _assert_disk_full_message(str(failure.value), db)
    result = cli("ingest", "--db", db, MET_HTML)
    assert (
        result.exit_code == 1
        and "the disk is full" in result.output
        and "Traceback" not in result.output
    )
    assert db.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_sqlite_running_out_of_space_is_a_clear_error(tmp_path, monkeypatch):
    db = tmp_path / "campaign.db"
    ingest(db, [MET_TEXT])
    before = db.read_bytes()

    def full(conn, table, rows, *held):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(publishing, "_insert", full)
    with pytest.raises(MultiforceError) as failure:
        ingest(db, [MET_HTML])
    _assert_disk_full_message(str(failure.value), db)
    assert db.read_bytes() == before
    assert leftovers(tmp_path) == []


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs, where the machine lets us mount one (as root); skipped elsewhere."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.parametrize(
    "room", ["less than the old database", "the old database and a little more"]
)
def test_a_really_full_disk_leaves_the_old_database(small_disk, tmp_path, room):
    db = small_disk / "campaign.db"
    ingest(db, [MET_TEXT])
    before = db.read_bytes()
    free = len(before) // 2 if room.startswith("less") else len(before) + 64 * 1024
    filler = small_disk / "filler"
    with open(filler, "wb") as handle:
        while (available := shutil.disk_usage(small_disk).free) > free:
            handle.write(b"\0" * min(available - free, 1 << 20))
            handle.flush()
    with pytest.raises(MultiforceError) as failure:
        ingest(db, met_batch(tmp_path / "batch", 10, 0))
    _assert_disk_full_message(str(failure.value), db)
    assert db.read_bytes() == before
    assert leftovers(small_disk) == []
    filler.unlink()  # with room again, the same ingest publishes
    ingest(db, met_batch(tmp_path / "batch", 10, 0))
    assert len(dump(db)["responses"]) == 11


def _assert_disk_full_message(message: str, db: Path) -> None:
    assert message.startswith(f"{db}: the disk is full")
    assert "Nothing was published" in message and "Free some space" in message
