"""Every table's and view's Datasette page, as someone browsing the database opens it:
`python -m benchmarks.browsing DB [NAME ...] [--runs 3]`.

The benchmark times the pages a user opens first and every query the canned queries and the
dashboard run; a view's or a table's own page does more. Datasette counts its rows, suggests
facets (a query per column, each stopped after `facet_suggest_time_limit_ms`) and computes the
facets the metadata lists, on top of the first rows. This tool times each page as served (with
`multiforce serve`'s settings), then without the suggestions, then with the first rows alone, so
that the cost of each part can be seen. It is not one of the benchmark's figures: the issue sets
no target for these pages. A page that takes longer than Datasette allows is shown with its
status (400); Datasette also writes its traceback to the standard error (`2>/dev/null`).
"""

import argparse
import asyncio
import sqlite3
import statistics
import time
from pathlib import Path

# What each column adds to the page: the parts Datasette leaves out with these arguments.
VARIANTS = {
    "page": "",
    "no facet suggestions": "?_nosuggest=1",
    "first rows alone": "?_nosuggest=1&_nocount=1&_nofacet=1",
}


def listed(db: Path) -> list[str]:
    """The tables and views of the database page, tables first, each in name order."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY type, name"
            )
        ]
    finally:
        conn.close()


def measure(
    db: Path, names: list[str], runs: int = 3, settings: dict | None = None
) -> dict[str, dict]:
    """For each name, each variant's median milliseconds over `runs` after a first, and the
    status the page was served with (400: a query took longer than Datasette allows); served
    with `multiforce serve`'s settings, and `settings` over them."""
    from datasette.app import Datasette
    from multiforce.toolkit.serving import SETTINGS

    results: dict[str, dict] = {}

    async def timed(datasette, path: str) -> tuple[float, int]:
        timings, status = [], 0
        for _ in range(runs + 1):
            start = time.perf_counter()
            response = await datasette.client.get(path)
            timings.append(1000 * (time.perf_counter() - start))
            status = response.status_code
        return round(statistics.median(timings[1:]), 1), status

    async def every_page() -> None:
        datasette = Datasette(immutables=[str(db)], settings={**SETTINGS, **(settings or {})})
        for name in names:
            results[name] = {}
            for variant, arguments in VARIANTS.items():
                ms, status = await timed(datasette, f"/{db.stem}/{name}{arguments}")
                results[name][variant] = {"median_ms": ms, "status": status}

    asyncio.run(every_page())
    return results


def table(results: dict[str, dict]) -> str:
    def shown(part: dict) -> str:
        late = "" if part["status"] == 200 else f" ({part['status']})"
        return f"{part['median_ms']:,.0f}{late}"

    lines = [
        "| table or view | " + " | ".join(f"{variant} ms" for variant in VARIANTS) + " |",
        "| --- |" + " ---: |" * len(VARIANTS),
    ]
    for name, parts in results.items():
        lines.append(f"| {name} | " + " | ".join(shown(parts[v]) for v in VARIANTS) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path, help="a database built by multiforce")
    parser.add_argument("names", nargs="*", help="tables or views (default: every one listed)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs after the first")
    parser.add_argument(
        "--setting",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="a Datasette setting of a whole number over serve's, e.g. "
        "facet_suggest_time_limit_ms 10",
    )
    args = parser.parse_args()
    settings = {name: int(value) for name, value in args.setting}
    print(table(measure(args.db, args.names or listed(args.db), args.runs, settings)))


if __name__ == "__main__":
    main()
