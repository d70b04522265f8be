"""Read a response document as it was published: its layout (police platform page,
WhatDoTheyKnow, a force's own log, a letter), without its page chrome, and what the layout
says: force, reference, dates, title, the numbered questions and the answer to each.

    from multiforce.toolkit.layouts import read_response
    response = read_response(document, source_url=None)

Profiles are data: schemas/layouts.yaml (see docs/reading.md); `layouts.profiles.profiles()`
lists them, compiled.
"""

from .dates import parse_date, parse_month
from .engine import choose, read_response
from .names import force_named, forces_named, most_named
from .profiles import Profile, force_by_host, profile
from .response import Answer, Question, Response, Statement

__all__ = [
    "Answer",
    "Profile",
    "Question",
    "Response",
    "Statement",
    "choose",
    "force_by_host",
    "force_named",
    "forces_named",
    "most_named",
    "parse_date",
    "parse_month",
    "profile",
    "read_response",
]
