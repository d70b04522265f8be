"""Maps toolkit/, schemas/ and forces/ under the one import name `multiforce`.

pyproject.toml cannot discover sub-packages below a renamed folder, so this file finds
them (every force adapter is a sub-package of forces/) instead of a hand-kept list.
"""

from setuptools import find_packages, setup

CODE_FOLDERS = ("toolkit", "schemas", "forces")

packages = ["multiforce"]
for folder in CODE_FOLDERS:
    packages.append(f"multiforce.{folder}")
    packages += [f"multiforce.{folder}.{sub}" for sub in find_packages(folder)]

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
)
