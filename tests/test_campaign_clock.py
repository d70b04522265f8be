"""The statutory clock: 20 working days, with the bank holidays each Act counts.

Each case was counted by hand on a calendar; the comment says which day makes the difference.
"""

from datetime import date

import pytest
from multiforce.toolkit.campaigns.clock import due_date, is_working_day, working_days_between

ENGLISH, SCOTTISH = "foia", "foisa"  # e.g. West Midlands Police; Police Scotland


@pytest.mark.parametrize(
    "sent,english_due,scottish_due,why",
    [
        # Christmas Day, Boxing Day, New Year's Day; 2 January is a Scottish bank holiday, and a
        # bank holiday in any part of the UK stops an English force's clock too.
        ("2024-12-20", "2025-01-23", "2025-01-23", "2 January skipped by both"),
        # Good Friday (29 March) for both; Easter Monday (1 April) is not a Scottish bank
        # holiday; St Patrick's Day (observed Monday 18 March) is Northern Ireland's only.
        ("2024-03-11", "2024-04-11", "2024-04-09", "Easter Monday, St Patrick's Day"),
        # The Battle of the Boyne (12 July), Northern Ireland's only.
        ("2024-07-01", "2024-07-30", "2024-07-29", "Battle of the Boyne"),
        # Scotland's August holiday (5 August) stops both clocks; England's late summer holiday
        # (26 August) only the English one.
        ("2024-07-29", "2024-08-28", "2024-08-27", "August holidays"),
        # St Andrew's Day (observed Monday 2 December) stops both; then Christmas Eve is day 20.
        ("2024-11-25", "2024-12-24", "2024-12-24", "St Andrew's Day"),
    ],
)
def test_due_date_is_the_20th_working_day_after_receipt(sent, english_due, scottish_due, why):
    received = date.fromisoformat(sent)
    assert due_date(received, ENGLISH).isoformat() == english_due, why
    assert due_date(received, SCOTTISH).isoformat() == scottish_due, why


@pytest.mark.parametrize(
    "day,english,scottish",
    [
        ("2024-11-29", True, True),  # a Friday
        ("2024-11-30", False, False),  # a Saturday (St Andrew's Day itself)
        ("2024-12-02", False, False),  # St Andrew's Day observed: a Scottish bank holiday
        ("2024-03-18", False, True),  # St Patrick's Day observed: Northern Ireland only
        ("2024-04-01", False, True),  # Easter Monday: not a bank holiday in Scotland
        ("2024-03-29", False, False),  # Good Friday
        ("2024-07-12", False, True),  # Battle of the Boyne: Northern Ireland only
        ("2025-01-02", False, False),  # 2 January: Scotland
        ("2024-08-05", False, False),  # Scotland's summer bank holiday
        ("2024-08-26", False, True),  # the late summer bank holiday of the rest of the UK
        ("2022-12-25", False, False),  # Christmas Day on a Sunday
        ("2022-12-27", False, False),  # the Christmas Day holiday carried to Tuesday
    ],
)
def test_working_days_of_each_act(day, english, scottish):
    when = date.fromisoformat(day)
    assert (is_working_day(when, ENGLISH), is_working_day(when, SCOTTISH)) == (english, scottish)


def test_working_days_between_counts_after_the_start_up_to_the_end():
    assert working_days_between(date(2024, 1, 8), date(2024, 2, 9), ENGLISH) == 24
    assert working_days_between(date(2024, 2, 9), date(2024, 2, 9), ENGLISH) == 0
    assert working_days_between(date(2024, 2, 9), date(2024, 1, 8), ENGLISH) == 0
