"""Maps toolkit/, schemas/ and forces/ under the one import name `multiforce`.

pyproject.toml cannot discover sub-packages below a renamed folder, so this file finds
them (every force adapter is a sub-package of forces/) instead of a hand-kept list.

`MULTIFORCE_COMPILE=1 pip install .` also compiles the reading's hot modules with mypyc
(docs/reading-speed.md): the same code, in about a fifth less time a document. It needs a C
compiler and Python's headers; pip installs mypy for the build.
"""

import importlib.machinery
import os
import sys
import tempfile
import tomllib
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

CODE_FOLDERS = ("toolkit", "schemas", "forces")

MYPY = "mypy>=1.15"
HERE = Path(__file__).resolve().parent
COMPILED = tomllib.loads((HERE / "pyproject.toml").read_text())["tool"]["multiforce"]["compiled"]

packages = ["multiforce"]
for folder in CODE_FOLDERS:
    packages.append(f"multiforce.{folder}")
    packages += [f"multiforce.{folder}.{sub}" for sub in find_packages(folder)]


def compiling() -> bool:
    return os.environ.get("MULTIFORCE_COMPILE", "") not in ("", "0")


def building() -> bool:
    """Whether setuptools was asked to build, not only for the metadata (mypyc takes 30 s)."""
    return not {"egg_info", "dist_info", "sdist"} & set(sys.argv[1:])


def compiled_extensions() -> list:
    """mypyc's extensions for COMPILED, or none where mypy is not installed (yet: pip asks
    this file for its build requirements before it installs them)."""
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    # mypy names a module by its path below a package base: this checkout is the package
    # `multiforce`, so the base is a folder holding a link of that name to it.
    with tempfile.TemporaryDirectory() as base:
        os.symlink(HERE, Path(base, "multiforce"))
        options = ["--explicit-package-bases", "--ignore-missing-imports"]
        options += ["--follow-imports=silent", "--python-version=3.11"]
        paths = [str(Path(base, "multiforce", module)) for module in COMPILED]
        cwd = os.getcwd()
        os.chdir(base)
        try:
            return mypycify(
                options + paths, group_name="multiforce.compiled", target_dir=f"{cwd}/build"
            )
        finally:
            os.chdir(cwd)


class BuildPy(build_py):
    def run(self):
        if compiling() and building() and not self.distribution.ext_modules:
            raise SystemExit(
                "MULTIFORCE_COMPILE is set but mypy is not installed where this build runs "
                f"(--no-build-isolation?). Install it ('pip install \"{MYPY}\"') or unset "
                "MULTIFORCE_COMPILE to install multiforce uncompiled."
            )
        super().run()

    def find_package_modules(self, package, package_dir):
        # The checkout is the package `multiforce`: this file is beside its modules, not one.
        found = super().find_package_modules(package, package_dir)
        return [module for module in found if module[:2] != ("multiforce", "setup")]


class BuildExt(build_ext):
    """Removes the compiled modules an earlier build left (in build/, or beside the sources for
    `pip install -e .`) that this one does not build: a module dropped from the list would
    still be found, compiled against a group it is no longer in, and fail to import."""

    def run(self):
        wanted = {Path(self.get_ext_fullpath(ext.name)).resolve() for ext in self.extensions}
        package = Path(self.get_ext_fullpath("multiforce.compiled")).parent
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            found = list(package.glob(f"compiled__mypyc*{suffix}"))
            for folder in CODE_FOLDERS:
                found += (package / folder).rglob(f"*{suffix}")
            for stale in found:
                if stale.resolve() not in wanted:
                    stale.unlink()
        super().run()


setup(
    packages=packages,
    package_dir={"multiforce": "."},
    package_data={
        "multiforce": ["datasette-metadata.json", "campaigns/*.yaml"],
        "multiforce.schemas": ["*.csv", "*.yaml"],  # the register; layouts and vocabularies
        "multiforce.toolkit.serving": ["queries/*.sql"],
        # Transcriptions may sit in a force folder without an adapter (not a package), and
        # compilations in forces/_compilations: both are data of multiforce.forces itself.
        "multiforce.forces": [
            "*/documents/*",
            "*/golden/*",
            "*/transcriptions/*.yaml",
            "_compilations/*.yaml",
        ],
    },
    include_package_data=False,
    setup_requires=[MYPY] if compiling() else [],
    ext_modules=compiled_extensions() if compiling() and building() else [],
    cmdclass={"build_py": BuildPy, "build_ext": BuildExt},
)
