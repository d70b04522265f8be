"""pandera models, one per table. Vocabularies are checks; unknown columns are rejected."""
from typing import Optional

import pandera.polars as pa

from . import vocabulary as v

ISO_DATE = dict(str_matches=v.ISO_DATE_PATTERN)


class _Strict(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = False


class Forces(_Strict):
    force_id: str = pa.Field(unique=True, str_matches=r"^[a-z][a-z-]*$")
    name: str
    country: str = pa.Field(isin=v.COUNTRIES)
    kind: str = pa.Field(isin=v.FORCE_KINDS)
    ons_code: Optional[str] = pa.Field(nullable=True, str_matches=r"^[ESW]\d{8}$")
    whatdotheyknow_slug: Optional[str] = pa.Field(nullable=True)


class Responses(_Strict):
    response_id: str = pa.Field(unique=True)
    force_id: str
    reference: str = pa.Field(str_length={"min_value": 1})
    title: str
    request_date: Optional[str] = pa.Field(nullable=True, **ISO_DATE)
    response_date: Optional[str] = pa.Field(nullable=True, **ISO_DATE)
    source_url: Optional[str] = pa.Field(nullable=True, str_matches=r"^https?://")
    licence: str
    source_kind: str = pa.Field(isin=v.SOURCE_KINDS)


class Documents(_Strict):
    document_id: str = pa.Field(unique=True, str_matches=r"^[0-9a-f]{64}$")
    response_id: str
    filename: str
    media_type: str
    bytes: int = pa.Field(gt=0)
    text: str = pa.Field(str_length={"min_value": 1})
    # Filled in at publishing: a document is read again when the code that read it changed.
    adapter: Optional[str] = pa.Field(nullable=True)
    adapter_version: Optional[str] = pa.Field(nullable=True)


class Observations(_Strict):
    observation_id: str  # two values for one id are a cross-row error
    response_id: str
    document_id: Optional[str] = pa.Field(nullable=True)
    force_id: str
    technology: str = pa.Field(isin=list(v.TECHNOLOGIES))
    measure: str = pa.Field(isin=list(v.MEASURES))
    period_start: str = pa.Field(**ISO_DATE)
    period_end: str = pa.Field(**ISO_DATE)
    period_label: str
    breakdown: str = pa.Field(isin=list(v.BREAKDOWNS))
    breakdown_value: Optional[str] = pa.Field(nullable=True)
    value: float = pa.Field(ge=0)
    unit: str = pa.Field(isin=v.UNITS)
    qualifier: str = pa.Field(isin=v.QUALIFIERS)
    caveat: Optional[str] = pa.Field(nullable=True)
    quote: Optional[str] = pa.Field(nullable=True)
    locator: Optional[str] = pa.Field(nullable=True)


class Outcomes(_Strict):
    outcome_id: str
    response_id: str
    document_id: Optional[str] = pa.Field(nullable=True)
    force_id: str
    technology: str = pa.Field(isin=list(v.TECHNOLOGIES))
    measure: str = pa.Field(isin=list(v.MEASURES))
    breakdown: str = pa.Field(isin=list(v.BREAKDOWNS))
    period_start: Optional[str] = pa.Field(nullable=True, **ISO_DATE)
    period_end: Optional[str] = pa.Field(nullable=True, **ISO_DATE)
    status: str = pa.Field(isin=v.STATUSES)
    exemptions: Optional[str] = pa.Field(nullable=True, str_matches=v.EXEMPTIONS_PATTERN)
    reason: Optional[str] = pa.Field(nullable=True)
    quote: Optional[str] = pa.Field(nullable=True)
    locator: Optional[str] = pa.Field(nullable=True)


MODELS = {
    "forces": Forces,
    "responses": Responses,
    "documents": Documents,
    "observations": Observations,
    "outcomes": Outcomes,
}


def columns(table: str) -> dict:
    """Column name -> polars dtype, in the order the table is published."""
    return {name: column.dtype.type for name, column in MODELS[table].to_schema().columns.items()}
