"""Adapters are found, not listed: every sub-package of multiforce.forces that defines one."""

import importlib
import inspect
import pkgutil
import re
from functools import cache
from pathlib import Path
from typing import Final

from .. import forces
from ..schemas.register import force_ids, force_name
from ..schemas.vocabulary import SOURCE_KINDS
from . import formats
from .adapter import Adapter
from .document import Document
from .errors import MultiforceError
from .hints import did_you_mean


@cache
def adapters() -> dict[str, type[Adapter]]:
    found = {}
    for module_info in pkgutil.iter_modules(forces.__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{forces.__name__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, Adapter)
                and cls.__module__ == module.__name__
                and hasattr(cls, "force_id")
            ):
                found[cls.force_id] = cls
    return dict(sorted(found.items()))


@cache
def format_adapters() -> dict[str, type[formats.FormatAdapter]]:
    found = {}
    for module_info in pkgutil.iter_modules(formats.__path__):
        module = importlib.import_module(f"{formats.__name__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, formats.FormatAdapter) and cls.__module__ == module.__name__:
                found[cls.name] = cls
    return dict(sorted(found.items()))


class NoAdapter(MultiforceError):
    """No force adapter reads the document: `multiforce draft` reads it for a person instead."""


def draft_hint(path="FILE", force_id: str | None = None) -> str:
    force = f" --force {force_id}" if force_id else ""
    return (
        f"Run `multiforce draft {path}{force} --out drafts/` to have it read by the general "
        "readers into a draft for review, then `multiforce ingest drafts/"
        f"{Path(str(path)).name}.yaml` once you have checked it (docs/drafting.md)."
    )


def registered(force_id: str) -> None:
    """Refuse a force id the register does not hold (a --force given by hand)."""
    if force_id not in force_ids():
        known = ", ".join(adapters()) or "none"
        raise MultiforceError(
            f"{force_id!r} is not a force in the register (schemas/forces.csv). Expected a "
            f"force's id, e.g. one of the forces with an adapter ({known}); `multiforce forces` "
            "lists them all."
        )


def adapter_for(force_id: str, path=None) -> Adapter:
    try:
        return adapters()[force_id]()
    except KeyError:
        pass
    registered(force_id)
    raise NoAdapter(
        f"{path or 'the documents'}: {force_name(force_id)} has no adapter of its own (adapters: "
        f"{', '.join(adapters()) or 'none'}). Expected a draft for a person to review: "
        + draft_hint(path or "FILE", force_id)
    )


def recognise(document: Document) -> Adapter:
    matching = [cls() for cls in adapters().values() if cls().recognises(document)]
    if len(matching) == 1:
        return matching[0]
    if not matching:
        _of_a_kind_not_read(document)
        raise NoAdapter(
            f"{document.path}: no adapter reads this document (adapters: "
            f"{', '.join(adapters()) or 'none'}). Expected a document an adapter reads (or name "
            "its force with --force); for any other response, a draft for a person to review: "
            + draft_hint(document.path)
        )
    names = ", ".join(a.force_id for a in matching)
    raise MultiforceError(
        f"{document.path}: several adapters recognise this document ({names}). Expected exactly "
        "one: choose its force with --force, or make those adapters' `recognise` patterns "
        "stricter."
    )


# A file of multiforce's own formats names its kind on a line of its own (docs/formats.md).
SOURCE_KIND_LINE: Final = re.compile(
    r"^source_kind:[ \t]*['\"]?([^'\"#\n]*?)['\"]?[ \t]*(?:#.*)?$", re.M
)
FILE_KINDS: Final = tuple(kind for kind in SOURCE_KINDS if kind != "document")


def _of_a_kind_not_read(document: Document) -> None:
    """Refuse a YAML file that names a kind of file multiforce does not read, or none: a typo
    there would otherwise be told to go through a draft, as a force's letter is."""
    named = SOURCE_KIND_LINE.search(document.text)
    if named is None and document.path.suffix.lower() not in (".yaml", ".yml"):
        return
    found = f"its source_kind is {named[1]!r}" if named else "it has no source_kind line"
    hint = did_you_mean(named[1], FILE_KINDS) if named else ""
    raise MultiforceError(
        f"{document.path}: {found}{hint}, so multiforce cannot tell what the file holds. Expected "
        f"a line source_kind: {' or '.join(FILE_KINDS)} (docs/formats.md)."
    )
