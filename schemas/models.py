"""pandera models, one per table. Vocabularies are checks; unknown columns are rejected."""

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

import pandera.polars as pa
import polars as pl

from . import vocabulary as v
from .campaign_models import MODELS as CAMPAIGN_MODELS
from .register import force_ids
from .strict import ISO_DATE, Strict

REGISTERED = dict(isin=sorted(force_ids()))  # a force of the register (schemas/forces.csv)
# The columns each rule across columns reads: a report shows them, a reader points at them.
RULE_COLUMNS: dict[str, tuple[str, ...]] = {}


def _rule(name: str, *columns: str) -> str:
    RULE_COLUMNS[name] = columns
    return name


_KIND = "|".join(v.SOURCE_KINDS)
_SOURCE_KINDS = rf"^({_KIND})({v.SOURCE_KIND_SEPARATOR}({_KIND}))*$"


class Forces(Strict):
    force_id: str = pa.Field(unique=True, str_matches=r"^[a-z][a-z-]*$")
    name: str = pa.Field(unique=True)
    country: str = pa.Field(isin=v.COUNTRIES)
    kind: str = pa.Field(isin=v.FORCE_KINDS)
    ons_code: str | None = pa.Field(nullable=True, str_matches=r"^[ESW]\d{8}$")
    whatdotheyknow_slug: str | None = pa.Field(nullable=True)
    # How the force names itself in letters ('MPS', 'PSNI'), several joined by ";".
    short_names: str | None = pa.Field(nullable=True)

    @pa.dataframe_check(name=_rule("ons_code matches the country, once per force", "ons_code"))
    def ons_code_fits_country(cls, data) -> pl.LazyFrame:
        prefix = pl.col("country").replace_strict(v.ONS_PREFIXES, default=None)
        expected = pl.when(pl.col("kind") == "territorial").then(prefix)
        fits = (pl.col("ons_code").is_null() & expected.is_null()) | (
            pl.col("ons_code").str.slice(0, 3) == expected
        )
        once = pl.col("ons_code").is_null() | pl.col("ons_code").is_unique()
        return data.lazyframe.select((fits.fill_null(False) & once).alias("ok"))


class Officers(Strict):
    force_id: str = pa.Field(**REGISTERED)
    date: str = pa.Field(**ISO_DATE)
    officers_fte: float = pa.Field(gt=0)
    source: str = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(name=_rule("one count per force and date", "force_id", "date"))
    def one_count_per_date(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.struct("force_id", "date").is_unique().alias("ok"))


class Responses(Strict):
    response_id: str = pa.Field(unique=True)
    force_id: str = pa.Field(**REGISTERED)
    reference: str = pa.Field(str_length={"min_value": 1})
    title: str
    request_date: str | None = pa.Field(nullable=True, **ISO_DATE)
    response_date: str | None = pa.Field(nullable=True, **ISO_DATE)
    source_url: str | None = pa.Field(nullable=True, str_matches=v.WEB_ADDRESS_PATTERN)
    licence: str
    # Every source the response came from, joined by ";" (document;transcription).
    source_kind: str = pa.Field(str_matches=_SOURCE_KINDS)
    review_of: str | None = pa.Field(nullable=True)  # the response_id an internal review reviews
    campaign_id: str | None = pa.Field(nullable=True)
    layout: str | None = pa.Field(nullable=True)  # the layout profile that read it


class Documents(Strict):
    document_id: str = pa.Field(unique=True, str_matches=r"^[0-9a-f]{64}$")
    response_id: str
    filename: str
    media_type: str
    bytes: int = pa.Field(gt=0)
    text: str = pa.Field(str_length={"min_value": 1})
    text_source: str = pa.Field(isin=v.TEXT_SOURCES)  # ocr: recognised from page images
    # Filled in at publishing: a document is read again when the code that read it changed.
    adapter: str | None = pa.Field(nullable=True)
    adapter_version: str | None = pa.Field(nullable=True)


class Observations(Strict):
    observation_id: str  # two values for one id are a cross-row error
    response_id: str
    document_id: str | None = pa.Field(nullable=True)
    force_id: str = pa.Field(**REGISTERED)
    technology: str = pa.Field(isin=list(v.TECHNOLOGIES))
    measure: str = pa.Field(isin=list(v.MEASURES))
    period_start: str = pa.Field(**ISO_DATE)
    period_end: str = pa.Field(**ISO_DATE)
    period_label: str
    breakdown: str = pa.Field(isin=list(v.BREAKDOWNS))
    breakdown_value: str | None = pa.Field(nullable=True)
    value: float = pa.Field(ge=0, lt=float("inf"))
    unit: str = pa.Field(isin=v.UNITS)
    qualifier: str = pa.Field(isin=v.QUALIFIERS)
    caveat: str | None = pa.Field(nullable=True)
    quote: str | None = pa.Field(nullable=True)
    locator: str | None = pa.Field(nullable=True)
    question: str | None = pa.Field(nullable=True)  # the request's question number

    @pa.dataframe_check(
        name=_rule("yes/no measures have unit yes_no and value 0 or 1", "unit", "measure", "value")
    )
    def yes_no(cls, data) -> pl.LazyFrame:
        yes_no_measure = pl.col("measure").is_in(v.YES_NO_MEASURES)
        yes_no_unit = pl.col("unit") == "yes_no"
        return data.lazyframe.select(
            (
                (yes_no_measure == yes_no_unit) & (~yes_no_unit | pl.col("value").is_in([0.0, 1.0]))
            ).alias("ok")
        )

    @pa.dataframe_check(name=_rule("spend is in gbp, and only spend", "unit", "measure"))
    def money(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(
            ((pl.col("measure") == "spend") == (pl.col("unit") == "gbp")).alias("ok")
        )

    @pa.dataframe_check(
        name=_rule("documents, assessments and suppliers are outcomes, never figures", "measure")
    )
    def not_a_number(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(
            (~pl.col("measure").is_in(v.OUTCOME_ONLY_MEASURES)).alias("ok")
        )

    @pa.dataframe_check(
        name=_rule("breakdown_value fits its breakdown", "breakdown_value", "breakdown")
    )
    def breakdown_value_fits(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(_breakdown_value_fits(required=True).alias("ok"))


class Outcomes(Strict):
    outcome_id: str
    response_id: str
    document_id: str | None = pa.Field(nullable=True)
    force_id: str = pa.Field(**REGISTERED)
    technology: str = pa.Field(isin=list(v.TECHNOLOGIES))
    measure: str = pa.Field(isin=list(v.MEASURES))
    breakdown: str = pa.Field(isin=list(v.BREAKDOWNS))
    period_start: str | None = pa.Field(nullable=True, **ISO_DATE)
    period_end: str | None = pa.Field(nullable=True, **ISO_DATE)
    status: str = pa.Field(isin=v.STATUSES)
    exemptions: str | None = pa.Field(nullable=True, str_matches=v.EXEMPTIONS_PATTERN)
    reason: str | None = pa.Field(nullable=True)
    quote: str | None = pa.Field(nullable=True)
    locator: str | None = pa.Field(nullable=True)
    breakdown_value: str | None = pa.Field(nullable=True)  # null: every value of the breakdown
    caveat: str | None = pa.Field(nullable=True)
    held_by: str | None = pa.Field(nullable=True, **REGISTERED)  # a force said to hold it
    question: str | None = pa.Field(nullable=True)  # the request's question number

    @pa.dataframe_check(
        name=_rule("breakdown_value fits its breakdown", "breakdown_value", "breakdown")
    )
    def breakdown_value_fits(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(_breakdown_value_fits(required=False).alias("ok"))


class Questions(Strict):
    """What a request asked, one row per question and topic; unmapped: null topic columns."""

    question_id: str = pa.Field(unique=True)
    response_id: str
    number: str | None = pa.Field(nullable=True)
    text: str = pa.Field(str_length={"min_value": 1})
    technology: str | None = pa.Field(nullable=True, isin=list(v.TECHNOLOGIES))
    measure: str | None = pa.Field(nullable=True, isin=list(v.MEASURES))
    breakdown: str | None = pa.Field(nullable=True, isin=list(v.BREAKDOWNS))
    period_start: str | None = pa.Field(nullable=True, **ISO_DATE)
    period_end: str | None = pa.Field(nullable=True, **ISO_DATE)


def _breakdown_value_fits(required: bool) -> pl.Expr:
    """A breakdown's value is one of its values where they are closed; a figure broken down
    names its value (`required`), an outcome may cover the whole breakdown (null)."""
    closed = {name: sorted(values) for name, values in v.BREAKDOWNS.items() if values}
    allowed = pl.col("breakdown").replace_strict(
        closed, default=None, return_dtype=pl.List(pl.String)
    )
    value = pl.col("breakdown_value")
    given = value.is_not_null() if required else pl.lit(True)
    fits = (
        pl.when(pl.col("breakdown") == "none")
        .then(value.is_null())
        .otherwise(given & (value.is_null() | allowed.is_null() | allowed.list.contains(value)))
    )
    return fits.fill_null(False)


MODELS = {
    "forces": Forces,
    "officers": Officers,
    "responses": Responses,
    "documents": Documents,
    "observations": Observations,
    "outcomes": Outcomes,
    "questions": Questions,
    **CAMPAIGN_MODELS,
}


@cache  # asked for every row built: the models do not change while a process runs
def columns(table: str) -> Mapping:
    """Column name -> polars dtype, in the order the table is published (read-only)."""
    schema = MODELS[table].to_schema().columns
    return MappingProxyType({name: column.dtype.type for name, column in schema.items()})
