"""`multiforce serve` for the browser tests: start it on a free port and wait until it answers."""

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(db: Path):
    """Serve db until the block ends; yields the site's URL once it answers (or fails the test)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "multiforce.toolkit", "serve", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"multiforce serve did not start: {server.stdout.read()}")
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)
