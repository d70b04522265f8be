"""The gate: pandera models for every table, then cross-row rules, all collected in one report."""

from dataclasses import dataclass, field

import pandera.polars as pa
import polars as pl

from ..schemas.models import MODELS
from ..schemas.register import force_ids
from .cleaning import quote_contains
from .records import ROW_KEYS, TABLES, Extraction

SHARE_TOLERANCE = 2.0  # percentage points: forces round each share to a whole number


@dataclass(frozen=True)
class Problem:
    document: str
    table: str
    row: str
    rule: str
    detail: str

    def render(self) -> str:
        return f"- {self.document} | {self.table} {self.row} | {self.rule}: {self.detail}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def render(self) -> str:
        if self.ok:
            return "Validation passed."
        lines = [
            f"Validation failed with {len(self.problems)} problem(s); nothing was published. "
            "Each line: document | table row | rule: detail. Fix the document or its adapter "
            "and run again."
        ]
        return "\n".join(lines + [p.render() for p in self.problems])


def validate(extraction: Extraction) -> Report:
    frames = {table: extraction.frame(table) for table in TABLES}
    names = dict(
        zip(frames["documents"]["document_id"], frames["documents"]["filename"], strict=True)
    )
    checker = _Checker(frames, names)
    for table in TABLES:
        checker.schema(table)
    checker.cross_rows()
    return Report(checker.problems)


class _Checker:
    def __init__(self, frames: dict[str, pl.DataFrame], names: dict[str, str]):
        self.frames = frames
        self.names = names
        self.problems: list[Problem] = []

    def add(self, table: str, index: int | None, rule: str, detail: str) -> None:
        frame = self.frames[table]
        if index is None or index >= frame.height:
            document, row = self._only_document(), "(whole table)"
        else:
            record = frame.row(index, named=True)
            document = self.names.get(record.get("document_id"), record.get("response_id", "?"))
            row = row_label(table, index, record)
        self.problems.append(Problem(document, table, row, rule, detail))

    def _only_document(self) -> str:
        return ", ".join(sorted(set(self.names.values()))) or "(no document)"

    def schema(self, table: str) -> None:
        try:
            MODELS[table].validate(self.frames[table], lazy=True)
        except pa.errors.SchemaErrors as errors:
            for case in errors.failure_cases.iter_rows(named=True):
                column = case["column"] or ""
                self.add(
                    table,
                    case["index"],
                    f"{column} {case['check']}".strip(),
                    f"found {case['failure_case']!r}",
                )

    def cross_rows(self) -> None:
        observations, outcomes = self.frames["observations"], self.frames["outcomes"]
        self.known_forces(observations, "observations")
        self.known_forces(outcomes, "outcomes")
        self.known_forces(self.frames["responses"], "responses")
        for table in ("observations", "outcomes"):
            self.has_provenance(table)
            self.quotes_in_documents(table)
            self.periods_ordered(table)
        self.quotes_hold_values(observations)
        self.one_value_per_key(observations, "observations", "value")
        self.one_value_per_key(outcomes, "outcomes", "status")
        self.matches_within_uses(observations)
        self.shares_add_up(observations)

    def known_forces(self, frame: pl.DataFrame, table: str) -> None:
        unknown = frame.with_row_index().filter(~pl.col("force_id").is_in(list(force_ids())))
        for index, force in unknown.select("index", "force_id").iter_rows():
            self.add(
                table,
                index,
                "force in the register",
                f"{force!r} is not a force in schemas/forces.csv",
            )

    def has_provenance(self, table: str) -> None:
        """A row read from a document quotes it; a transcribed or compiled row says where it
        stands."""
        frame = self.frames[table]
        for index, (document_id, quote, locator) in enumerate(
            zip(frame["document_id"], frame["quote"], frame["locator"], strict=True)
        ):
            if document_id is not None and quote is None:
                self.add(table, index, "a row with a document has a quote", "the quote is missing")
            elif document_id is None and not locator:
                self.add(
                    table,
                    index,
                    "a row without a document has a locator",
                    "say where the figure or outcome stands in its source (page, table, paragraph)",
                )

    def quotes_in_documents(self, table: str) -> None:
        documents = self.frames["documents"].select("document_id", "text")
        rows = (
            self.frames[table]
            .with_row_index()
            .select("index", "document_id", "quote")
            .filter(pl.col("document_id").is_not_null())
            .join(documents, on="document_id", how="left", maintain_order="left")
            .with_columns(known=pl.col("document_id").is_in(documents["document_id"].implode()))
            # a missing quote is the provenance rule's to report
            .filter(
                ~pl.col("known")
                | (
                    pl.col("quote").is_not_null()
                    & ~pl.col("text").str.contains(pl.col("quote"), literal=True)
                )
            )
            .sort("index")
        )
        for index, document_id, quote, known in rows.select(
            "index", "document_id", "quote", "known"
        ).iter_rows():
            if not known:
                self.add(
                    table, index, "document known", f"document {document_id} is not in this batch"
                )
            else:
                self.add(
                    table,
                    index,
                    "quote occurs in its document",
                    f"the quote {quote!r} is not in the document's text",
                )

    def periods_ordered(self, table: str) -> None:
        frame = self.frames[table].with_row_index()
        late = frame.filter(pl.col("period_start") > pl.col("period_end"))
        for row in late.iter_rows(named=True):
            self.add(
                table,
                row["index"],
                "period starts before it ends",
                f"{row['period_start']} is after {row['period_end']}",
            )

    def quotes_hold_values(self, frame: pl.DataFrame) -> None:
        """cleaning.quote_contains for every row; most rows are settled at once by polars.

        A whole-number value in a quote with no thousands separator between digits holds if
        one of the quote's runs of digits and dots is the number itself, or the number and a
        full stop not followed by a digit: what quote_contains finds for such quotes. Every
        other row (grouped digits, decimals) goes through quote_contains itself."""
        rows = frame.with_row_index().filter(
            pl.col("quote").is_not_null() & pl.col("value").is_not_null()
        )
        simple = (
            (pl.col("value") == pl.col("value").floor())
            & (pl.col("value") < 2**53)
            & ~pl.col("quote").str.contains(r"\d[,\u00a0 ]\d")
        )
        number = pl.col("value").cast(pl.Int64).cast(pl.String)
        held = (
            rows.filter(simple)
            .select(
                "index",
                number.alias("number"),
                pl.col("quote").str.extract_all(r"[\d.]+").alias("run"),
            )
            .explode("run")
            .group_by("index")
            .agg(
                (
                    (pl.col("run") == pl.col("number"))
                    | (pl.col("run") == pl.col("number") + ".")
                    | pl.col("run").str.starts_with(pl.col("number") + "..")
                )
                .any()
                .alias("held")
            )
        )
        settled = held.filter(pl.col("held"))["index"]
        unsettled = rows.filter(~pl.col("index").is_in(settled.implode())).sort("index")
        for index, quote, value in unsettled.select("index", "quote", "value").iter_rows():
            if not quote_contains(quote, value):
                self.add(
                    "observations",
                    index,
                    "quote contains its value",
                    f"{value:g} does not appear in the quote {quote!r}",
                )

    def one_value_per_key(self, frame: pl.DataFrame, table: str, column: str) -> None:
        key = ROW_KEYS[table]
        clashes = (
            frame.with_row_index()
            .group_by(key)
            .agg(
                pl.col(column).n_unique().alias("values"),
                pl.col("index"),
                pl.col(column).alias("seen"),
            )
            .filter(pl.col("values") > 1)
        )
        for row in clashes.iter_rows(named=True):
            seen = " and ".join(str(v) for v in row["seen"])
            self.add(
                table,
                row["index"][-1],
                "one value per key",
                f"the same {table[:-1]} is stated with different {column}s: {seen}",
            )

    def matches_within_uses(self, frame: pl.DataFrame) -> None:
        keys = ["force_id", "technology", "period_start", "period_end"]
        indexed = frame.with_row_index()
        uses = indexed.filter((pl.col("measure") == "uses") & (pl.col("breakdown") == "none"))
        matches = indexed.filter(pl.col("measure") == "matches")
        over = matches.join(uses.select(*keys, pl.col("value").alias("uses")), on=keys).filter(
            pl.col("value") > pl.col("uses")
        )
        for row in over.iter_rows(named=True):
            self.add(
                "observations",
                row["index"],
                "matches never exceed uses",
                f"{row['value']:g} matches against {row['uses']:g} uses in the same period",
            )

    def shares_add_up(self, frame: pl.DataFrame) -> None:
        keys = ["response_id", "technology", "measure", "period_start", "period_end", "breakdown"]
        totals = (
            frame.with_row_index()
            .filter(pl.col("unit") == "percent")
            .group_by(keys)
            .agg(pl.col("value").sum().alias("total"), pl.col("index").first())
            .filter((pl.col("total") - 100).abs() > SHARE_TOLERANCE)
        )
        for row in totals.iter_rows(named=True):
            self.add(
                "observations",
                row["index"],
                "shares of one breakdown sum to about 100",
                f"the {row['breakdown']} shares add up to {row['total']:g}%",
            )


def row_label(table: str, index: int, record: dict) -> str:
    """How a report names a row: its number in the batch and what it is."""
    return f"row {index + 1} ({_describe(table, record)})"


def _describe(table: str, record: dict) -> str:
    if table == "observations":
        detail = record.get("breakdown_value") or ""
        return (
            f"{record.get('technology')} {record.get('measure')} {record.get('period_label')} "
            f"{detail}"
        ).strip()
    if table == "outcomes":
        return f"{record.get('technology')} {record.get('measure')} by {record.get('breakdown')}"
    return str(record.get(ROW_KEYS.get(table, ""), ""))
