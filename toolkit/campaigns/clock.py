"""The statutory clock: a reply is due on the twentieth working day after the request's receipt.

- FOIA 2000 s.10(6): a working day is any day but a Saturday, a Sunday, Christmas Day, Good
  Friday or a bank holiday in any part of the United Kingdom (England and Wales, Scotland,
  Northern Ireland): a Scottish or Northern Irish bank holiday stops an English force's clock.
- FOISA 2002 s.73 (Police Scotland): any day but a Saturday, a Sunday, Christmas Day or a bank
  holiday in Scotland.

Bank holidays come from the `holidays` library (its UK calendar and subdivisions, special
one-off days included), never a hand-typed list. multiforce takes the day a request was sent
as the day it was received: the Acts count from receipt, which a requester rarely knows.
"""

from datetime import date, timedelta
from functools import cache

import holidays

DAYS_TO_ANSWER = 20
# Every part of the UK for FOIA; Scotland alone for FOISA.
SUBDIVISIONS = {"foia": ("ENG", "WLS", "SCT", "NIR"), "foisa": ("SCT",)}


@cache
def _closed_days(regime: str, year: int) -> frozenset[date]:
    # Good Friday is a bank holiday in every part of the UK, so it comes with the calendars.
    closed = {date(year, 12, 25)}
    for part in SUBDIVISIONS[regime]:
        closed.update(holidays.UK(subdiv=part, years=year))
    return frozenset(closed)


def is_working_day(day: date, regime: str) -> bool:
    return day.weekday() < 5 and day not in _closed_days(regime, day.year)


def add_working_days(start: date, count: int, regime: str) -> date:
    """The `count`th working day after `start` (`start` itself is day 0)."""
    day = start
    while count:
        day += timedelta(days=1)
        if is_working_day(day, regime):
            count -= 1
    return day


def due_date(received: date, regime: str) -> date:
    return add_working_days(received, DAYS_TO_ANSWER, regime)


def working_days_between(start: date, end: date, regime: str) -> int:
    """Working days after `start` up to and including `end` (0 when end is not after start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day, regime)
    return count


def working_days(first: date, last: date, regime: str):
    """Every working day from `first` to `last`, both included."""
    day = first
    while day <= last:
        if is_working_day(day, regime):
            yield day
        day += timedelta(days=1)
