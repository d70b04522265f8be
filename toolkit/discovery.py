"""Adapters are found, not listed: every sub-package of multiforce.forces that defines one."""

import importlib
import inspect
import pkgutil
from functools import cache

from .. import forces
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


def adapter_for(force_id: str) -> Adapter:
    try:
        return adapters()[force_id]()
    except KeyError:
        known = ", ".join(adapters()) or "none"
        raise MultiforceError(
            f"No adapter for the force {force_id!r}. Adapters: {known}. "
            "Run `multiforce forces` to list them, or add one under forces/ (see "
            "docs/reading-and-adding-forces.md)."
        ) from None


def recognise(document: Document) -> Adapter:
    matching = [cls() for cls in adapters().values() if cls().recognises(document)]
    if len(matching) == 1:
        return matching[0]
    if not matching:
        raise MultiforceError(
            f"{document.path}: no adapter recognises this document. Expected a response from one "
            f"of the forces with an adapter ({', '.join(adapters())}); name its force with "
            "--force, or add an adapter for it (see docs/reading-and-adding-forces.md)."
        )
    names = ", ".join(a.force_id for a in matching)
    raise MultiforceError(
        f"{document.path}: several adapters recognise this document ({names}). Expected exactly "
        "one: choose its force with --force, or make those adapters' `recognise` patterns "
        "stricter."
    )
