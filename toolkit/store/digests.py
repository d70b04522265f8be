"""The sha256 of each source file, remembered beside the database with the file's size, inode
and times, so that an ingest reads again only the files that changed since it last looked.

A file counts as unchanged only if all four are what they were, and it had last changed well
before it was hashed: a change within the same tick of the file system's clock would keep its
times, so a file hashed fresh from a change is hashed again next time. The change time (ctime)
moves with every write and cannot be set back, so a copy that keeps the old modification time
is still seen. The record is only a shortcut: lost, damaged or from another version, it is
ignored and every file is hashed.
"""

import hashlib
import json
import os
import time
from pathlib import Path

SETTLED_NS = 2 * 10**9  # a file changed this recently when hashed is hashed again next time
VERSION = 1


def record_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.digests.json")


class Digests:
    """The files' digests for one database, read from its record and written back by `save`.
    One is made for each ingest, and looks at each file once: what it saw first holds."""

    def __init__(self, db_path: Path):
        self.path = record_path(Path(db_path))
        self.known = _load(self.path)
        self.changed = False
        self.looked: dict = {}  # path -> what `_look` found, for `any_changed` and then `of`

    def of(self, path: Path) -> str | None:
        """The file's sha256, or None if it cannot be read (reading it properly will say why)."""
        looked = self._look(path)
        if looked is None:
            return None
        key, stat, recorded = looked
        if recorded is not None:
            return recorded
        try:
            with open(path, "rb") as file:  # a Path made anew for each file costs more
                digest = hashlib.sha256(file.read()).hexdigest()
        except OSError:
            return None
        if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > SETTLED_NS:
            self.known[key] = [*stamp(stat), digest]
            self.changed = True
        return digest

    def any_changed(self, paths) -> bool:
        """Whether any of the files is new, missing, or changed since it was hashed: a look at
        each file's stat alone, quicker than `of`, which then says what each one holds."""
        return any(looked is None or looked[2] is None for looked in map(self._look, paths))

    def _look(self, path) -> tuple[str, os.stat_result, str | None] | None:
        """The file's key in the record, its stat, and the digest recorded for it if the file is
        as it was when hashed; None if it cannot be looked at."""
        if path not in self.looked:
            self.looked[path] = self._stat(path)
        return self.looked[path]

    def _stat(self, path) -> tuple[str, os.stat_result, str | None] | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        key = os.path.abspath(path)
        held = self.known.get(key)
        return key, stat, held[4] if held is not None and held[:4] == stamp(stat) else None

    def save(self) -> None:
        """Write the record (beside the database, replaced whole); a failure costs only time."""
        if not self.changed:
            return
        partial = self.path.with_name(self.path.name + ".partial")
        try:
            partial.write_text(json.dumps({"version": VERSION, "files": self.known}))
            os.replace(partial, self.path)
        except OSError:
            partial.unlink(missing_ok=True)


def stamp(stat: os.stat_result) -> list[int]:
    """What says a file is as it was: any write, move or replacement changes one of these."""
    return [stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns]


def _load(path: Path) -> dict[str, list]:
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict) or record.get("version") != VERSION:
        return {}
    files = record.get("files")
    if not isinstance(files, dict):
        return {}
    return {
        key: held
        for key, held in files.items()
        if isinstance(held, list) and len(held) == 5 and isinstance(held[4], str)
    }
