"""Import direction: a module never imports one above it. The schemas know nothing of the
toolkit; the code that reads a document into rows (readers, formats, adapters) knows nothing of
publishing, serving, the pipeline or the commands; validation and the store know nothing of
the pipeline or the commands."""

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = "multiforce"
CODE_FOLDERS = ("toolkit", "schemas", "forces")
T = "multiforce.toolkit"
# What publishes, serves or drives the others: nothing that reads a document may import it.
ABOVE_READING = [
    f"{T}.{name}"
    for name in (
        "store",
        "pipeline",
        "commands",
        "cli",
        "serving",
        "export",
        "charts",
        "inventory",
        "views",
    )
]
# The code that turns a file into rows: readers, layouts and meaning (where they exist), the
# format adapters, the adapter base class and its rules, and the force adapters.
READING = [
    *(f"{T}.{name}" for name in ("readers", "layouts", "meaning", "formats", "adapter", "rules")),
    *(f"{T}.{name}" for name in ("cleaning", "audit", "document", "records")),
    "multiforce.forces",
]
# (modules under this prefix, must not import anything under these prefixes)
RULES = [
    ("multiforce.schemas", [T, "multiforce.forces"]),
    *((layer, ABOVE_READING) for layer in READING),
    (f"{T}.validation", [f"{T}.{name}" for name in ("store", "pipeline", "commands", "cli")]),
    (f"{T}.store", [f"{T}.{name}" for name in ("pipeline", "commands", "cli")]),
]

if not (ROOT / "toolkit").is_dir():
    pytest.skip("no source tree beside the tests", allow_module_level=True)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PACKAGE, *parts))


def imported(path: Path) -> set[str]:
    """Every module the file imports, anywhere in it (a lazy import inside a function counts),
    as an absolute name; `from package import name` counts as package.name too."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def modules() -> dict[str, set[str]]:
    return {
        module_name(path): imported(path)
        for folder in CODE_FOLDERS
        for path in sorted((ROOT / folder).rglob("*.py"))
    }


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_imports_are_resolved_to_the_modules_they_name():
    found = modules()
    assert "multiforce.toolkit.store.publish" in found["multiforce.toolkit.pipeline"]
    assert "multiforce.schemas.models" in found["multiforce.toolkit.store.schema"]
    assert "multiforce.toolkit.errors" in found["multiforce.toolkit.readers"]


@pytest.mark.parametrize("layer, above", RULES, ids=[layer for layer, _ in RULES])
def test_no_module_imports_one_above_it(layer, above):
    wrong = {
        name: sorted(i for i in names if any(within(i, prefix) for prefix in above))
        for name, names in modules().items()
        if within(name, layer)
    }
    assert {name: names for name, names in wrong.items() if names} == {}
