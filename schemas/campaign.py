"""A campaign: the questions as sent, each pinned to its topics, the forces asked and when.

A campaign is a YAML file (see docs/campaigns.md); the campaigns that the bundled corpus'
responses belong to are shipped in the top-level campaigns/ folder. The answer template
(`multiforce template`) is made from a campaign's questions and nothing else: TOPICS below
are the first bundled campaign's, read from its file. To ask another question, write it in a
campaign file.

This module only reads and checks the file; errors are CampaignFileError (a ValueError whose
message names the file, what was found and what was expected), which the toolkit turns into a
user error.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path

from . import dateless_yaml
from .register import force_ids
from .vocabulary import BREAKDOWNS, MEASURES, TECHNOLOGIES

EARLIEST_YEAR = 2000  # a period before this is a typing mistake, not an answer to a campaign
FIRST_CAMPAIGN = "scanners-arches-extraction-2022"
MAX_FILE_BYTES = 1_000_000  # a campaign file is a page of questions, not a data dump

# Where a request stands (DESIGN.md). "Overdue" is computed from the due date, never stored.
REQUEST_STATUSES = (
    "awaiting_response",
    "awaiting_clarification",
    "answered",
    "internal_review",
    "withdrawn",
    "failed_delivery",
    "unknown",
)
# The law whose clock a request runs on: FOISA for Police Scotland, FOIA for every other force.
REGIMES = {
    "foia": "Freedom of Information Act 2000 (s.10: 20 working days; working days per s.10(6))",
    "foisa": "Freedom of Information (Scotland) Act 2002 (s.10: 20 working days; s.73)",
}
SCOTTISH_FORCES = frozenset({"police-scotland"})

CAMPAIGN_KEYS = {"id", "title", "description", "sent", "period", "forces", "questions"}
QUESTION_KEYS = {"number", "text", "topics"}
TOPIC_KEYS = {"technology", "measure", "breakdown", "period"}
FORCE_KEYS = {"force", "response", "wdtk_url"}


class CampaignFileError(ValueError):
    def __init__(self, source: str, problems: list[str]):
        self.problems = problems
        super().__init__(
            f"{source}: the campaign file has {len(problems)} problem(s): "
            + "; ".join(problems)
            + ". Expected a campaign YAML as docs/campaigns.md describes (id, title, sent, period, "
            "forces, questions with their topics, in the vocabulary of schemas/vocabulary.py): "
            "correct the file and run again."
        )


@dataclass(frozen=True)
class QuestionTopic:
    technology: str
    measure: str
    breakdown: str
    period_start: str | None
    period_end: str | None


@dataclass(frozen=True)
class Question:
    number: str
    text: str
    topics: tuple[QuestionTopic, ...]


@dataclass(frozen=True)
class Recipient:
    force_id: str
    response: str | None = None  # the force's reference of its answer, once it has one
    wdtk_url: str | None = None


@dataclass(frozen=True)
class Campaign:
    campaign_id: str
    title: str
    description: str | None
    sent_date: str | None
    period_start: str | None
    period_end: str | None
    recipients: tuple[Recipient, ...]
    questions: tuple[Question, ...]
    source: str

    def question_map(self) -> dict[str, tuple[QuestionTopic, ...]]:
        """Each question's text as sent -> the topics it asks about."""
        return {question.text: question.topics for question in self.questions}


@dataclass(frozen=True)
class Topic:
    """One row group of the answer template: a technology and measure, its breakdowns."""

    technology: str
    measure: str
    question: str  # the question as the request put it
    breakdowns: tuple[str, ...] = ("none",)


def regime(force_id: str) -> str:
    return "foisa" if force_id in SCOTTISH_FORCES else "foia"


def read_campaign(path: Path) -> Campaign:
    import yaml

    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CampaignFileError(
                str(path), [f"it is {size:,} bytes, more than {MAX_FILE_BYTES:,}"]
            )
        data = dateless_yaml.load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CampaignFileError(str(path), ["there is no such file (check the path)"]) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise CampaignFileError(str(path), [f"it cannot be read as YAML ({error})"]) from None
    return parse_campaign(data, str(path), path.name)


def parse_campaign(data, where: str, source: str) -> Campaign:
    """A campaign from the YAML's data; every problem is reported at once."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise CampaignFileError(where, [f"found {type(data).__name__}, not a mapping of keys"])
    _unknown(data, CAMPAIGN_KEYS, "the top level", problems)
    for key in ("id", "title", "questions"):
        if not data.get(key):
            problems.append(f"{key!r} is missing")
    campaign_id = str(data.get("id") or "")
    if campaign_id and not is_slug(campaign_id):
        problems.append(
            f"id {campaign_id!r} is not lower-case letters, digits and hyphens (e.g. scanners-2024)"
        )
    sent = _date(data.get("sent"), "sent", problems)
    start, end = _period(data.get("period"), "period", problems)
    questions = tuple(
        _question(item, index, start, end, problems)
        for index, item in enumerate(_list(data.get("questions"), "questions", problems), 1)
    )
    numbers = [question.number for question in questions]
    problems += [
        f"question number {n!r} is used twice" for n in sorted(set(numbers)) if numbers.count(n) > 1
    ]
    recipients = tuple(
        _recipient(item, problems) for item in _list(data.get("forces"), "forces", problems)
    )
    asked = [recipient.force_id for recipient in recipients]
    problems += [f"force {f!r} is listed twice" for f in sorted(set(asked)) if asked.count(f) > 1]
    if problems:
        raise CampaignFileError(where, problems)
    return Campaign(
        campaign_id,
        str(data["title"]).strip(),
        _text(data.get("description")),
        sent,
        start,
        end,
        recipients,
        questions,
        source,
    )


def _question(item, index, start, end, problems) -> Question:
    where = f"question {index}"
    if not isinstance(item, dict):
        problems.append(
            f"{where} is {type(item).__name__}, not a mapping with number, text, topics"
        )
        return Question(str(index), "", ())
    _unknown(item, QUESTION_KEYS, where, problems)
    number, text = _text(item.get("number")), _text(item.get("text"))
    if not number or not text:
        problems.append(f"{where} needs a number and its text as sent")
    topics = _list(item.get("topics"), f"{where}'s topics", problems)
    if not topics:
        problems.append(f"{where} ({number}) is pinned to no topic: give at least one")
    return Question(
        number or str(index),
        text or "",
        tuple(_topic(topic, f"{where} ({number})", start, end, problems) for topic in topics),
    )


def _topic(item, where, start, end, problems) -> QuestionTopic:
    if not isinstance(item, dict):
        problems.append(f"{where} has a topic that is not a mapping")
        return QuestionTopic("", "", "none", None, None)
    _unknown(item, TOPIC_KEYS, f"{where}'s topic", problems)
    technology, measure = item.get("technology"), item.get("measure")
    breakdown = item.get("breakdown") or "none"
    for value, allowed, what in (
        (technology, TECHNOLOGIES, "technology"),
        (measure, MEASURES, "measure"),
        (breakdown, BREAKDOWNS, "breakdown"),
    ):
        if value not in allowed:
            problems.append(f"{where}: {what} {value!r} is not one of {', '.join(allowed)}")
    if "period" in item:
        start, end = _period(item["period"], f"{where}'s period", problems)
    return QuestionTopic(str(technology), str(measure), str(breakdown), start, end)


def _recipient(item, problems) -> Recipient:
    if isinstance(item, str):
        item = {"force": item}
    if not isinstance(item, dict):
        problems.append(f"forces: {item!r} is not a force id nor a mapping with force")
        return Recipient("")
    _unknown(item, FORCE_KEYS, f"forces entry {item.get('force')!r}", problems)
    force_id = str(item.get("force") or "")
    if force_id not in force_ids():
        problems.append(
            f"forces: {force_id!r} is not a force id of schemas/forces.csv "
            "(e.g. metropolitan, police-scotland)"
        )
    url = _text(item.get("wdtk_url"))
    if url and not url.startswith("https://www.whatdotheyknow.com/request/"):
        problems.append(
            f"forces: {force_id}'s wdtk_url {url!r} is not a WhatDoTheyKnow request address"
        )
    return Recipient(force_id, _text(item.get("response")), url)


def _period(value, where, problems) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    if not isinstance(value, dict) or set(value) != {"start", "end"}:
        problems.append(f"{where} is {value!r}, not a mapping with start and end dates")
        return None, None
    start, end = (
        _date(value["start"], f"{where} start", problems),
        _date(value["end"], f"{where} end", problems),
    )
    if start and end and start > end:
        problems.append(f"{where} ends ({end}) before it starts ({start})")
    if start and int(start[:4]) < EARLIEST_YEAR:
        problems.append(f"{where} starts in {start[:4]}, before {EARLIEST_YEAR}")
    return start, end


def _date(value, where, problems) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        problems.append(f"{where} is {value!r}, not a date as YYYY-MM-DD")
        return None


def _list(value, where, problems) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{where} is {type(value).__name__}, not a list")
        return []
    return value


def _unknown(item: dict, allowed: set[str], where: str, problems: list[str]) -> None:
    unknown = sorted(map(str, set(item) - allowed))
    if unknown:
        allowed_keys = ", ".join(sorted(allowed))
        problems.append(
            f"{where} has unknown key(s) {', '.join(unknown)} (allowed: {allowed_keys})"
        )


def _text(value) -> str | None:
    return str(value).strip() or None if value is not None else None


def is_slug(text: str) -> bool:
    """A campaign id: lower-case letters, digits and hyphens, from a letter or digit."""
    return text[:1].isalnum() and all(c.islower() or c.isdigit() or c == "-" for c in text)


def bundled_campaign_files() -> list[Path]:
    folder = files(__package__).joinpath("..", "campaigns")
    return sorted(Path(str(folder)).glob("*.yaml"))


@cache
def bundled_campaigns() -> dict[str, Campaign]:
    found = (read_campaign(path) for path in bundled_campaign_files())
    return {campaign.campaign_id: campaign for campaign in found}


def template_topics(campaign: Campaign) -> tuple[Topic, ...]:
    """The template's row groups: per question, each technology and measure it asks about with
    the breakdowns asked, in the order the questions were sent."""
    grouped: dict[tuple, list[str]] = {}
    for question in campaign.questions:
        for topic in question.topics:
            breakdowns = grouped.setdefault((topic.technology, topic.measure, question.text), [])
            if topic.breakdown not in breakdowns:
                breakdowns.append(topic.breakdown)
    return tuple(Topic(t, m, text, tuple(b)) for (t, m, text), b in grouped.items())


def template_years(campaign: Campaign) -> range:
    """The calendar years the template asks about: the campaign's period."""
    starts = [t.period_start for q in campaign.questions for t in q.topics if t.period_start]
    ends = [t.period_end for q in campaign.questions for t in q.topics if t.period_end]
    if not starts or not ends:
        this_year = date.today().year
        return range(this_year - 1, this_year)
    return range(int(min(starts)[:4]), int(max(ends)[:4]) + 1)


def template_plan(campaign: Campaign | None = None) -> tuple[tuple[Topic, ...], range]:
    """The answer template's row groups and years: a campaign's, by default the first one's."""
    chosen = campaign or FIRST
    return template_topics(chosen), template_years(chosen)


FIRST = bundled_campaigns()[FIRST_CAMPAIGN]
TOPICS = template_topics(FIRST)
FIRST_YEAR, LAST_YEAR = template_years(FIRST)[0], template_years(FIRST)[-1]


def breakdown_values(breakdown: str) -> list[str | None]:
    """The values the template lists for a breakdown: the vocabulary's, where it fixes them.

    Age bands, genders and ethnic groups are recorded differently by each force: the template
    leaves them for the force to write, one row per value.
    """
    if breakdown == "none":
        return [None]
    values = BREAKDOWNS.get(breakdown)
    return sorted(values) if values else [""]
