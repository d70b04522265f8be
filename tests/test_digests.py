"""The record of source files' digests beside the database: a file unchanged since it was hashed
is not read again; any change to it, or a record that cannot be trusted, means hashing it."""

import json
import os
import shutil
from types import SimpleNamespace

import pytest
from conftest import MET_TEXT
from multiforce.toolkit.pipeline import ingest
from multiforce.toolkit.store import digests
from test_incremental import count


class NoHashing:
    @staticmethod
    def sha256(data):
        raise AssertionError("a file unchanged since it was hashed was hashed again")


@pytest.fixture
def letter(tmp_path):
    path = tmp_path / "letters" / MET_TEXT.name
    path.parent.mkdir()
    shutil.copy(MET_TEXT, path)
    return path


@pytest.fixture
def settled(monkeypatch):
    """Files count as settled as soon as they are written (a test cannot wait two seconds)."""
    monkeypatch.setattr(digests, "SETTLED_NS", -1)


def test_a_file_unchanged_since_it_was_hashed_is_not_read_again(
    tmp_path, letter, settled, monkeypatch
):
    db = tmp_path / "m.db"
    ingest(db, [letter])
    assert digests.record_path(db).exists()
    monkeypatch.setattr(digests, "hashlib", NoHashing)
    [item] = ingest(db, [letter])
    assert item.skipped


def test_a_file_rewritten_with_its_old_size_and_time_is_read_again(tmp_path, letter, settled):
    db = tmp_path / "m.db"
    ingest(db, [letter])
    before = os.stat(letter)
    text = letter.read_text(encoding="utf-8")
    edited = text.replace(
        "Sorry, there was a technical problem.", "Sorry, there was a technical problem!"
    )
    assert edited != text and len(edited) == len(text)
    letter.write_text(edited, encoding="utf-8")
    os.utime(letter, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a copy keeping times would
    [item] = ingest(db, [letter])
    assert not item.skipped and count(db, "documents") == 2


def test_a_file_hashed_just_after_it_changed_is_not_trusted_next_time(tmp_path, letter):
    db = tmp_path / "m.db"
    ingest(db, [letter])  # written a moment ago: within the clock's reach of its last change
    record = digests.record_path(db)
    assert not record.exists() or str(letter) not in json.loads(record.read_text())["files"]


@pytest.mark.parametrize("damage", ["not json", '{"version": 1, "files": [1]}', '{"files": {}}'])
def test_a_damaged_record_is_ignored_and_written_anew(tmp_path, letter, settled, damage):
    db = tmp_path / "m.db"
    ingest(db, [letter])
    record = digests.record_path(db)
    record.write_text(damage)
    [item] = ingest(db, [letter])  # hashed, so known to be published
    assert item.skipped
    assert str(letter) in json.loads(record.read_text())["files"]


def test_a_first_look_at_the_files_stats_sees_any_new_or_changed_or_missing_file(
    tmp_path, letter, settled
):
    db = tmp_path / "m.db"
    ingest(db, [letter])
    record = digests.Digests(db)
    assert not record.any_changed([letter])
    other = letter.with_name("other.txt")
    other.write_text("a letter")
    assert record.any_changed([letter, other])
    assert record.any_changed([letter, letter.with_name("gone.txt")])
    letter.write_text(letter.read_text() + "\n")
    assert digests.Digests(db).any_changed([letter])  # a record looks at each file once


def test_an_ingest_looks_at_each_file_once(tmp_path, letter, settled, monkeypatch):
    """The first look (is anything new?) and the digests after it share each file's stat."""
    db = tmp_path / "m.db"
    ingest(db, [letter])
    letter.write_text(letter.read_text() + "\n")
    looked = []
    stat = os.stat
    counting = SimpleNamespace(
        **{**vars(os), "stat": lambda path: looked.append(path) or stat(path)}
    )
    monkeypatch.setattr(digests, "os", counting)
    [item] = ingest(db, [letter])
    assert not item.skipped and looked == [letter]
