"""A large file copied quickly, a chunk at a time: the published database, to build its next
version in (store/files.py).

Through the page cache the system gives a page of memory to every page read and every page written.
On the benchmark's virtual machine, whose host takes back the memory of a cache it does not keep,
that was nearly all of a copy's time: a 2.8 GB database that was not cached took 17 to 31 s to copy
with copy_file_range, almost all of it system time. So the copy writes past the cache (O_DIRECT),
and reads each chunk from the cache where the cache holds it and past it where it does not (mincore
says which). One chunk at a time, that took 3.9 s not cached and 2.1 s cached, where
copy_file_range took 4.3 s cached; several at a time are quicker still (WRITERS). Where the
platform or the file system refuses any of it, the system's own copy does the whole.

A chunk read from the cache is left there: the ingest reads the unchanged rows of the forces
it changed from this file (toolkit/summaries.py). Dropped behind the copy, the rename was
0.1 s quicker (it frees the cached pages), but those rows were read from the disk: an ingest
of one changed document into a database just built took 3.8 s with them dropped, 3.0 to 3.4 s
kept, at a million figures.
"""

import ctypes
import errno
import mmap
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# A chunk the copy reads and writes at a time, and before it looks whether to stop.
COPY_CHUNK_BYTES = 16 << 20
# Chunks copied at once, each by a thread of its own with a buffer of its own: a disk given more
# than one write at a time keeps busier. With chunks of 64 MB, a 0.8 GB database held in the
# cache was copied and synced in 0.68 to 0.78 s by two, 0.72 to 0.95 s by one; 2.7 GB in 1.6 to
# 2.4 s against 2.4 to 2.8 s, and not cached in 5.0 to 5.2 s against 6.0 to 7.0 s. But any other
# read meanwhile (a document being parsed, the code of a library run for the first time) waits
# behind the chunks in flight: copying 2.8 GB not in the page cache, a read of 4 KB elsewhere took
# 64 to 70 ms (one in ten) with two chunks of 64 MB, 17 to 18 ms with four of 16 MB. Four chunks
# of 16 MB copied it in 3.4 to 3.5 s, two of 64 MB in 3.3 to 3.4 s, two of 32 MB in 3.7 s.
WRITERS = 4
# copy_file_range's answers where a file system or an older kernel cannot copy between the files
CANNOT_COPY_IN_KERNEL = {errno.EXDEV, errno.ENOSYS, errno.EOPNOTSUPP, errno.EINVAL}
# What O_DIRECT reads and writes must be whole blocks of: the last part of a file that is not is
# written through the page cache. A database's size is a whole number of its pages.
DIRECT_BLOCK_BYTES = 4096
# mincore's answer, a byte a page: its lowest bit says whether the page is cached
_LOWEST_BIT = bytes(byte & 1 for byte in range(256))


def copy_file(source: Path, target: Path, stopping: threading.Event | None = None) -> None:
    """Copy source to target, no further once `stopping` is set."""
    if stopping is None or not hasattr(os, "copy_file_range"):  # Linux only
        shutil.copyfile(source, target)
        return
    if _copy_past_the_cache(source, target, stopping):
        return
    with open(source, "rb", buffering=0) as src, open(target, "wb", buffering=0) as dst:
        while not stopping.is_set():
            try:
                copied = os.copy_file_range(src.fileno(), dst.fileno(), COPY_CHUNK_BYTES)
            except OSError as error:
                if error.errno not in CANNOT_COPY_IN_KERNEL:
                    raise
                shutil.copyfileobj(src, dst, COPY_CHUNK_BYTES)  # the rest, read and written
                return
            if not copied:
                return


def _copy_past_the_cache(source: Path, target: Path, stopping: threading.Event) -> bool:
    """Write with O_DIRECT, reading each chunk from the page cache if it holds most of it, else
    with O_DIRECT too; False where the file system refuses O_DIRECT, for the caller to copy the
    file the usual way (from its start: what was written is overwritten)."""
    direct = getattr(os, "O_DIRECT", 0)
    if not direct:
        return False
    try:
        uncached = os.open(source, os.O_RDONLY | direct)
    except OSError as error:
        if error.errno == errno.EINVAL:
            return False
        raise
    cached = os.open(source, os.O_RDONLY)
    try:
        size = os.fstat(cached).st_size
        in_cache = _pages_in_cache(cached, size)
        dst = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | direct, 0o666)
        try:
            chunks = range(0, size, COPY_CHUNK_BYTES)

            def write_every_nth(first: int) -> None:
                # Anonymous memory is aligned to a page, as O_DIRECT asks. It is let go when no
                # longer referred to: closed here, it would raise over an error that a view of
                # it is part of.
                chunk = mmap.mmap(-1, COPY_CHUNK_BYTES)
                for at in chunks[first::WRITERS]:
                    if stopping.is_set():
                        return
                    pages = in_cache[at // mmap.PAGESIZE : (at + COPY_CHUNK_BYTES) // mmap.PAGESIZE]
                    held = pages.count(0) <= len(pages) // 2
                    _copy_chunk(cached if held else uncached, dst, target, chunk, at, size)

            with ThreadPoolExecutor(WRITERS, thread_name_prefix=f"copy {target.name}") as pool:
                for written in [pool.submit(write_every_nth, first) for first in range(WRITERS)]:
                    written.result()
        finally:
            os.close(dst)
    except OSError as error:
        if error.errno != errno.EINVAL:
            raise
        return False  # a file system that opens with O_DIRECT but will not read or write so
    finally:
        os.close(cached)
        os.close(uncached)
    return True


def _copy_chunk(src: int, dst: int, target: Path, chunk: mmap.mmap, at: int, size: int) -> None:
    """The chunk of the file from `at`: its whole blocks with O_DIRECT, a last part of a block
    through the page cache."""
    read = 0
    wanted = min(COPY_CHUNK_BYTES, size - at)
    while read < wanted:
        got = os.preadv(src, [memoryview(chunk)[read:]], at + read)
        if not got:
            break
        read += got
    whole = read - read % DIRECT_BLOCK_BYTES
    _write_all(dst, memoryview(chunk)[:whole], at)
    if whole < read:
        with open(target, "r+b", buffering=0) as tail:
            _write_all(tail.fileno(), memoryview(chunk)[whole:read], at + whole)


def _write_all(fd: int, data: memoryview, at: int) -> None:
    while data:
        written = os.pwrite(fd, data, at)
        data, at = data[written:], at + written


def _pages_in_cache(fd: int, size: int) -> bytes:
    """A byte for each page of the file: 1 where the page cache holds it (mincore on a mapping
    of the file, which reads none of it); all 0 where that cannot be known, so every chunk is
    read past the cache, which costs the least when the file is not cached."""
    pages = -(-size // mmap.PAGESIZE)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.mmap.restype = ctypes.c_void_p
        libc.mmap.argtypes = (ctypes.c_void_p, ctypes.c_size_t, *(ctypes.c_int,) * 3, ctypes.c_long)
        libc.munmap.argtypes = (ctypes.c_void_p, ctypes.c_size_t)
        libc.mincore.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p)
    except (OSError, AttributeError):
        return bytes(pages)
    mapped = libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, fd, 0)
    if mapped in (None, ctypes.c_void_p(-1).value):  # as for an empty file
        return bytes(pages)
    try:
        found = ctypes.create_string_buffer(pages)
        if libc.mincore(mapped, size, found) != 0:
            return bytes(pages)
        return found.raw.translate(_LOWEST_BIT)
    finally:
        libc.munmap(mapped, size)
