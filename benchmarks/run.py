"""multiforce's benchmark: a synthetic corpus at three scales, each stage against its target.

    python benchmarks/run.py                      # all three scales (about 15 minutes on 2 cores)
    python benchmarks/run.py --scales campaign    # one scale, for a quick look

For each scale it generates the corpus (deterministic from --seed), then runs in a fresh
process each: parsing, validation, publishing, the same rows into the same schema with plain
sqlite3 executemany in one transaction (the floor; with SQLite's defaults and with
multiforce's pragmas) and with plain sqlite-utils insert_all, a full build, an ingest of the
unchanged corpus, and an ingest after one document changed. On the largest scale it times
every canned query through Datasette's client; at the end, `multiforce --help`. It prints each
figure beside its target and writes benchmarks/results.json and benchmarks/results.md.
Stages at the campaign scale take milliseconds: each comparison there is the median of five runs.
Do not edit toolkit/, schemas/ or benchmarks/corpus.py while it runs: the ingest stages
would see changed code and rightly read every document again.
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
    "publishing_vs_floor": 1.5,  # publishing time / raw executemany floor, same pragmas
    "publishing_vs_insert_all": 1.0,  # publishing time / sqlite-utils insert_all
    "validation_share": 0.10,  # validation / full build, stress scale
    "unchanged_reingest_share": 0.05,  # ingest of an unchanged corpus / full build
    "help_seconds": 0.3,
    "canned_query_ms": 200.0,
    "stress_peak_rss_mb": 2048.0,
}


def run_stage(name: str, *arguments) -> dict:
    command = [sys.executable, "-m", "benchmarks.stages", name, *map(str, arguments)]
    started = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
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
    }


def scale_run(scale: corpus.Scale, work: Path, seed: int, queries: bool) -> dict:
    folder, rows, dbs = (
        work / scale.name / "documents",
        work / scale.name / "rows",
        work / scale.name / "db",
    )
    dbs.mkdir(parents=True, exist_ok=True)

    def say(text):
        print(f"  [{scale.name}] {text}", flush=True)

    result = {"documents": scale.documents}

    def measure(key, title, stage, *arguments, repeat=1):
        runs = sorted(
            (run_stage(stage, *arguments) for _ in range(repeat)), key=lambda run: run["seconds"]
        )
        result[key] = runs[
            len(runs) // 2
        ]  # the median run: small scales take milliseconds and vary
        peak = f", peak {result[key]['peak_rss_mb']:.0f} MB" if "peak_rss_mb" in result[key] else ""
        say(f"{title}: {result[key]['seconds']:.2f} s{peak}")

    schema = dbs / "published.db"
    measure(
        "generate",
        f"generating {scale.documents:,} documents",
        "generate",
        scale.name,
        folder,
        seed,
    )
    measure("parse", "parsing", "parse", scale.name, folder, rows, seed)
    measure("validation", "validation", "validation", rows)
    repeat = 5 if scale.documents < 1000 else 1
    measure("publishing", "publishing", "publishing", rows, schema, repeat=repeat)
    measure(
        "floor_defaults",
        "the floor: plain executemany, SQLite's defaults",
        "floor",
        rows,
        dbs / "floor.db",
        schema,
        "defaults",
        repeat=repeat,
    )
    measure(
        "floor",
        "the floor: plain executemany, multiforce's pragmas",
        "floor",
        rows,
        dbs / "floor.db",
        schema,
        "tuned",
        repeat=repeat,
    )
    measure(
        "insert_all",
        "sqlite-utils insert_all",
        "insert-all",
        rows,
        dbs / "insert_all.db",
        schema,
        repeat=repeat,
    )
    for name in ("floor.db", "insert_all.db", "published.db"):
        (dbs / name).unlink(missing_ok=True)
    shutil.rmtree(rows)
    measure("build", "full build", "build", scale.name, folder, dbs / "built.db", seed)
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
    if queries:
        measure("queries", "canned queries through Datasette", "queries", dbs / "built.db")
    shutil.rmtree(work / scale.name)
    return result


def judge(results: dict) -> list[dict]:
    """Each figure beside its target: ratios first."""
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

    scales = results["scales"]
    for name, run in scales.items():
        ratio = run["publishing"]["seconds"] / run["floor"]["seconds"]
        line(
            "publishing / raw executemany floor (same pragmas)",
            round(ratio, 2),
            TARGETS["publishing_vs_floor"],
            "x",
            ratio <= TARGETS["publishing_vs_floor"],
            name,
        )
    for name, run in scales.items():
        ratio = run["publishing"]["seconds"] / run["floor_defaults"]["seconds"]
        line(
            "publishing / raw executemany floor (SQLite defaults)",
            round(ratio, 2),
            TARGETS["publishing_vs_floor"],
            "x",
            ratio <= TARGETS["publishing_vs_floor"],
            name,
        )
    for name, run in scales.items():
        ratio = run["publishing"]["seconds"] / run["insert_all"]["seconds"]
        line(
            "publishing / sqlite-utils insert_all",
            round(ratio, 2),
            "< 1",
            "x",
            ratio < TARGETS["publishing_vs_insert_all"],
            name,
        )
    for name, run in scales.items():
        share = run["build"]["parts"]["validation"]["seconds"] / run["build"]["seconds"]
        line(
            "validation / full build",
            round(100 * share, 1),
            100 * TARGETS["validation_share"],
            "%",
            share < TARGETS["validation_share"] if name == "stress" else None,
            name,
        )
    for name, run in scales.items():
        share = run["ingest_unchanged"]["seconds"] / run["build"]["seconds"]
        line(
            "ingest of the unchanged corpus / full build",
            round(100 * share, 2),
            100 * TARGETS["unchanged_reingest_share"],
            "%",
            share < TARGETS["unchanged_reingest_share"],
            name,
        )
    for name, run in scales.items():
        share = run["ingest_one_changed"]["seconds"] / run["build"]["seconds"]
        line(
            "ingest with one document changed / full build",
            round(100 * share, 2),
            "-",
            "%",
            None,
            name,
        )
    for name, run in scales.items():
        peak = max(
            run[stage]["peak_rss_mb"] for stage in ("parse", "validation", "publishing", "build")
        )
        line(
            "peak memory of any stage (RSS)",
            round(peak),
            TARGETS["stress_peak_rss_mb"],
            "MB",
            peak < TARGETS["stress_peak_rss_mb"] if name == "stress" else None,
            name,
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
    for name, query in scales[largest].get("queries", {}).get("queries", {}).items():
        line(
            f"canned query {name} (median)",
            query["median_ms"],
            TARGETS["canned_query_ms"],
            "ms",
            query["median_ms"] < TARGETS["canned_query_ms"],
            largest,
        )
    return lines


def table(results: dict) -> str:
    marks = {True: "met", False: "**not met**", None: ""}
    out = ["| figure | scale | value | target | |", "| --- | --- | ---: | ---: | --- |"]
    for item in results["verdicts"]:
        target = f"{item['target']} {item['unit']}" if item["target"] != "-" else "-"
        out.append(
            f"| {item['what']} | {item['scale']} | {item['value']} {item['unit']} | {target} | "
            f"{marks[item['met']]} |"
        )
    out += [
        "",
        "| scale | documents | observations | parse s | validation s | publishing s | floor s "
        "(defaults / pragmas) | insert_all s | full build s (peak MB) | unchanged ingest s | one "
        "changed s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, run in results["scales"].items():
        out.append(
            f"| {name} | {run['documents']:,} | {run['parse']['rows']['observations']:,} | "
            f"{run['parse']['seconds']:.1f} | {run['validation']['seconds']:.1f} | "
            f"{run['publishing']['seconds']:.1f} | {run['floor_defaults']['seconds']:.1f} / "
            f"{run['floor']['seconds']:.1f} | {run['insert_all']['seconds']:.1f} | "
            f"{run['build']['seconds']:.1f} ({run['build']['peak_rss_mb']:.0f}) | "
            f"{run['ingest_unchanged']['seconds']:.2f} | "
            f"{run['ingest_one_changed']['seconds']:.2f} |"
        )
    m = results["machine"]
    out += [
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['os']}; Python "
        f"{m['python']}, SQLite {m['sqlite']}, polars {m['polars']}, pandera {m['pandera']}, "
        f"sqlite-utils {m['sqlite-utils']}, Datasette {m['datasette']}. Seed {results['seed']}, "
        f"{results['total_minutes']} minutes in all.",
    ]
    return "\n".join(out) + "\n"


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
    args = parser.parse_args()
    names = [name.strip() for name in args.scales.split(",") if name.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="multiforce-bench-"))
    started = time.perf_counter()
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "seed": args.seed,
        "machine": machine(),
        "scales": {},
    }
    for name in names:
        print(f"{name}: {corpus.SCALES[name].documents:,} documents", flush=True)
        results["scales"][name] = scale_run(
            corpus.SCALES[name], work, args.seed, queries=name == names[-1]
        )
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
