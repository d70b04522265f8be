"""Charts for a report or an article: a measure across forces and years, and the outcome matrix.

Each chart labels its axes and units and names its source under the plot. A figure that is not
a plain, full-period count (approximate, partial coverage, planned, or a part-year period) is
drawn hollow, so it is never mistaken for a full one.
"""

import sqlite3
import textwrap
from datetime import date
from pathlib import Path

from ..schemas.vocabulary import MEASURES, STATUSES, TECHNOLOGIES
from .errors import MultiforceError
from .store.files import connect_read_only, no_such_database, not_a_database

SOURCE = (
    "Source: multiforce, from UK police forces' FOI responses{kinds}. "
    "Contains public sector information licensed under the Open Government Licence v3.0."
)
STATUS_COLOURS = {
    "disclosed": "#1a9850",
    "partially_disclosed": "#91cf60",
    "not_held": "#fee08b",
    "cost_limit": "#fc8d59",
    "refused": "#d73027",
    "neither_confirm_nor_deny": "#762a83",
    "no_response": "#999999",
    "not asked": "#ffffff",
}
CHART_FORMATS = (".png", ".svg", ".pdf")


def measure_chart(db: Path, measure: str, technology: str | None, out: Path) -> Path:
    if measure not in MEASURES:
        raise MultiforceError(
            f"{measure!r} is not a measure. Expected one of: {', '.join(MEASURES)}."
        )
    rows = _query(
        db,
        """
        SELECT o.force_id, f.name, o.technology, o.breakdown_value, o.period_start, o.period_end,
               o.value, o.unit, o.qualifier, r.source_kind
        FROM observations o JOIN forces f ON f.force_id = o.force_id
        JOIN responses r ON r.response_id = o.response_id
        WHERE o.measure = ? AND (? IS NULL OR o.technology = ?)
        ORDER BY f.name, o.period_start""",
        (measure, technology, technology),
    )
    if not rows:
        raise MultiforceError(
            f"{db}: no {measure} figures{' for ' + technology if technology else ''} to chart. "
            "Run `multiforce forces --db DB` to see what the database holds."
        )
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(10, 5.5))
    series: dict[str, list] = {}
    for _, name, tech, breakdown_value, start, end, value, _, qualifier, kind in rows:
        shown_technology = None if technology else tech.replace("_", " ")
        label = " / ".join(p for p in (name, shown_technology, breakdown_value) if p)
        series.setdefault(label, []).append((start, end, value, qualifier, kind))
    units = {row[7] for row in rows}
    for label, points in series.items():
        xs = [_midpoint(start, end) for start, end, *_ in points]
        (line,) = axes.plot(xs, [p[2] for p in points], marker="o", label=label)
        for x, (start, end, value, qualifier, kind) in zip(xs, points, strict=True):
            if qualifier != "exact" or not _full_year(start, end) or kind != "document":
                axes.plot(
                    [x],
                    [value],
                    marker="o",
                    markersize=9,
                    markerfacecolor="white",
                    markeredgecolor=line.get_color(),
                    linestyle="none",
                )
    subject = TECHNOLOGIES[technology] if technology in TECHNOLOGIES else "all technologies"
    axes.set_title(
        f"{measure.replace('_', ' ').capitalize()} by force and year\n{subject}", fontsize=11
    )
    years = range(
        int(min(_midpoint(r[4], r[5]) for r in rows)),
        int(max(_midpoint(r[4], r[5]) for r in rows)) + 1,
    )
    axes.set_xticks([year + 0.5 for year in years], [str(year) for year in years])
    axes.set_xlabel("Year (each point at the middle of the period it covers)")
    axes.set_ylabel(
        "Per cent" if units == {"percent"} else "Count" if units == {"count"} else "Value"
    )
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8, loc="best")
    kinds = sorted({row[9] for row in rows})
    note = "Hollow points: approximate, partial, planned, part-year or secondary figures."
    _caption(figure, f"{note}\n" + SOURCE.format(kinds=f" (source kinds: {', '.join(kinds)})"))
    return _save(figure, out)


def outcome_chart(db: Path, out: Path) -> Path:
    rows = _query(
        db,
        """
        SELECT f.name, o.technology, o.status
        FROM outcomes o JOIN forces f ON f.force_id = o.force_id
        ORDER BY f.name""",
        (),
    )
    if not rows:
        raise MultiforceError(f"{db}: no outcomes to chart. Build or ingest responses first.")
    plt = _pyplot()
    from matplotlib.patches import Patch

    forces = sorted({name for name, _, _ in rows})
    technologies = list(TECHNOLOGIES)
    cells = {(name, tech): set() for name in forces for tech in technologies}
    for name, tech, status in rows:
        cells[(name, tech)].add(status)
    figure, axes = plt.subplots(figsize=(9, 1.6 + 0.45 * len(forces)))
    for y, name in enumerate(forces):
        for x, tech in enumerate(technologies):
            statuses = [s for s in STATUSES if s in cells[(name, tech)]] or ["not asked"]
            width = 1 / len(statuses)  # a cell with several statuses is split between them
            for i, status in enumerate(statuses):
                axes.add_patch(
                    plt.Rectangle(
                        (x + i * width, y),
                        width,
                        1,
                        facecolor=STATUS_COLOURS[status],
                        edgecolor="#444444",
                        linewidth=0.5,
                    )
                )
    axes.set_xlim(0, len(technologies))
    axes.set_ylim(len(forces), 0)
    labels = [textwrap.fill(t.replace("_", " "), 14) for t in technologies]
    axes.set_xticks([x + 0.5 for x in range(len(technologies))], labels)
    axes.set_yticks([y + 0.5 for y in range(len(forces))], forces)
    axes.set_title("What each force's responses did with each technology's questions", fontsize=11)
    axes.legend(
        handles=[
            Patch(facecolor=c, edgecolor="#444444", label=s.replace("_", " "))
            for s, c in STATUS_COLOURS.items()
        ],
        fontsize=8,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
    )
    _caption(figure, SOURCE.format(kinds=""))
    return _save(figure, out)


def _query(db: Path, sql: str, params: tuple) -> list[tuple]:
    if not db.is_file():
        raise no_such_database(db)
    conn = connect_read_only(db)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.DatabaseError as error:
        raise not_a_database(db, error) from None
    finally:
        conn.close()


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise MultiforceError(
            "multiforce chart draws with matplotlib, which is not installed: charts are an "
            "optional extra, left out of the base install to keep it small. Expected "
            'matplotlib: install the extra with `pip install "multiforce[charts]"` (or '
            "`pip install matplotlib` into the same environment) and run the command again."
        ) from None

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _midpoint(start: str, end: str) -> float:
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    middle = first + (last - first) / 2
    return middle.year + (middle.timetuple().tm_yday - 1) / 365.25


def _full_year(start: str, end: str) -> bool:
    return start.endswith("-01-01") and end.endswith("-12-31") and start[:4] == end[:4]


def _caption(figure, text: str) -> None:
    figure.text(0.01, 0.01, text, fontsize=7, color="#444444", ha="left", va="bottom", wrap=True)
    figure.tight_layout(rect=(0, 0.08, 1, 1))


def _save(figure, out: Path) -> Path:
    if out.suffix.lower() not in CHART_FORMATS:
        raise MultiforceError(
            f"{out}: unknown chart format. Expected a file name ending in "
            f"{', '.join(CHART_FORMATS)}."
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=150, bbox_inches="tight")
    return out
