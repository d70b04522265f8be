"""The reading compiled with mypyc (`MULTIFORCE_COMPILE=1 pip install .`) reads as the plain
one does: its modules are built, found compiled, and the reading's tests pass against them.

Compiled code checks every annotation when it runs, so a module that type-checks but says
`str` where None can come fails here, not in a user's build. The build takes about a minute.
"""

import importlib.machinery
import os
import shutil
import subprocess
import sys
import tomllib

import pytest
from conftest import ROOT

if not (ROOT / "setup.py").is_file():
    pytest.skip("no source tree to build", allow_module_level=True)
if not (shutil.which("cc") or shutil.which("gcc")):
    pytest.skip("no C compiler to build the compiled reading with", allow_module_level=True)

COMPILED = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["multiforce"]["compiled"]
# The tests of what a document's reading runs: layouts, meaning, audit, adapters, workers.
READING_TESTS = [
    "test_layouts.py",
    "test_meaning.py",
    "test_meaning_literals.py",
    "test_meaning_mutations.py",
    "test_reading_scope.py",
    "test_reading_unsure.py",
    "test_reading_tables.py",
    "test_reading_letters.py",
    "test_audit.py",
    "test_metropolitan.py",
    "test_golden.py",
    "test_sources.py",
    "test_adapter_overrides.py",
    "test_fuzz.py",
    "test_safety.py",
    "test_quote_contains.py",
    "test_new_force.py",
    "test_drafting.py",
    "test_transcriptions.py",
    "test_template.py",
    "test_parallel.py",
]


@pytest.fixture(scope="module")
def compiled_install(tmp_path_factory):
    target = tmp_path_factory.mktemp("compiled")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", target, "."],
        cwd=ROOT,
        env={**os.environ, "MULTIFORCE_COMPILE": "1"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return target


def _run(target, *command):
    return subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_every_listed_module_is_compiled(compiled_install):
    modules = ["multiforce." + path.removesuffix(".py").replace("/", ".") for path in COMPILED]
    found = _run(
        compiled_install,
        "-c",
        "import importlib, sys\n"
        "for name in sys.argv[1:]: print(importlib.import_module(name).__file__)",
        *modules,
    )
    assert found.returncode == 0, found.stderr
    files = found.stdout.split()
    assert len(files) == len(COMPILED)
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    assert [f for f in files if not f.endswith(suffixes)] == []
    assert all(f.startswith(str(compiled_install)) for f in files)


def test_the_reading_tests_pass_compiled(compiled_install):
    tests = [str(ROOT / "tests" / name) for name in READING_TESTS]
    result = _run(compiled_install, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
