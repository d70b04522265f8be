"""The vocabulary files of schemas/ (layouts, phrases, questions), each read once per process."""

import re
from functools import cache
from importlib.resources import files

import yaml

from ... import schemas
from ..errors import MultiforceError

# libyaml's loader where PyYAML was built with it: it reads these files several times faster,
# which every process that reads a document pays once
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def schema_yaml(name: str) -> dict:
    """The parsed YAML file schemas/NAME. A broken file is the project's fault, said plainly."""
    path = files(schemas) / name
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise MultiforceError(
            f"schemas/{name}: the vocabulary file cannot be read ({error}). Expected the YAML "
            "file shipped with multiforce: reinstall it or restore the file from git."
        ) from None
    if not isinstance(loaded, dict):
        raise MultiforceError(f"schemas/{name}: expected a YAML mapping at the top level.")
    return loaded


def flatten(items) -> tuple[str, ...]:
    """A pattern list that may hold YAML-anchored lists of patterns, flattened."""
    if items is None:
        return ()
    if isinstance(items, str):
        return (items,)
    return tuple(pattern for item in items for pattern in flatten(item))


def any_of(patterns, flags: int) -> re.Pattern:
    """One pattern matching where any of a pattern list's (`flatten`) does."""
    return re.compile("|".join(f"(?:{p})" for p in flatten(patterns)), flags)
