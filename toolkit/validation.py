"""The gate: pandera models for every table, then cross-row rules, all collected in one report."""

import multiprocessing
from dataclasses import dataclass, field

import pandera.polars as pa
import polars as pl

from ..schemas import vocabulary as v
from ..schemas.models import MODELS, RULE_COLUMNS, columns
from ..schemas.register import force_ids
from .cleaning import GROUPED_DIGITS, caveat_scale, quote_contains
from .hints import did_you_mean
from .records import ROW_KEYS, TABLES, Extraction

SHARE_TOLERANCE = 2.0  # percentage points: forces round each share to a whole number


@dataclass(frozen=True)
class Problem:
    document: str
    table: str
    row: str
    rule: str
    detail: str
    index: int | None = None  # the row's place in its table's frame, where one row is meant

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


@dataclass(frozen=True)
class Failure:
    """A row that breaks a rule of its table's model: `column` is where to look first."""

    index: int | None
    column: str | None
    rule: str
    detail: str


# What each vocabulary column holds, for a report that says what a wrong value should be.
VOCABULARIES = {
    "technology": v.TECHNOLOGIES,
    "measure": v.MEASURES,
    "breakdown": v.BREAKDOWNS,
    "unit": v.UNITS,
    "qualifier": v.QUALIFIERS,
    "status": v.STATUSES,
    "text_source": v.TEXT_SOURCES,
    "country": v.COUNTRIES,
    "kind": v.FORCE_KINDS,
}


def in_memory() -> pl.Config:
    """Polars' in-memory engine for the checks' queries: pandera runs a query per check on a
    frame of at most a batch, and polars' default (streaming) engine costs over half a
    millisecond to start each one, six times the in-memory engine's: over half the models' time."""
    return pl.Config(engine_affinity="in-memory")


def model_failures(table: str, frame: pl.DataFrame) -> list[Failure]:
    """Every rule of the table's pandera model that a row breaks, each explained: the one
    check of the vocabulary and the row rules, whoever made the rows."""
    try:
        with in_memory():
            MODELS[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return [
            _explained(table, frame, case) for case in errors.failure_cases.iter_rows(named=True)
        ]
    return []


def row_failures(table: str, rows: list[dict]) -> list[Failure]:
    """model_failures for rows not yet in a batch (a file's, as its reader made them).

    Not in a forked worker (toolkit.workers): polars' threads do not survive a fork, so a
    check there can hang; the batch is checked by the same models in the parent
    (`validate`), which names the file and row instead of the reader's cell."""
    if multiprocessing.parent_process() is not None:
        return []
    return model_failures(table, pl.DataFrame(rows, schema=columns(table)))


def _explained(table: str, frame: pl.DataFrame, case: dict) -> Failure:
    index, check, found = case["index"], str(case["check"]), case["failure_case"]
    if case["schema_context"] != "Column":
        columns = RULE_COLUMNS.get(check, ())
        row = frame.row(index, named=True) if index is not None and index < frame.height else {}
        shown = ", ".join(f"{name} {_shown(row.get(name))}" for name in columns if name in row)
        detail = f"{check}: found {shown or found}"
        closed = v.BREAKDOWNS.get(row.get("breakdown"))
        if "breakdown_value" in columns and closed:
            detail += f"; a {row['breakdown']} is one of: {', '.join(sorted(closed))}"
        return Failure(index, columns[0] if columns else None, check, detail)
    column = case["column"]
    if check == "not_nullable":
        return Failure(index, column, f"{column} given", "missing")
    if column == "force_id" and check.startswith("isin"):
        known = sorted(force_ids())
        return Failure(
            index,
            column,
            "force in the register",
            f"{found!r} is not a force in the register (schemas/forces.csv)"
            f"{did_you_mean(found, known)}",
        )
    if column in VOCABULARIES and check.startswith("isin"):
        options = list(VOCABULARIES[column])
        return Failure(
            index,
            column,
            f"{column} in the vocabulary",
            f"{found!r} is not a {column}{did_you_mean(found, options)}; "
            f"use one of: {', '.join(options)}",
        )
    if column == "exemptions":
        return Failure(
            index,
            column,
            "exemptions as the Act cites them",
            f"{found!r} is not a list of sections of the Act: write e.g. s12, s31(1) or "
            "s31(1);s40(2)",
        )
    if column == "value" and check.startswith(("greater_than", "less_than")):
        return Failure(
            index, column, "value is a number of 0 or more", f"found {found!r}: not a figure"
        )
    if column == "source_url":
        return Failure(
            index, column, "source_url is a web address", f"{found!r} is not http:// or https://"
        )
    if check.startswith("str_matches") and v.ISO_DATE_PATTERN in check:
        return Failure(index, column, f"{column} is a date", f"{found!r} is not YYYY-MM-DD")
    return Failure(index, column, f"{column} {check}", f"found {found!r}")


def validate(extraction: Extraction) -> Report:
    checker = _Checker.of(extraction)
    for table in TABLES:
        checker.schema(table)
    with in_memory():
        checker.cross_rows()
    return Report(checker.problems)


def cross_row_problems(extraction: Extraction) -> list[Problem]:
    """The rules across rows alone, for rows each of which passed its model: a file whose
    other problems are being reported gets these with them, not in a second round. None in a
    forked worker (see `row_failures`)."""
    if multiprocessing.parent_process() is not None:
        return []
    checker = _Checker.of(extraction)
    with in_memory():
        checker.cross_rows()
    return checker.problems


class _Checker:
    def __init__(self, frames: dict[str, pl.DataFrame], names: dict[str, str], extraction):
        self.frames = frames
        self.names = names
        self.extraction = extraction
        self.problems: list[Problem] = []

    @classmethod
    def of(cls, extraction: Extraction) -> "_Checker":
        frames = {table: extraction.frame(table) for table in TABLES}
        documents = frames["documents"]
        names = dict(zip(documents["document_id"], documents["filename"], strict=True))
        return cls(frames, names, extraction)

    def add(self, table: str, index: int | None, rule: str, detail: str) -> None:
        frame = self.frames[table]
        if index is None or index >= frame.height:
            document, row, index = self._only_document(), "(whole table)", None
        else:
            record = frame.row(index, named=True)
            document = self.names.get(record.get("document_id")) or self.source(table, index)
            row = row_label(table, index, record)
        self.problems.append(Problem(document, table, row, rule, detail, index))

    def source(self, table: str, index: int) -> str:
        """The file a row came from, or its response where that is not known."""
        record = self.frames[table].row(index, named=True)
        return self.extraction.source_of(table, index) or record.get("response_id", "?")

    def _only_document(self) -> str:
        return ", ".join(sorted(set(self.names.values()))) or "(no document)"

    def schema(self, table: str) -> None:
        for failure in model_failures(table, self.frames[table]):
            self.add(table, failure.index, failure.rule, failure.detail)

    def cross_rows(self) -> None:
        observations, outcomes = self.frames["observations"], self.frames["outcomes"]
        self.sources_agree()
        self.documents_answer()
        self.requested_before_answered()
        for table in ("documents", "questions", "observations", "outcomes"):
            self.response_known(table)
        for table in ("observations", "outcomes"):
            self.has_provenance(table)
            self.quotes_in_documents(table)
            self.periods_ordered(table)
        self.quotes_hold_values(observations)
        self.one_value_per_key(observations, "observations", "value")
        self.one_value_per_key(outcomes, "outcomes", "status")
        self.matches_within_uses(observations)
        self.shares_add_up(observations)

    def has_provenance(self, table: str) -> None:
        """A row read from a document quotes it; a transcribed or compiled row says where it
        stands."""
        has_document = pl.col("document_id").is_not_null()
        lacking = (
            self.frames[table]
            .with_row_index()
            .filter(
                (has_document & pl.col("quote").is_null())
                | (~has_document & (pl.col("locator").is_null() | (pl.col("locator") == "")))
            )
        )
        for index, document_id in lacking.select("index", "document_id").iter_rows():
            if document_id is not None:
                self.add(table, index, "a row with a document has a quote", "the quote is missing")
            else:
                self.add(
                    table,
                    index,
                    "a row without a document has a locator",
                    "say where the figure or outcome stands in its source (page, table, paragraph)",
                )

    def response_known(self, table: str) -> None:
        """A row's response comes with it: the database holds it to this rule with its foreign
        keys, and publishing, which writes only validated batches, leaves their check off."""
        responses = self.frames["responses"]["response_id"].implode()
        unknown = (
            self.frames[table].with_row_index().filter(~pl.col("response_id").is_in(responses))
        )
        for index, response_id in unknown.select("index", "response_id").iter_rows():
            self.add(table, index, "response known", f"response {response_id} is not in this batch")

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

    def requested_before_answered(self) -> None:
        frame = self.frames["responses"].with_row_index()
        late = frame.filter(pl.col("request_date") > pl.col("response_date"))
        for row in late.iter_rows(named=True):
            self.add(
                "responses",
                row["index"],
                "a request comes before its response",
                f"request_date {row['request_date']} is after response_date {row['response_date']}",
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

        A whole-number value in a quote with no thousands separator (GROUPED_DIGITS: "4 2022"
        is two numbers, "1 000" one) holds if one of the quote's runs of digits and dots is the
        number itself, or the number and a full stop not followed by a digit: what
        quote_contains finds for such quotes. Every other row (grouped digits, decimals) goes
        through quote_contains itself, as does a sum whose caveat names the scale its quote
        writes it in ("£000s": '1,250' for £1,250,000). A yes or no (unit yes_no) is said in
        words, not digits: its quote is not searched for a 1 or a 0."""
        rows = frame.with_row_index().filter(
            pl.col("quote").is_not_null()
            & pl.col("value").is_not_null()
            & (pl.col("unit") != "yes_no")
        )
        simple = (
            (pl.col("value") == pl.col("value").floor())
            & (pl.col("value") < 2**53)
            & ~pl.col("quote").str.contains(GROUPED_DIGITS)
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
        for index, quote, value, unit, caveat in unsettled.select(
            "index", "quote", "value", "unit", "caveat"
        ).iter_rows():
            if not quote_contains(quote, value, caveat_scale(caveat) if unit == "gbp" else None):
                self.add(
                    "observations",
                    index,
                    "quote contains its value",
                    f"{value:g} does not appear in the quote {quote!r}",
                )

    def one_value_per_key(self, frame: pl.DataFrame, table: str, column: str) -> None:
        """Two sources (or two passages) of one response give one figure different values."""
        key = ROW_KEYS[table]
        clashes = (
            frame.with_row_index()
            .group_by(key, maintain_order=True)
            .agg(pl.col(column).n_unique().alias("values"), pl.col("index"))
            .filter(pl.col("values") > 1)
        )
        for row in clashes.iter_rows(named=True):
            seen = " and ".join(
                f"{_shown(frame[column][i])} in "
                + (self.names.get(frame["document_id"][i]) or self.source(table, i))
                for i in row["index"]
            )
            self.add(
                table,
                row["index"][-1],
                "one value per key",
                f"the same {table[:-1]} is stated with different {column}s: {seen}; "
                "check which source is right",
            )

    def sources_agree(self) -> None:
        """Two sources of one response name the same response, so they give it the same dates."""
        for found in self.extraction.disagreements:
            (a, b), (first, second) = found.values, found.sources
            self.problems.append(
                Problem(
                    f"{first or found.response_id} and {second or found.response_id}",
                    "responses",
                    found.response_id,
                    "sources of one response agree",
                    f"{found.column}: {first or 'one source'} says {a}, "
                    f"{second or 'another'} says {b}; check which is right",
                )
            )

    def documents_answer(self) -> None:
        """A response read from a document says what it did with at least one question: an
        empty reading is an adapter (or a draft) that read nothing, not a response."""
        answered = self.frames["outcomes"]["response_id"]
        unanswered_rows = ~pl.col("response_id").is_in(answered.drop_nulls().implode())
        if not answered.null_count():  # no response: unanswered unless an outcome has none either
            unanswered_rows = unanswered_rows | pl.col("response_id").is_null()
        questions = self.frames["questions"]
        documents = self.frames["documents"].with_row_index().filter(unanswered_rows)
        for response_id, rows in documents.group_by("response_id", maintain_order=True):
            (response_id,) = response_id
            asked = (  # no response: no question can be told to be its
                questions.clear()
                if response_id is None
                else questions.filter(pl.col("response_id") == response_id)
            )
            unanswered = "; ".join(
                f"{number or '?'} ({text[:60]})"
                for number, text in asked.select("number", "text")
                .unique(maintain_order=True)
                .iter_rows()
            )
            self.add(
                "documents",
                rows["index"][0],
                "a document's response has an outcome",
                "nothing was read about what the response did with the questions asked"
                + (
                    f": unanswered questions {unanswered}"
                    if unanswered
                    else " (no question was read either)"
                )
                + "; check that its adapter (or draft) reads this document, or give each "
                "question's outcome",
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
        """A breakdown's shares add up to about 100 where every value of a closed breakdown is
        given, and never to more: a response may give one share alone ("62% were victims'
        phones"), or some of an open breakdown's."""
        keys = ["response_id", "technology", "measure", "period_start", "period_end", "breakdown"]
        every = {breakdown: len(values) for breakdown, values in v.BREAKDOWNS.items() if values}
        totals = (
            frame.with_row_index()
            .filter(pl.col("unit") == "percent", pl.col("breakdown") != "none")
            .group_by(keys)
            .agg(
                pl.col("value").sum().alias("total"),
                pl.col("index").first(),
                pl.col("breakdown_value").n_unique().alias("given"),
            )
            .with_columns(
                whole=pl.col("given")
                == pl.col("breakdown").replace_strict(every, default=None, return_dtype=pl.UInt32)
            )
            .filter(
                (pl.col("total") - 100 > SHARE_TOLERANCE)
                | (pl.col("whole").fill_null(False) & ((100 - pl.col("total")) > SHARE_TOLERANCE))
            )
        )
        for row in totals.iter_rows(named=True):
            given = "" if row["whole"] else " given, more than the whole,"
            self.add(
                "observations",
                row["index"],
                "shares of one breakdown sum to about 100",
                f"the {row['breakdown']} shares{given} add up to {row['total']:g}%",
            )


def _shown(value) -> str:
    return f"{value:g}" if isinstance(value, float) else repr(value)


def unmapped_questions(extraction: Extraction) -> list[str]:
    """The questions no topic was found for, for a person to map: `response: number text`."""
    return [
        f"{row['response_id']}: {row['number'] or '?'} {row['text']}"
        for row in extraction.rows["questions"]
        if row["technology"] is None
    ]


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
