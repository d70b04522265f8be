"""Campaigns: who was asked what and when, where each request stands, and the legal clock.

    campaign file (YAML) ──▶ campaigns, campaign_questions, requests   (`multiforce campaign new`)
    WhatDoTheyKnow files ──▶ requests, request_events, attachments     (`multiforce import-wdtk`)
    requests + clock     ──▶ where a campaign stands                   (`multiforce requests`)

Modules: definition (campaign files in and out of the database), clock (working days),
store (tables and writing), wdtk (WhatDoTheyKnow's files), importing (import-wdtk),
standing (the requests command's rows), views (SQL views of silence and response times).
"""

from .definition import load_campaign, question_map

__all__ = ["load_campaign", "question_map"]
