"""multiforce's benchmark: a synthetic corpus at three scales, each stage against its target.

    python benchmarks/run.py                      # all three scales (about half an hour on 2 cores)
    python benchmarks/run.py --scales campaign    # one scale, for a quick look

For each scale it generates the corpus (deterministic from --seed), then runs in a fresh process
each: reading, parsing and the audit of a sample of documents, one at a time, after the first five
(timed apart: they carry what a process does once), and where the installed reading is compiled the
same as Python, in turn with it; parsing the whole corpus with one job and with
two; validation, publishing, the same rows into the same schema with plain sqlite3 executemany in
one transaction, every index made after the rows (the floor; with SQLite's defaults and with
multiforce's pragmas) and, up to the archive scale, with plain sqlite-utils insert_all, a full build
(one job per core, the progress bar drawn and timed; at the stress scale, flanked by a build of the
archive corpus just before and just after it, for the ratio of the two a document), an ingest of the
unchanged corpus, an ingest after one document changed, the floor under that ingest: the database
copied aside and synced, as every changing ingest does before it publishes, and three ingests of one
more changed document after it, each after the one before (the median), each reading the published
database from the disk, not the page cache. On the largest scale it adds campaigns whose requests
the documents answer, one a document and about one in twenty overdue (benchmarks/campaigns.py), then
times every canned query, every query of the dashboard and the pages a user opens first through
Datasette's client. Then `multiforce draft`'s reading of 10,000 documents in the published layouts
(--drafting; benchmarks/drafting.py) and, at the end, `multiforce --help`. It prints each figure
beside its target and writes benchmarks/results.json and benchmarks/results.md. Publishing and the
two floors are compared with each other: they run in turn (publishing, the floors, publishing
again...), so that a spell in which the machine slows down slows each of them alike, and each figure
is the median of its runs: fifteen at the campaign scale, where they take milliseconds, three at the
larger scales. Parsing with one job and with two run in turn the same way, three times each up to
the archive scale.

Do not edit toolkit/, schemas/ or benchmarks/corpus.py while it runs (each stage imports them
afresh), and leave the machine to it: the figures are wall times, but for the reading's and the
drafting's, which are CPU times.
"""

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks import corpus  # noqa: E402

TARGETS = {
    "parse_two_jobs_vs_one": 0.6,  # parsing the corpus with 2 worker processes / with 1
    "build_per_document_stress_vs_archive": 1.2,
    "unchanged_reingest_share": 0.02,  # ingest of an unchanged corpus / full build
    "one_changed_share": 0.05,  # ingest after one document changed / full build
    "progress_share": 0.01,  # drawing the progress bar / full build
    "validation_share": 0.10,  # validation / full build, stress scale
    "publishing_vs_floor": 1.5,  # publishing time / raw executemany floor, same pragmas
    "publishing_vs_insert_all": 1.0,  # publishing time / sqlite-utils insert_all
    "document_ms": 2.0,  # reading, parsing and the audit of a document, one core
    "stress_build_seconds": 150.0,
    "peak_rss_mb": 1024.0,  # stress scale
    "help_seconds": 0.3,
    "canned_query_ms": 200.0,  # and every query of the dashboard
    "page_ms": 1000.0,  # the database page, the outcome matrix, the dashboard
}


def python_path() -> str:
    """The checkout (for `benchmarks`) before whatever PYTHONPATH already says: a stage imports
    the same multiforce as this process."""
    return os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)


READING_TITLE = "reading, parsing and the audit, a document at a time (median of 3)"


def run_stage(name: str, *arguments, under: tuple[str, ...] = (), env: dict | None = None) -> dict:
    """A stage in a fresh process (`under` a command such as valgrind, with `env` added to the
    environment), and the JSON it prints last."""
    command = [*under, sys.executable, "-m", "benchmarks.stages", name, *map(str, arguments)]
    started = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": python_path(), **(env or {})},
    )
    if done.returncode != 0:
        sys.exit(f"stage {name} failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = round(time.perf_counter() - started, 2)
    return result


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    versions = {
        name: metadata.version(name) for name in ("polars", "pandera", "sqlite-utils", "datasette")
    }
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(memory / 2**20, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        **versions,
        "reading_compiled": reading_compiled(),
    }


def reading_compiled() -> bool:
    """Whether the reading's modules are mypyc's (`MULTIFORCE_COMPILE=1 pip install .`)."""
    from benchmarks.stages import reading_compiled

    return reading_compiled()


def plain_package(work: Path) -> Path:
    """A folder whose `multiforce` is this checkout, as Python: put first on PYTHONPATH, it is
    imported instead of the compiled install."""
    folder = work / "as-python"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "multiforce"
    if not link.is_symlink():
        link.symlink_to(ROOT, target_is_directory=True)
    return folder


def scale_run(
    scale: corpus.Scale,
    work: Path,
    seed: int,
    queries: bool,
    peer: tuple[corpus.Scale, Path] | None = None,
) -> dict:
    """Every stage at one scale, in the work folder's `scale.name` folder; its documents are
    left there for a later scale's `peer`, the corpus whose builds flank this one's build."""
    folder, rows, dbs = (
        work / scale.name / "documents",
        work / scale.name / "rows",
        work / scale.name / "db",
    )
    dbs.mkdir(parents=True, exist_ok=True)

    def say(text):
        print(f"  [{scale.name}] {text}", flush=True)

    result = {"documents": scale.documents}

    def record(key, title, runs):
        result[key] = sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]  # the median
        peak = f", peak {result[key]['peak_rss_mb']:.0f} MB" if "peak_rss_mb" in result[key] else ""
        say(f"{title}: {result[key]['seconds']:.2f} s{peak}")

    def measure(key, title, stage, *arguments, repeat=1):
        record(key, title, [run_stage(stage, *arguments) for _ in range(repeat)])

    def side_by_side(*stages, repeat, env=None):
        """(key, title, stage, *arguments) stages, run in turn `repeat` times; `env` adds to a
        key's environment."""
        runs = {key: [] for key, *_ in stages}
        for _ in range(repeat):
            for key, _, stage, *arguments in stages:
                runs[key].append(run_stage(stage, *arguments, env=(env or {}).get(key)))
        for key, title, *_ in stages:
            record(key, title, runs[key])

    schema = dbs / "published.db"
    measure(
        "generate",
        f"generating {scale.documents:,} documents",
        "generate",
        scale.name,
        folder,
        seed,
    )
    # The median of three passes, each in a process of its own: on this shared machine one pass
    # of the same code over the same 1,000 stress documents took from 2.02 to 2.23 ms a
    # document within half an hour, a tenth, which is what separates it from the target.
    if reading_compiled():
        # The same checkout as Python, in turn with the compiled passes: what a plain install
        # (`pip install .`) costs a document, beside the compiled reading the target judges.
        plain = {"PYTHONPATH": os.pathsep.join([str(plain_package(work)), str(ROOT)])}
        side_by_side(
            ("reading", READING_TITLE, "reading", scale.name, folder, seed),
            ("reading_plain", READING_TITLE + ", as Python", "reading", scale.name, folder, seed),
            repeat=3,
            env={"reading_plain": plain},
        )
        if result["reading_plain"]["compiled"]:
            sys.exit(f"the reading under {plain['PYTHONPATH']} is the compiled one, not Python's")
    else:
        measure("reading", READING_TITLE, "reading", scale.name, folder, seed, repeat=3)
    say(
        f"  per document: reading {result['reading']['reading_ms']} ms, parsing "
        f"{result['reading']['parsing_ms']} ms, audit {result['reading']['audit_ms']} ms; "
        f"the first {result['reading']['first_documents']} documents before them "
        f"{result['reading']['first_documents_ms']} ms in all"
    )
    # One job and two in turn, each the median of three up to the archive scale: a ratio of two
    # runs made a minute apart moved from 0.55x to 0.70x between runs of the same code. At the
    # stress scale one round takes seven minutes; there, runs are long enough to even out.
    side_by_side(
        ("parse", "parsing, one job", "parse", scale.name, folder, rows, seed, 1),
        ("parse_two_jobs", "parsing, two jobs", "parse", scale.name, folder, "-", seed, 2),
        repeat=3 if scale.documents <= PAIRED_PARSING_UP_TO else 1,
    )
    measure("validation", "validation", "validation", rows)
    # At a campaign's size a publish takes a quarter of a second, and one run's time moves by a
    # fifth from the next: fifteen runs of each, side by side, for medians that hold still. At
    # the larger scales one run moves by a tenth, enough to carry a ratio across its target.
    repeat = 15 if scale.documents < 1000 else 3
    floor = dbs / "floor.db"
    side_by_side(  # publishing first: the floors read its schema
        ("publishing", "publishing", "publishing", rows, schema),
        (
            "floor_defaults",
            "the floor: plain executemany, SQLite's defaults",
            *("floor", rows, floor, schema, "defaults"),
        ),
        (
            "floor",
            "the floor: plain executemany, multiforce's pragmas",
            *("floor", rows, floor, schema, "tuned"),
        ),
        repeat=repeat,
    )
    if scale.documents <= INSERT_ALL_UP_TO:
        measure(
            "insert_all",
            "sqlite-utils insert_all",
            "insert-all",
            rows,
            dbs / "insert_all.db",
            schema,
            repeat=1 if scale.documents >= 1000 else repeat,
        )
    for name in ("floor.db", "insert_all.db", "published.db"):
        (dbs / name).unlink(missing_ok=True)
    shutil.rmtree(rows)
    if peer is None:
        measure("build", "full build", "build", scale.name, folder, dbs / "built.db", seed)
    else:
        # The peer's corpus is built just before and just after this one's: the ratio of their
        # builds a document then compares runs minutes apart, not the ends of a long benchmark
        # on a machine whose speed moves by half within it.
        peer_scale, peer_folder = peer
        flanks = [run_stage("build", peer_scale.name, peer_folder, dbs / "peer.db", seed)]
        measure("build", "full build", "build", scale.name, folder, dbs / "built.db", seed)
        flanks.append(run_stage("build", peer_scale.name, peer_folder, dbs / "peer.db", seed))
        (dbs / "peer.db").unlink(missing_ok=True)
        result["peer_build"] = {
            "scale": peer_scale.name,
            "runs": flanks,
            "per_document_ms": round(sum(run["per_document_ms"] for run in flanks) / 2, 3),
        }
        say(
            f"full build of the {peer_scale.name} corpus, before and after: "
            + " and ".join(f"{run['seconds']:.2f} s" for run in flanks)
        )
    measure(
        "ingest_unchanged",
        "ingest, nothing changed",
        "ingest",
        scale.name,
        folder,
        dbs / "built.db",
        seed,
    )
    measure("changed", "one document changed", "change-one", scale.name, folder, seed)
    measure(
        "ingest_one_changed",
        "ingest, one document changed",
        "ingest",
        scale.name,
        folder,
        dbs / "built.db",
        seed,
    )
    measure(
        "copy_aside",
        "copying the database aside and syncing it (the floor of any changing ingest)",
        "copy-aside",
        dbs / "built.db",
    )
    # An ingest after an ingest, as a campaign's answers come in: the published database is the
    # copy the last one wrote past the page cache, so this one reads it from the disk (after a
    # build it was in the cache). Three in a row, each reading the copy the one before wrote, and
    # the median: at a million figures one such ingest took 4.8 s in one session and 3.1 s in the
    # next, as the disk's speed moved.
    again = []
    for earlier in range(1, 1 + ONE_MORE_CHANGED):
        run_stage("change-one", scale.name, folder, seed, earlier)
        again.append(run_stage("ingest", scale.name, folder, dbs / "built.db", seed))
    record(
        "ingest_one_more_changed",
        "ingest, one more document changed (the database not in the page cache; the median of "
        + ", ".join(f"{run['seconds']:.2f}" for run in again)
        + " s)",
        again,
    )
    result["ingest_one_more_changed"]["runs_seconds"] = [run["seconds"] for run in again]
    if queries:
        measure(
            "requests",
            "campaigns' requests added, one a document (campaign new)",
            "requests",
            scale.name,
            dbs / "built.db",
            seed,
        )
        measure("queries", "canned queries through Datasette", "queries", dbs / "built.db")
    shutil.rmtree(dbs)
    return result


LARGE = 1000  # documents: below this, ratios of whole runs are dominated by start-up costs
RATIO_DIGITS = 3  # a ratio a hair over its target (0.602 against 0.6) does not show as equal to it
PAIRED_PARSING_UP_TO = 10_000  # documents: the parsing stages' runs are repeated up to here
# The full build per document at the stress scale is compared with that at the archive scale.
PEERS = {"stress": "archive"}
# sqlite-utils' insert_all is timed up to the archive scale: at stress it takes nine minutes
# and stays, as at every scale, several times slower than publishing.
INSERT_ALL_UP_TO = 10_000
# Ingests of one more changed document in a row, each after the one before (their median)
ONE_MORE_CHANGED = 3


def build_per_document_ratio(scales: dict) -> tuple[float, bool]:
    """A full build's time a document at the stress scale over that at the archive scale, and
    whether the archive's is that of the builds flanking the stress build (a run made before
    they were has only the archive scale's own build)."""
    stress = scales["stress"]
    archive = stress.get("peer_build", scales["archive"]["build"])
    return stress["build"]["per_document_ms"] / archive["per_document_ms"], "peer_build" in stress


def judge(results: dict) -> list[dict]:
    """Each figure beside its target: ratios first, then times and sizes."""
    lines = []

    def line(what, value, target, unit, ok, scale=""):
        lines.append(
            {
                "what": what,
                "scale": scale,
                "value": value,
                "target": target,
                "unit": unit,
                "met": ok,
            }
        )

    def ratios(what, key, numerator, denominator, unit="x", percent=False, judged=None):
        for name, run in scales.items():
            try:
                ratio = numerator(run) / denominator(run)
            except (KeyError, TypeError, ZeroDivisionError):
                continue
            value = round(100 * ratio, 2) if percent else round(ratio, RATIO_DIGITS)
            if key is None:  # shown beside the figures it explains, with no target of its own
                line(what, value, "-", unit, None, name)
                continue
            target = 100 * TARGETS[key] if percent else TARGETS[key]
            large = run["documents"] >= LARGE if judged is None else judged(name)
            line(what, value, target, unit, ratio <= TARGETS[key] if large else None, name)

    scales = results["scales"]
    ratios(
        "parsing the corpus: two jobs / one job",
        "parse_two_jobs_vs_one",
        lambda run: run["parse_two_jobs"]["seconds"],
        lambda run: run["parse"]["seconds"],
    )
    for name, run in scales.items():
        one, two = run["parse"], run.get("parse_two_jobs", {})
        if "cpu_workers_seconds" not in two:
            continue  # a run from before the CPU time was recorded
        busiest = max(two["cpu_parent_seconds"], two["cpu_workers_seconds"] / 2)
        line(
            "parsing, two jobs / one: the busiest process's CPU time (the wall time's ratio on "
            "idle cores)",
            round(busiest / one["cpu_parent_seconds"], RATIO_DIGITS),
            TARGETS["parse_two_jobs_vs_one"],
            "x",
            None,
            name,
        )
    if {"archive", "stress"} <= set(scales):
        ratio, flanked = build_per_document_ratio(scales)
        line(
            "full build per document: stress / archive"
            + (" (archive built just before and after)" if flanked else ""),
            round(ratio, RATIO_DIGITS),
            TARGETS["build_per_document_stress_vs_archive"],
            "x",
            ratio <= TARGETS["build_per_document_stress_vs_archive"],
            "stress",
        )
    build = lambda run: run["build"]["seconds"]  # noqa: E731
    part = lambda name: lambda run: run["build"]["parts"][name]["seconds"]  # noqa: E731
    for what, key, seconds, judged in (
        (
            "ingest of the unchanged corpus",
            "unchanged_reingest_share",
            lambda run: run["ingest_unchanged"]["seconds"],
            None,
        ),
        (
            "ingest with one document changed",
            "one_changed_share",
            lambda run: run["ingest_one_changed"]["seconds"],
            None,
        ),
        (
            "ingest with one more document changed, after that ingest (median of three)",
            "one_changed_share",
            lambda run: run["ingest_one_more_changed"]["seconds"],
            None,
        ),
        (  # what a changing ingest spends on the copy its design requires
            "copying the database aside and syncing it",
            None,
            lambda run: run["copy_aside"]["seconds"],
            None,
        ),
        ("drawing the progress bar", "progress_share", part("progress display"), None),
        ("validation", "validation_share", part("validation"), lambda name: name == "stress"),
    ):
        ratios(f"{what} / full build", key, seconds, build, "%", percent=True, judged=judged)
    for what, key, floor in (
        ("raw executemany floor (same pragmas)", "publishing_vs_floor", "floor"),
        ("raw executemany floor (SQLite defaults)", "publishing_vs_floor", "floor_defaults"),
        ("sqlite-utils insert_all", "publishing_vs_insert_all", "insert_all"),
    ):
        ratios(
            f"publishing / {what}",
            key,
            lambda run: run["publishing"]["seconds"],
            lambda run, floor=floor: run[floor]["seconds"],
            judged=lambda name: True,
        )
    for name, run in scales.items():
        if "reading" in run:
            value = run["reading"]["document_ms"]
            target = TARGETS["document_ms"]
            line(
                "reading, parsing and the audit, a document, one core (CPU time)",
                value,
                target,
                "ms",
                # in a small corpus the memories of recent passages are still filling
                value <= target if run["documents"] >= LARGE else None,
                name,
            )
            if "reading_plain" in run:
                line(
                    "the same as Python, not compiled (as `pip install .` installs it), in turn "
                    "with the compiled; the target is judged on the compiled reading",
                    run["reading_plain"]["document_ms"],
                    target,
                    "ms",
                    None,
                    name,
                )
            line(
                f"reading, parsing and the audit: the first {run['reading']['first_documents']} "
                "documents of a process, in all (compiling the patterns, reading the layouts)",
                run["reading"]["first_documents_ms"],
                "-",
                "ms",
                None,
                name,
            )
    for name, run in scales.items():
        if name == "stress":
            seconds = run["build"]["seconds"]
            target = TARGETS["stress_build_seconds"]
            line("full build", round(seconds, 1), target, "s", seconds <= target, name)
    for name, run in scales.items():
        if "requests" in run:
            added = run["requests"]
            line(
                f"campaign new: {added['campaigns']:,} campaigns, {added['requests']:,} requests "
                "(one a document), in one publication",
                round(added["seconds"], 1),
                "-",
                "s",
                None,
                name,
            )
    cores = results["machine"]["cores"]
    for name, run in scales.items():
        build = run.get("build", {})
        if "cpu_workers_seconds" not in build:
            continue  # a run from before the CPU time was recorded
        line(
            "full build: the CPU time of its process and workers shared out on the cores (the "
            "least wall time they allow)",
            round((build["cpu_parent_seconds"] + build["cpu_workers_seconds"]) / cores, 1),
            "-",
            "s",
            None,
            name,
        )
    for name, run in scales.items():
        peak = max(
            run[stage]["peak_rss_mb"]
            for stage in ("parse", "parse_two_jobs", "validation", "publishing", "build")
            if stage in run
        )
        target = TARGETS["peak_rss_mb"]
        line(
            "peak memory of any stage (RSS)",
            round(peak),
            target,
            "MB",
            peak < target if name == "stress" else None,
            name,
        )
    if "drafting" in results:
        drafted = results["drafting"]["synthetic"]
        rate, least = drafted["documents_per_second"], drafted["target_documents_per_second"]
        line(
            "drafting: documents a second, one core (CPU time; the target is the least)",
            rate,
            least,
            "/s",
            rate >= least if drafted["documents"] >= LARGE else None,
        )
    help_seconds = results["startup"]["seconds"]
    line(
        "multiforce --help (median, fresh process)",
        round(help_seconds, 3),
        TARGETS["help_seconds"],
        "s",
        help_seconds < TARGETS["help_seconds"],
    )
    largest = list(scales)[-1]
    measured = scales[largest].get("queries", {})
    for name, query in measured.get("queries", {}).items():
        what = name.replace("chart ", "dashboard chart ").replace("filter ", "dashboard filter ")
        line(
            f"{what if ' ' in name else 'canned query ' + name} (median)",
            query["median_ms"],
            TARGETS["canned_query_ms"],
            "ms",
            query["median_ms"] <= TARGETS["canned_query_ms"],
            largest,
        )
    for page, shown in measured.get("pages", {}).items():
        line(
            f"page: {page} (median)",
            shown["median_ms"],
            TARGETS["page_ms"],
            "ms",
            shown["median_ms"] <= TARGETS["page_ms"],
            largest,
        )
    return lines


def table(results: dict) -> str:
    marks = {True: "met", False: "**not met**", None: ""}
    m = results["machine"]
    out = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['os']}; "
        f"Python {m['python']}, SQLite {m['sqlite']}, polars {m['polars']}, "
        f"pandera {m['pandera']}, sqlite-utils {m['sqlite-utils']}, Datasette {m['datasette']}; "
        f"the reading {'compiled' if m.get('reading_compiled') else 'not compiled'} (mypyc). "
        f"Load average when it started: {results.get('load', '?')}. Seed {results['seed']}, "
        f"{results['total_minutes']} minutes in all. Command: `{results.get('command', '?')}`.",
        "",
        "| figure | scale | value | target | |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for item in results["verdicts"]:
        target = f"{item['target']} {item['unit']}" if item["target"] != "-" else "-"
        out.append(
            f"| {item['what']} | {item['scale']} | {item['value']} {item['unit']} | {target} "
            f"| {marks[item['met']]} |"
        )
    out += [
        "",
        "| scale | documents | observations | reading / parsing / audit ms a document "
        "(first documents ms in all) "
        "| parse s (1 job / 2) | validation s | publishing s | floor s (defaults / pragmas) "
        "| insert_all s | full build s (jobs, peak MB) | unchanged ingest s | one changed s "
        "| copy aside and sync s | one more changed s |",
        "| --- " + "| ---: " * 13 + "|",
    ]
    for name, run in results["scales"].items():
        reading = run.get("reading", {})
        two = run.get("parse_two_jobs", {}).get("seconds", float("nan"))
        out.append(
            f"| {name} | {run['documents']:,} | {run['parse']['rows']['observations']:,} "
            f"| {reading.get('reading_ms')} / {reading.get('parsing_ms')} / "
            f"{reading.get('audit_ms')} ({reading.get('first_documents_ms')}) "
            f"| {run['parse']['seconds']:.1f} / {two:.1f} "
            f"| {run['validation']['seconds']:.1f} | {run['publishing']['seconds']:.1f} "
            f"| {run['floor_defaults']['seconds']:.1f} / {run['floor']['seconds']:.1f} "
            f"| {run.get('insert_all', {}).get('seconds', float('nan')):.1f} "
            f"| {run['build']['seconds']:.1f} ({run['build'].get('jobs', 1)}, "
            f"{run['build']['peak_rss_mb']:.0f}) "
            f"| {run['ingest_unchanged']['seconds']:.2f} "
            f"| {run['ingest_one_changed']['seconds']:.2f} "
            f"| {run.get('copy_aside', {}).get('seconds', float('nan')):.2f} "
            f"| {run.get('ingest_one_more_changed', {}).get('seconds', float('nan')):.2f} |"
        )
    if "drafting" in results:
        out += ["", drafting_table(results["drafting"])]
    return "\n".join(out) + "\n"


def drafting_table(drafting: dict) -> str:
    """`multiforce draft`'s reading: each stage's share of a document, and the Met's letter."""
    drafted, met = drafting["synthetic"], drafting["met"]
    stages = drafted["ms_per_document_by_stage"]
    return "\n".join(
        [
            "| drafting | documents | ms a document | "
            + " | ".join(f"{stage} ms" for stage in stages)
            + " | the Met's letter, read first / again ms |",
            "| --- " + "| ---: " * (len(stages) + 3) + "|",
            f"| one core | {drafted['documents']:,} | {drafted['ms_per_document']} | "
            + " | ".join(str(ms) for ms in stages.values())
            + f" | {met['ms_per_document_first_read']} / {met['ms_per_document_warm']} |",
        ]
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scales",
        default=",".join(corpus.BENCHMARK_SCALES),
        help="comma-separated: campaign,archive,stress",
    )
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument(
        "--work",
        type=Path,
        help="where to put the corpus and databases (default: a temporary folder)",
    )
    parser.add_argument(
        "--out", type=Path, default=HERE, help="where to write results.json and results.md"
    )
    parser.add_argument(
        "--drafting",
        type=int,
        default=10_000,
        help="documents drafted to time `multiforce draft` (0: not timed)",
    )
    args = parser.parse_args()
    names = [name.strip() for name in args.scales.split(",") if name.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="multiforce-bench-"))
    started = time.perf_counter()
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["python", "benchmarks/run.py", *sys.argv[1:]]),
        "load": " ".join(f"{load:.2f}" for load in os.getloadavg()),
        "seed": args.seed,
        "machine": machine(),
        "scales": {},
    }
    for index, name in enumerate(names):
        print(f"{name}: {corpus.SCALES[name].documents:,} documents", flush=True)
        peer = PEERS.get(name) if PEERS.get(name) in results["scales"] else None
        results["scales"][name] = scale_run(
            corpus.SCALES[name],
            work,
            args.seed,
            queries=name == names[-1],
            peer=(corpus.SCALES[peer], work / peer / "documents") if peer else None,
        )
        needed = {PEERS.get(later) for later in names[index + 1 :]}
        for done in results["scales"]:
            if done not in needed:
                shutil.rmtree(work / done, ignore_errors=True)
    if args.drafting:
        print(f"drafting: {args.drafting:,} documents", flush=True)
        results["drafting"] = run_stage("draft", args.drafting)
    print("multiforce --help", flush=True)
    results["startup"] = run_stage("startup")
    results["total_minutes"] = round((time.perf_counter() - started) / 60, 1)
    results["verdicts"] = judge(results)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(table(results), encoding="utf-8")
    if args.out == HERE:  # the bundled results: docs/performance.md follows them
        from benchmarks import report

        report.main()
    print()
    print(table(results))


if __name__ == "__main__":
    main()
