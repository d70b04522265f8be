"""pandera models of the campaign tables: who was asked what, and where each request stands.

Kept apart from models.py (the response tables); models.py registers these in MODELS. The
base is declared here rather than imported from models.py, so that either module can be
imported first.
"""

import pandera.polars as pa

from . import vocabulary as v
from .campaign import REGIMES, REQUEST_STATUSES
from .strict import ISO_DATE, Strict

CAMPAIGN_ID = r"^[a-z0-9][a-z0-9-]*$"


class Campaigns(Strict):
    campaign_id: str = pa.Field(unique=True, str_matches=CAMPAIGN_ID)
    title: str = pa.Field(str_length={"min_value": 1})
    description: str | None = pa.Field(nullable=True)
    sent_date: str | None = pa.Field(nullable=True, **ISO_DATE)
    period_start: str | None = pa.Field(nullable=True, **ISO_DATE)
    period_end: str | None = pa.Field(nullable=True, **ISO_DATE)
    source: str  # the campaign file, or the WhatDoTheyKnow request it was made from


class CampaignQuestions(Strict):
    campaign_id: str
    number: str = pa.Field(str_length={"min_value": 1})
    text: str = pa.Field(str_length={"min_value": 1})
    technology: str = pa.Field(isin=list(v.TECHNOLOGIES))
    measure: str = pa.Field(isin=list(v.MEASURES))
    breakdown: str = pa.Field(isin=list(v.BREAKDOWNS))
    period_start: str | None = pa.Field(nullable=True, **ISO_DATE)
    period_end: str | None = pa.Field(nullable=True, **ISO_DATE)


class Requests(Strict):
    request_id: str = pa.Field(unique=True)
    campaign_id: str
    force_id: str
    sent_date: str | None = pa.Field(nullable=True, **ISO_DATE)
    due_date: str | None = pa.Field(nullable=True, **ISO_DATE)
    status: str = pa.Field(isin=REQUEST_STATUSES)
    status_date: str | None = pa.Field(nullable=True, **ISO_DATE)
    wdtk_url: str | None = pa.Field(nullable=True, str_matches=r"^https://")
    response_id: str | None = pa.Field(nullable=True)
    # Added: which law's clock applies, WhatDoTheyKnow's own state, and the answer's timing
    # (working days are counted in Python, where the holidays library is).
    regime: str = pa.Field(isin=list(REGIMES))
    wdtk_state: str | None = pa.Field(nullable=True)
    answered_date: str | None = pa.Field(nullable=True, **ISO_DATE)
    working_days_to_answer: int | None = pa.Field(nullable=True, ge=0)


class RequestEvents(Strict):
    request_id: str
    date: str | None = pa.Field(nullable=True, **ISO_DATE)
    status: str = pa.Field(isin=REQUEST_STATUSES)
    source: str
    wdtk_state: str | None = pa.Field(nullable=True)


class RequestAttachments(Strict):
    request_id: str
    date: str | None = pa.Field(nullable=True, **ISO_DATE)
    incoming_message_id: str
    filename: str
    path: str
    sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    bytes: int = pa.Field(ge=0)
    source_url: str | None = pa.Field(nullable=True, str_matches=r"^https://")


class WorkingDays(Strict):
    regime: str = pa.Field(isin=list(REGIMES))
    date: str = pa.Field(**ISO_DATE)
    number: int = pa.Field(ge=1)


MODELS = {
    "campaigns": Campaigns,
    "campaign_questions": CampaignQuestions,
    "requests": Requests,
    "request_events": RequestEvents,
    "request_attachments": RequestAttachments,
    "working_days": WorkingDays,
}
