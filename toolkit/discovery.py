"""Adapters are found, not listed: every sub-package of multiforce.forces that defines one."""

import importlib
import inspect
import pkgutil
from functools import cache
from pathlib import Path

from .. import forces
from ..schemas.register import force_ids, force_name
from . import formats
from .adapter import Adapter
from .document import Document
from .errors import MultiforceError


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
