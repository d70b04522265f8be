"""Synthetic campaigns over the synthetic corpus, for the benchmark only: the requests a
campaign tracks, at the corpus' scale.

The documents of one year (the corpus shifts a response's years) are shared out among that
year's campaigns, as many as the forces' documents that year on average, a document of each force
to each: a force with fewer documents that year leaves the last of its requests unanswered, long
overdue (about one in twenty), and one with more has documents that answer no campaign. Two more
campaigns were sent days ago and wait for every answer. The questions are the bundled campaign's,
which the documents answer.
"""

from collections import defaultdict
from datetime import date, timedelta

from multiforce.schemas.campaign import Campaign, bundled_campaigns, parse_campaign

from . import corpus

BUNDLED = "scanners-arches-extraction-2022"
WAITING_SENT_DAYS_AGO = (5, 12)


def synthetic(scale: corpus.Scale, seed: int, today: date) -> list[Campaign]:
    """The campaigns whose requests the corpus' documents answer, and two still waiting."""
    questions = [
        {
            "number": question.number,
            "text": question.text,
            "topics": [
                {"technology": t.technology, "measure": t.measure, "breakdown": t.breakdown}
                for t in question.topics
            ],
        }
        for question in bundled_campaigns()[BUNDLED].questions
    ]
    answers: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for relative, force, _prefix, shift, *_ in corpus.plan(scale, seed):
        answers[shift][force].append(relative.stem)
    forces = list(corpus.prefixes())
    campaigns = []
    for shift, by_force in sorted(answers.items()):
        year = 2022 + shift
        for number in range(max(1, round(sum(map(len, by_force.values())) / len(forces)))):
            recipients = [
                {"force": force, "response": by_force[force][number]}
                if number < len(by_force.get(force, ()))
                else force
                for force in forces
            ]
            sent = date(year, 1, 3) + timedelta(days=number % 300)
            campaigns.append(
                _campaign(f"bench-{year}-{number:04d}", sent, year, recipients, questions)
            )
    for days in WAITING_SENT_DAYS_AGO:
        sent = today - timedelta(days=days)
        campaigns.append(_campaign(f"bench-waiting-{days}", sent, today.year, forces, questions))
    return campaigns


def _campaign(campaign_id, sent: date, year: int, recipients, questions) -> Campaign:
    data = {
        "id": campaign_id,
        "title": f"Benchmark campaign {campaign_id}",
        "sent": sent.isoformat(),
        "period": {"start": f"{year - 7}-01-01", "end": f"{year - 1}-12-31"},
        "forces": recipients,
        "questions": questions,
    }
    return parse_campaign(data, campaign_id, "benchmark")
