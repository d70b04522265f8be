"""How fast drafting reads documents, on one core: `python -m benchmarks.drafting`.

Writes N synthetic documents (default 10,000) in the published layouts, made from the layout
fixtures of tests/fixtures/layouts/ (made-up text) with their numbers, dates, years,
references and status sentences varied from a seed, then drafts each of them in this one
process as `multiforce draft` does (toolkit/drafting.py: the document read from disk, its
layout, its meaning, the audit of its numbers, the draft YAML and a copy of the document
written), timing each stage. The Met's bundled document is timed alone too. Time is CPU
time (time.process_time), not wall time: the machine is shared, and another process's load
must not count against the reading.
"""

import argparse
import importlib
import json
import pkgutil
import random
import re
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from multiforce.toolkit import adapter, audit, drafting, layouts, meaning
from multiforce.toolkit.errors import MultiforceError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "tests" / "fixtures" / "layouts"
MET_DOCUMENT = ROOT / "forces" / "metropolitan" / "documents" / "01.FOI.22.022895.txt"
TARGET_PER_SECOND = 100  # issue 12: "Drafting is cheap"

# What is varied, tried in this order at each place of the text.
VARIED = re.compile(
    r"(?P<date>\b\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?\b)"  # 16/02/26
    r"|(?P<day>\b\d{1,2})(?P<ordinal>st|nd|rd|th)?(?=\s+(?:of\s+)?[A-Z][a-z]+\.?,?\s+(?:19|20)\d\d)"
    r"|(?P<year>(?<![\d.,])(?:19|20)\d\d)(?:/(?P<short>\d\d)(?!\d))?(?![\d,])"  # 2019, 2019/20
    r"|(?P<section>\b(?:[Ss]ections?|s\.?)\s?\d+)"  # a section of the Act stays what it is
    r"|(?P<force_code>\b\d{2}\.FOI\b)"  # 01.FOI: the force a reference belongs to stays
    r"|(?P<number>(?<![\w.])\d{1,3}(?:,\d{3})+|(?<![\w.,])\d{2,})"  # 8145, 21,790, 575
)
# Lines saying what was done with a question, and made-up sentences to say it another way.
STATUS_LINE = re.compile(
    r"^(?P<mark>\s*(?:Q?\d{1,2}[a-z]?[.)]\s*)?)(?P<said>.*\b(?:not held|exempt|neither confirm"
    r"|exceed|disclos|withh|refus|cost limit)\b.*)$",
    re.I | re.M,
)
STATUSES = (
    "The force does not hold this information.",
    "We can neither confirm nor deny whether this information is held.",
    "Finding this information would exceed the appropriate limit under section 12.",
    "This information is exempt from disclosure under section 31(1)(a).",
    "Some of this information is withheld under section 24(1); the rest is given here.",
    "The information you asked for is given below.",
)


def _vary_number(written: str, rng: random.Random) -> str:
    digits = written.replace(",", "")
    low = 10 ** (len(digits) - 1) if len(digits) > 1 else 0
    value = rng.randint(low, 10 ** len(digits) - 1)
    return f"{value:,}" if "," in written else str(value)


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def vary(text: str, rng: random.Random) -> str:
    """`text` with its figures, days, years (shifted together, so spans stay spans),
    references and status sentences changed; sections of the Act and question numbers kept."""
    shift = rng.choice((-3, -2, -1, 1, 2, 3))

    def replace(match: re.Match) -> str:
        if match["date"]:
            day, month, year = match["date"].split("/")
            return f"{rng.randint(1, 28):0{len(day)}d}/{rng.randint(1, 12):0{len(month)}d}/{year}"
        if match["day"]:
            day = rng.randint(1, 28)
            return f"{day}{_ordinal(day) if match['ordinal'] else ''}"
        if match["year"]:
            year = int(match["year"]) + shift
            return f"{year}/{(year + 1) % 100:02d}" if match["short"] else str(year)
        if match["section"] or match["force_code"]:
            return match.group(0)
        return _vary_number(match["number"], rng)

    varied = VARIED.sub(replace, text)
    return STATUS_LINE.sub(
        lambda m: m["mark"] + rng.choice(STATUSES) if rng.random() < 0.5 else m.group(0), varied
    )


def templates() -> list[tuple[Path, str | None]]:
    """The layout fixtures, with the address each was 'published' at (NAME.url), if any."""
    found = []
    for path in sorted(TEMPLATES.iterdir()):
        if path.suffix in {".txt", ".html"}:
            url = path.with_suffix(".url")
            found.append((path, url.read_text(encoding="utf-8").strip() if url.exists() else None))
    return found


def generate(folder: Path, documents: int, seed: int = 1) -> list[tuple[Path, str | None]]:
    """Write `documents` varied documents into `folder`, the same bytes for the same seed;
    each with its template's address."""
    rng = random.Random(seed)
    sources = templates()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(documents):
        template, url = sources[index % len(sources)]
        text = vary(template.read_text(encoding="utf-8"), rng)
        path = folder / f"{index:05d}-{template.name}"
        path.write_text(text, encoding="utf-8")
        written.append((path, url))
    return written


STAGES = ("read_document", "read_response", "read_meaning", "audit")


@contextmanager
def _stages_timed(seconds: dict[str, float]):
    """Each stage's CPU time added to `seconds` while drafting: drafting's own references to
    the stage functions wrapped, then restored."""
    originals = {name: getattr(drafting, name) for name in STAGES}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[name] += time.process_time() - start

        return wrapper

    for name, function in originals.items():
        setattr(drafting, name, timed(name, function))
    try:
        yield
    finally:
        for name, function in originals.items():
            setattr(drafting, name, function)


def _draft(path: Path, url: str | None, out: Path) -> bool:
    """What `multiforce draft` does with one document: read it, write its draft and a copy
    of it into `out`. False when the reading is refused (nothing read from it)."""
    try:
        drafting.write_draft(drafting.read(path, source_url=url), out)
    except MultiforceError:
        return False
    return True


def _timed_round(sources, before_each=None) -> tuple[float, dict, int]:
    """One round of drafting every document into a fresh folder: CPU seconds in all, by
    stage, and how many documents were drafted. before_each runs before each document."""
    seconds = dict.fromkeys(STAGES, 0.0)
    drafted = 0
    with tempfile.TemporaryDirectory(prefix="multiforce-drafts-") as out:
        with _stages_timed(seconds):
            start = time.process_time()
            for path, url in sources:
                if before_each:
                    before_each()
                drafted += _draft(path, url, Path(out))
            total = time.process_time() - start
    seconds["other (checks, YAML, files)"] = total - sum(seconds.values())
    return total, seconds, drafted


def time_documents(sources, rounds: int = 3) -> dict:
    """CPU seconds per round of drafting every document in one process (each round into a
    fresh folder); the median round, with its stages."""
    runs = [_timed_round(sources) for _ in range(rounds)]
    total, seconds, drafted = sorted(runs, key=lambda run: run[0])[len(runs) // 2]
    count = len(sources)
    return {
        "measured": "toolkit.drafting.read then write_draft, as `multiforce draft` does",
        "documents": count,
        "refused": count - drafted,
        "rounds_cpu_seconds": [round(run[0], 3) for run in runs],
        "documents_per_second": round(count / total, 1),
        "ms_per_document": round(1000 * total / count, 3),
        "ms_per_document_by_stage": {
            stage: round(1000 * spent / count, 3) for stage, spent in seconds.items()
        },
        "target_documents_per_second": TARGET_PER_SECOND,
    }


def memos() -> list:
    """The reading engine's, the adapters' and the audit's memos of recent passages (lru_caches
    with a size; the vocabularies, read once per process, are not among them)."""
    found = []
    modules = [
        f"{package.__name__}.{module.name}"
        for package in (layouts, meaning)
        for module in pkgutil.iter_modules(package.__path__)
    ]
    for name in [*modules, adapter.__name__, audit.__name__]:
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, type):
                continue  # a class that makes memories, not one
            parameters = getattr(value, "cache_parameters", None)
            if parameters and parameters()["maxsize"] is not None and value not in found:
                found.append(value)
    return found


def forgetting():
    """A function that empties every memo of recent passages (`memos`, found once), as if the
    next document's text were new."""
    passages = memos()

    def forget() -> None:
        for memo in passages:
            memo.cache_clear()

    return forget


def time_met(repeats: int = 20, rounds: int = 3) -> dict:
    """The Met's bundled document (about 11 KB of text), drafted `repeats` times a round:
    `first_read` with the engine's memos emptied before each (as among other documents),
    `warm` with them kept (the same document again)."""
    forget = forgetting()
    sources = [(MET_DOCUMENT, None)] * repeats
    time_documents(sources[:1], rounds=1)  # the vocabularies, compiled once per process
    warm = time_documents(sources, rounds)
    runs = [_timed_round(sources, before_each=forget) for _ in range(rounds)]
    first = sorted(runs, key=lambda run: run[0])[len(runs) // 2][1]
    return {
        "document": MET_DOCUMENT.name,
        "bytes": MET_DOCUMENT.stat().st_size,
        "ms_per_document_first_read": round(1000 * sum(first.values()) / repeats, 3),
        "ms_per_document_by_stage_first_read": {
            stage: round(1000 * spent / repeats, 3) for stage, spent in first.items() if spent
        },
        "ms_per_document_warm": warm["ms_per_document"],
        "ms_per_document_by_stage_warm": warm["ms_per_document_by_stage"],
    }


def measure(documents: int, rounds: int = 3, seed: int = 1, met_repeats: int = 20, folder=None):
    """`documents` synthetic documents written (into `folder`, or a temp dir) and drafted
    `rounds` times, and the Met's document alone (`time_met`)."""
    with tempfile.TemporaryDirectory(prefix="multiforce-drafting-") as scratch:
        sources = generate(folder or Path(scratch), documents, seed)
        print(f"{len(sources)} documents written; timing {rounds} rounds", file=sys.stderr)
        return {
            "clock": "CPU time of this one process (time.process_time), not wall time",
            "synthetic": time_documents(sources, rounds),
            "met": time_met(met_repeats, rounds),
        }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3, help="the median round is reported")
    parser.add_argument("--met-repeats", type=int, default=20)
    parser.add_argument("--folder", type=Path, help="where to write the documents (a temp dir)")
    args = parser.parse_args(argv)
    result = measure(args.documents, args.rounds, args.seed, args.met_repeats, args.folder)
    print(json.dumps(result, indent=1))
    synthetic = result["synthetic"]
    verdict = "met" if synthetic["documents_per_second"] >= TARGET_PER_SECOND else "MISSED"
    print(
        f"{synthetic['documents_per_second']} documents/s "
        f"({synthetic['ms_per_document']} ms a document) on one core, target "
        f"{TARGET_PER_SECOND}/s: {verdict}; the Met's document "
        f"{result['met']['ms_per_document_first_read']} ms (read first), "
        f"{result['met']['ms_per_document_warm']} ms (again)",
        file=sys.stderr,
    )
    return result


if __name__ == "__main__":
    main()
