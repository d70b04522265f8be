"""The benchmark's stages, each run in a process of its own (python -m benchmarks.stages STAGE ...).

A stage prints one JSON object as its last line: seconds of the work measured (loading its
input is not counted) and the process's peak resident memory. Within one process, a stage's
own peak is read from /proc (VmHWM, reset before each timed call where Linux allows), so the
parts of a full build each get theirs.
"""

import asyncio
import collections
import importlib
import importlib.machinery
import json
import os
import pickle
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import sqlite_utils
from multiforce.schemas.models import MODELS, columns
from multiforce.toolkit import pipeline
from multiforce.toolkit.audit import audit
from multiforce.toolkit.readers import read_document
from multiforce.toolkit.readers.safety import check_text
from multiforce.toolkit.records import TABLES, Extraction
from multiforce.toolkit.store import files, publish
from multiforce.toolkit.store.schema import FULL_TEXT
from multiforce.toolkit.validation import validate
from multiforce.toolkit.workers import collect_as_a_worker

from benchmarks import campaigns, corpus, drafting

STAGES = {}
WARM_UP = 5  # documents read before counting starts: the caches of patterns and layouts fill


def stage(function):
    STAGES[function.__name__.replace("_", "-")] = function
    return function


# ---------------------------------------------------------------- memory and time


def peak_rss_mb() -> float:
    """The process's peak resident memory since start, or since the last reset."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024
    except (OSError, TypeError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux: VmHWM starts again from current RSS
    except OSError:
        pass


class Meter:
    """Seconds and peak memory of named parts of one run, each summed over its calls."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self.peak: dict[str, float] = {}

    def wrap(self, name, function):
        def timed(*args, **kwargs):
            reset_peak()
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
                self.peak[name] = max(self.peak.get(name, 0.0), peak_rss_mb())

        return timed

    def report(self) -> dict:
        return {
            name: {
                "seconds": round(self.seconds[name], 3),
                "peak_rss_mb": round(self.peak[name], 1),
            }
            for name in self.seconds
        }


def batches(rows_dir: Path):
    for path in sorted(rows_dir.glob("batch-*.pickle")):
        with path.open("rb") as handle:
            yield pickle.load(handle)


# ---------------------------------------------------------------- corpus, parsing, validation


@stage
def generate(scale: str, folder: str, seed: str):
    start = time.perf_counter()
    sources = corpus.generate(Path(folder), corpus.SCALES[scale], int(seed))
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "documents": len(sources),
        "bytes": sum(p.stat().st_size for p, _ in sources),
    }


@stage
def parse(scale: str, folder: str, rows_dir: str, seed: str, jobs: str = "1"):
    """Read and parse every document, a batch at a time as a build does, with `jobs` worker
    processes. `seconds` is the whole stream's time (reading, parsing, the audit and, with
    workers, bringing the rows back); with one job, `parse_seconds` is parse() alone. The rows
    are kept for the stages after this one unless rows_dir is "-" (writing them is not timed)."""
    keep = rows_dir != "-"
    if keep:
        Path(rows_dir).mkdir(parents=True, exist_ok=True)
    meter = Meter()
    pipeline.parse = meter.wrap("parse", pipeline.parse)
    counts = dict.fromkeys(TABLES, 0)
    sources = corpus.sources(Path(folder), corpus.SCALES[scale], int(seed))
    reset_peak()
    cpu = _cpu_now()
    seconds, start = 0.0, time.perf_counter()
    for number, batch in enumerate(pipeline._batches(sources, int(jobs))):
        extraction = Extraction()
        for item in batch:
            extraction.extend(item.stamped())
        for table, n in extraction.counts().items():
            counts[table] += n
        seconds += time.perf_counter() - start
        if keep:
            with (Path(rows_dir) / f"batch-{number:05d}.pickle").open("wb") as handle:
                pickle.dump(extraction, handle, protocol=pickle.HIGHEST_PROTOCOL)
        start = time.perf_counter()
    parts = meter.report().get("parse", {})
    return {
        "seconds": seconds,
        "jobs": int(jobs),
        **_cpu_since(cpu),
        "documents": len(sources),
        "parse_seconds": parts.get("seconds"),  # None with workers: parse() ran in them
        "peak_rss_mb": peak_rss_mb(),
        "rows": counts,
    }


def _cpu(who) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _cpu_now() -> tuple[float, float]:
    return _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)


def _cpu_since(then: tuple[float, float]) -> dict[str, float]:
    """CPU time of this process and of its (ended) workers since `then` (`_cpu_now`): on a busy
    machine, where the wall time says little, this shows how the work was shared out."""
    parent, workers = then
    return {
        "cpu_parent_seconds": round(_cpu(resource.RUSAGE_SELF) - parent, 3),
        "cpu_workers_seconds": round(_cpu(resource.RUSAGE_CHILDREN) - workers, 3),
    }


def _document_steps(path: Path, adapter):
    """One document's work as a worker does it (with the collector as a worker has it:
    `collect_as_a_worker`), yielding the name of each part once it is done: reading (the file,
    its text and the text's safety check), parsing, the audit."""
    document = read_document(path)
    check_text(document.path, document.text)
    yield "reading"
    extraction = adapter.parse(document)
    yield "parsing"
    audit(document.path, document.text, extraction.rows, adapter.audit_ignored)
    yield "audit"


def _after_the_first_documents(scale: str, folder: str, seed: str, sample: int):
    """The CPU seconds of the first WARM_UP documents of the corpus, read as a worker reads them
    (`collect_as_a_worker`), and the `sample` (path, adapter) sources that follow them."""
    sources = corpus.sources(Path(folder), corpus.SCALES[scale], int(seed))
    collect_as_a_worker()
    start = time.process_time()
    for path, adapter in sources[:WARM_UP]:
        collections.deque(_document_steps(path, adapter), maxlen=0)
    return time.process_time() - start, sources[WARM_UP : WARM_UP + sample]


@stage
def reading(scale: str, folder: str, seed: str, sample: str = "1000"):
    """Per document, on one core: reading, the adapter's parsing and the audit
    (`_document_steps`), each timed apart over `sample` documents after the first WARM_UP. The
    parts are measured in CPU time (what the document costs one core, however busy the machine
    is); the wall time of the whole is given beside it. The first WARM_UP documents are timed
    apart, in all: they carry what a process does once (compiling the patterns, reading the
    vocabularies and the layouts), which a build's worker spreads over thousands of documents
    and a sample of a thousand would count five to twenty times over."""
    first, counted = _after_the_first_documents(scale, folder, seed, int(sample))
    clock = time.process_time
    spent = {"reading": 0.0, "parsing": 0.0, "audit": 0.0}
    wall = time.perf_counter()
    for path, adapter in counted:
        start = clock()
        for part in _document_steps(path, adapter):
            done = clock()
            spent[part] += done - start
            start = done
    wall = time.perf_counter() - wall
    per = {f"{part}_ms": round(1000 * value / len(counted), 3) for part, value in spent.items()}
    return {
        "seconds": sum(spent.values()),
        "documents": len(counted),
        **per,
        # the whole of a document's work on one core, as the target counts it
        "document_ms": round(sum(per.values()), 3),
        "wall_ms_per_document": round(1000 * wall / len(counted), 3),
        "first_documents": WARM_UP,
        "first_documents_ms": round(1000 * first, 1),
        "peak_rss_mb": peak_rss_mb(),
        "compiled": reading_compiled(),
    }


def reading_compiled() -> bool:
    """Whether the reading's modules are mypyc's (`MULTIFORCE_COMPILE=1 pip install .`)."""
    module = importlib.import_module("multiforce.toolkit.audit")
    return module.__file__.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


@stage
def instructions(scale: str, folder: str, seed: str, sample: str = "50", fresh: str = "no"):
    """The work of `reading` on `sample` documents, for valgrind's callgrind to count:
    benchmarks/instructions.py runs this stage under it with counting off, and the stage turns
    counting on once a few documents have warmed the caches, and off after the last. Outside
    valgrind it does the same work and counts nothing. `fresh` "yes": the memories of recent
    passages are emptied before each document, as if its text were new."""
    forget = drafting.forgetting() if fresh == "yes" else lambda: None
    _, counted = _after_the_first_documents(scale, folder, seed, int(sample))
    _count_instructions("on")
    for path, adapter in counted:
        forget()
        collections.deque(_document_steps(path, adapter), maxlen=0)
    _count_instructions("off")
    return {"seconds": 0.0, "documents": len(counted)}


def _count_instructions(switch: str) -> None:
    try:  # reaches this process only when it runs under callgrind
        subprocess.run(
            ["callgrind_control", "--instr=" + switch, str(os.getpid())],
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        pass  # no valgrind: nothing is counting


@stage
def validation(rows_dir: str):
    meter = Meter()
    check = meter.wrap("validation", validate)
    problems = sum(len(check(extraction).problems) for extraction in batches(Path(rows_dir)))
    assert problems == 0, f"the synthetic corpus failed validation with {problems} problems"
    return meter.report()["validation"]


# ---------------------------------------------------------------- publishing against the floor


@stage
def publishing(rows_dir: str, db: str):
    """multiforce's publishing of the parsed rows: schema, checks against the rows already
    written, inserts, fsync and rename."""
    Path(db).unlink(missing_ok=True)
    for table in MODELS:  # every table's columns, read from the models untimed, as the floor
        columns(table)  # reads its schema untimed
    reset_peak()
    loading = 0.0
    start = time.perf_counter()
    with publish.publication(db, fresh=True) as session:
        rows = batches(Path(rows_dir))
        while True:
            load_start = time.perf_counter()
            extraction = next(rows, None)
            loading += time.perf_counter() - load_start
            if extraction is None:
                break
            session.write(extraction)
    seconds = time.perf_counter() - start - loading
    return {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), **_size(db)}


def _schema(schema_db: str) -> list[str]:
    """The published database's tables, indexes, full-text table and triggers, as SQL."""
    conn = sqlite3.connect(schema_db)
    try:
        return [
            sql
            for (sql,) in conn.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND type IN ('table', 'index', 'trigger') AND name NOT LIKE 'documents_fts_%' "
                "AND name NOT LIKE 'sqlite_%' "
                "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid"
            )
        ]
    finally:
        conn.close()


def _forces(schema_db: str) -> list[dict]:
    conn = sqlite3.connect(schema_db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in conn.execute("SELECT * FROM forces")]
    finally:
        conn.close()


@stage
def floor(rows_dir: str, db: str, schema_db: str, tuned: str):
    """The physical limit: the same rows as tuples, into the same tables, indexes and full-text
    index, with plain executemany in one transaction, every index (the full-text one too) made
    once the rows are in (the quickest way: publishing must keep the indexes that its own
    deletes read as it goes).
    `tuned` gives it multiforce's pragmas."""
    Path(db).unlink(missing_ok=True)
    schema, forces = _schema(schema_db), _forces(schema_db)
    # made once the rows are in: the indexes, and the full-text index with its triggers
    indexes = [
        sql
        for sql in schema
        if sql.startswith(("CREATE INDEX", "CREATE VIRTUAL TABLE", "CREATE TRIGGER"))
    ]
    schema = [sql for sql in schema if sql not in indexes]
    names = {table: list(columns(table)) for table in TABLES}
    inserts = {
        table: f"INSERT INTO {table} ({', '.join(names[table])}) "
        f"VALUES ({', '.join('?' * len(names[table]))})"
        for table in TABLES
    }
    reset_peak()
    seconds = 0.0
    start = time.perf_counter()
    conn = sqlite3.connect(db, isolation_level=None)
    if tuned == "tuned":
        for pragma in publish.ASIDE_PRAGMAS:
            conn.execute(pragma)
    conn.execute("BEGIN")
    for sql in schema:
        conn.execute(sql)
    conn.executemany(
        f"INSERT INTO forces VALUES ({', '.join('?' * len(forces[0]))})",
        [tuple(f.values()) for f in forces],
    )
    seconds += time.perf_counter() - start
    for extraction in batches(Path(rows_dir)):
        rows = {
            table: [tuple(map(row.get, names[table])) for row in extraction.rows[table]]
            for table in TABLES
        }
        start = time.perf_counter()
        for table in TABLES:
            conn.executemany(inserts[table], rows[table])
        seconds += time.perf_counter() - start
    start = time.perf_counter()
    for sql in indexes:
        conn.execute(sql)
        if sql.startswith("CREATE VIRTUAL TABLE"):  # filled as publishing fills it
            sqlite_utils.Database(conn, execute_plugins=False)["documents"].populate_fts(FULL_TEXT)
    conn.execute("COMMIT")
    conn.close()
    seconds += time.perf_counter() - start
    return {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), **_size(db)}


@stage
def insert_all(rows_dir: str, db: str, schema_db: str):
    """What a user would write: sqlite-utils' insert_all of the row dicts, table by table,
    into the same tables, indexes and full-text index (created first, as the floor does)."""
    Path(db).unlink(missing_ok=True)
    schema, forces = _schema(schema_db), _forces(schema_db)
    reset_peak()
    seconds = 0.0
    start = time.perf_counter()
    database = sqlite_utils.Database(db)
    for sql in schema:
        database.execute(sql)
    database["forces"].insert_all(forces)
    seconds += time.perf_counter() - start
    for extraction in batches(Path(rows_dir)):
        start = time.perf_counter()
        for table in TABLES:
            database[table].insert_all(extraction.rows[table])
        seconds += time.perf_counter() - start
    database.close()
    return {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), **_size(db)}


def _size(db: str) -> dict:
    return {"database_mb": round(Path(db).stat().st_size / 2**20, 1)}


# ---------------------------------------------------------------- builds


class TimedDisplay:
    """The progress bar `multiforce build` draws on a terminal, drawn into /dev/null as if it
    were one, with the time spent drawing it added up."""

    def __init__(self):
        import os

        from multiforce.toolkit.progress import Bar
        from rich.console import Console

        sink = open(os.devnull, "w")  # noqa: SIM115 - open for the stage's whole run
        self.bar = Bar(sink, Console(file=sink, force_terminal=True, width=120))
        self.seconds = 0.0

    def _timed(self, name, *args):
        start = time.perf_counter()
        getattr(self.bar, name)(*args)
        self.seconds += time.perf_counter() - start

    def start(self, total):
        self._timed("start", total)

    def advance(self):
        self._timed("advance")

    def phase(self, text, documents):
        self._timed("phase", text, documents)

    def close(self):
        self._timed("close")


@stage
def build(scale: str, folder: str, db: str, seed: str, jobs: str = "0"):
    """The whole of `multiforce build` on the synthetic corpus: read, parse, validate, publish,
    a batch at a time, with `jobs` workers (0: one per core, as the command does) and the
    progress bar drawn; validation, publishing and drawing are each timed inside the one run."""
    from multiforce.toolkit.workers import default_jobs

    Path(db).unlink(missing_ok=True)
    jobs = int(jobs) or default_jobs()
    meter = Meter()
    pipeline.validate = meter.wrap("validation", pipeline.validate)
    publish.Publication.write = meter.wrap("publishing", publish.Publication.write)
    publish.Publication.finish = meter.wrap(
        "publishing: the end (indexes, checks, summaries, fsync, rename)",
        publish.Publication.finish,
    )
    sources = corpus.sources(Path(folder), corpus.SCALES[scale], int(seed))
    display = TimedDisplay()
    reset_peak()
    cpu = _cpu_now()
    start = time.perf_counter()
    # dropping: built.db holds the corpus of another scale or seed before this one replaces it
    published = pipeline.publish_sources(
        db, sources, fresh=True, jobs=jobs, progress=display, dropping=True
    )
    display.close()
    seconds = time.perf_counter() - start
    cpu = _cpu_since(cpu)
    assert len(published) == len(sources) and not any(item.skipped for item in published)
    parts = meter.report()
    parts["progress display"] = {"seconds": round(display.seconds, 4), "peak_rss_mb": 0.0}
    peak = max(
        [peak_rss_mb()] + [part["peak_rss_mb"] for part in parts.values()]
    )  # each part reset it
    return {
        "seconds": seconds,
        "jobs": jobs,
        "per_document_ms": round(1000 * seconds / len(sources), 3),
        # The build's least time on this machine's cores is this CPU time, shared out (the end
        # of a build, nothing left to read, runs on one core).
        **cpu,
        "peak_rss_mb": peak,
        "workers_peak_rss_mb": _children_peak_mb(),
        "parts": parts,
        **_size(db),
    }


def _children_peak_mb() -> float:
    """The largest peak memory of any ended child process (the workers)."""
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


@stage
def ingest(scale: str, folder: str, db: str, seed: str, jobs: str = "0"):
    """`multiforce ingest` of the whole corpus into the database built from it."""
    from multiforce.toolkit.workers import default_jobs

    sources = corpus.sources(Path(folder), corpus.SCALES[scale], int(seed))
    before = Path(db).stat().st_mtime_ns
    reset_peak()
    start = time.perf_counter()
    published = pipeline.publish_sources(db, sources, jobs=int(jobs) or default_jobs())
    seconds = time.perf_counter() - start
    parsed = sum(not item.skipped for item in published)
    return {
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
        "parsed": parsed,
        "skipped": len(published) - parsed,
        "database_rewritten": Path(db).stat().st_mtime_ns != before,
    }


@stage
def reread(scale: str, folder: str, db: str, seed: str, jobs: str = "0"):
    """`multiforce ingest` of the whole corpus into the database built from it, after an upgrade:
    every document was read by code that has since changed, so each is forgotten and read again.
    Not part of run.py (no target names it); run by hand beside a `build` of the same scale."""
    pipeline.adapter_version = lambda cls: f"upgraded {cls.__qualname__}"
    meter = Meter()
    publish.Publication.forget = meter.wrap("forget", publish.Publication.forget)
    publish.Publication.finish = meter.wrap("finish", publish.Publication.finish)
    result = ingest(scale, folder, db, seed, jobs)
    assert result["skipped"] == 0
    return {**result, "parts": meter.report()}


@stage
def change_one(scale: str, folder: str, seed: str, earlier: str = "0"):
    """Change one document as a re-saved web page changes: the same response and figures,
    other bytes (a banner line), so it is a new document that says what the old one said; after
    `earlier` documents changed so, another one."""
    sources = corpus.sources(Path(folder), corpus.SCALES[scale], int(seed))
    path, _ = random.Random(seed).sample(sources, int(earlier) + 1)[-1]
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "Sorry, there was a technical problem.", "Sorry, there was a technical problem!", 1
        ),
        encoding="utf-8",
    )
    return {"seconds": 0.0, "changed": str(path.relative_to(folder))}


@stage
def copy_aside(db: str):
    """The floor under any ingest that changes the database: the published file copied aside
    as an ingest copies it (the published file is never written in place) and synced to disk,
    which an ingest does before it renames its copy over the published file. Run after the
    ingest of one changed document, it copies the file that ingest published: the disk's speed
    moves from one copy to the next, so the two are timed a moment apart."""
    aside = Path(db).with_name(f".{Path(db).name}.floor")
    start = time.perf_counter()
    try:
        files.Copy(Path(db), aside).result()
        files.sync(aside)
        seconds = time.perf_counter() - start
    finally:
        aside.unlink(missing_ok=True)
    return {"seconds": seconds, "bytes": Path(db).stat().st_size}


# ---------------------------------------------------------------- queries and start-up


@stage
def requests(scale: str, db: str, seed: str):
    """`multiforce campaign new` of the synthetic campaigns (benchmarks/campaigns.py) in one
    publication: a request of each force for each of the corpus' documents, and some waiting."""
    from datetime import date

    from multiforce.toolkit.campaigns.definition import add_campaigns

    chosen = campaigns.synthetic(corpus.SCALES[scale], int(seed), date.today())
    reset_peak()
    start = time.perf_counter()
    add_campaigns(Path(db), chosen)
    seconds = time.perf_counter() - start
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (requests,) = conn.execute("SELECT count(*) FROM requests").fetchone()
    conn.close()
    return {
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
        "campaigns": len(chosen),
        "requests": requests,
    }


PAGES = {  # the pages a user opens first, after the database's name
    "the database": "",
    "the outcome matrix": "/outcome_matrix",
    "the dashboard": None,  # /-/dashboards/overview, not under the database; it redirects
}  # to the filters' defaults, and the redirect is timed with the page


@stage
def queries(db: str, runs: str = "5"):
    """Every canned query, every query of the dashboard (its charts and filters, as its page
    sends them with the filters set) and the pages a user opens first, through Datasette's
    own client as `multiforce serve` configures it; each canned query with its query plan."""
    from datasette.app import Datasette
    from multiforce.toolkit.serving import (
        SETTINGS,
        canned_queries,
        dashboard_queries,
        example_parameters,
        fts,
    )
    from multiforce.toolkit.serving.metadata import DASHBOARD, DASHBOARD_EXAMPLE

    canned = canned_queries()
    database = Path(db).stem
    example = {**DASHBOARD_EXAMPLE, **_held_campaign(db, DASHBOARD_EXAMPLE["campaign"])}
    paths = {
        query: f"/{database}/{query}.json?_shape=array&"
        + urllib.parse.urlencode(example_parameters().get(query, {}))
        for query in canned
    }
    for query, sql in dashboard_queries(example).items():
        used = {key: value for key, value in example.items() if f":{key}" in sql}
        paths[query] = f"/{database}.json?_shape=array&" + urllib.parse.urlencode(
            {"sql": sql, **used}
        )
    pages = {
        page: f"/{database}{path}" if path is not None else f"/-/dashboards/{DASHBOARD}"
        for page, path in PAGES.items()
    }
    results, shown = {}, {}

    async def timed(datasette, path) -> tuple[dict, object]:
        timings = []
        for _ in range(int(runs) + 1):
            start = time.perf_counter()
            response = await datasette.client.get(path, follow_redirects=True)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, f"{path}: {response.text[:500]}"
        return {
            "first_ms": round(timings[0], 1),
            "median_ms": round(statistics.median(timings[1:]), 1),
            "max_ms": round(max(timings[1:]), 1),
        }, response

    async def measure():
        datasette = Datasette(immutables=[db], settings=SETTINGS)
        for query, path in paths.items():
            results[query], response = await timed(datasette, path)
            results[query]["rows"] = len(response.json())
        for page, path in pages.items():
            shown[page], response = await timed(datasette, path)
            shown[page]["bytes"] = len(response.content)

    asyncio.run(measure())
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    fts.register(conn)
    for name, query in canned.items():
        plan = [
            row[3]
            for row in conn.execute(
                "EXPLAIN QUERY PLAN " + query.sql, {p.name: "" for p in query.parameters}
            )
        ]
        results[name]["plan"] = plan
        subqueries = {
            step.split(" ", 1)[1] for step in plan if step.startswith(("CO-ROUTINE", "MATERIALIZE"))
        }
        results[name]["full_table_scans"] = [
            step
            for step in plan
            if step.startswith("SCAN ")
            and "USING" not in step
            and step.split(" ")[1] not in subqueries
            and not step.startswith("SCAN (")
        ]
    conn.close()
    return {"seconds": 0.0, "queries": results, "pages": shown}


def _held_campaign(db: str, campaign_id: str) -> dict:
    """The dashboard's campaign: the example's where the database holds it, else the first the
    database holds (the benchmark's own campaigns), so that its charts read requests."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        held = [row[0] for row in conn.execute("SELECT campaign_id FROM campaigns ORDER BY 1")]
    finally:
        conn.close()
    return {"campaign": campaign_id if campaign_id in held or not held else held[0]}


@stage
def draft(documents: str = "10000", rounds: str = "3"):
    """`multiforce draft`'s reading on one core: `documents` made from the layout fixtures,
    drafted `rounds` times (benchmarks/drafting.py)."""
    return drafting.measure(int(documents), int(rounds))


@stage
def startup(runs: str = "7"):
    """`multiforce --help` in a fresh process, as a user types it."""
    command = shutil.which("multiforce", path=str(Path(sys.executable).parent)) or "multiforce"
    timings = []
    for _ in range(int(runs)):
        start = time.perf_counter()
        subprocess.run([command, "--help"], check=True, capture_output=True)
        timings.append(time.perf_counter() - start)
    leaked = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, multiforce.toolkit.cli; "
            "print(sorted(m for m in ('polars', 'pandera', 'sqlite_utils', 'datasette', "
            "'pdfplumber', 'selectolax') if m in sys.modules))",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "seconds": statistics.median(timings),
        "best_seconds": min(timings),
        "heavy_imports": leaked,
    }


if __name__ == "__main__":
    # multiforce as a user installs it, without its test extras: where hypothesis is installed,
    # pandera imports it at a process's first validation: 0.4 to 0.5 s, a tenth of an ingest of
    # one changed document at the archive scale
    sys.modules.setdefault("hypothesis", None)
    name, *arguments = sys.argv[1:]
    print(json.dumps(STAGES[name](*arguments)))
