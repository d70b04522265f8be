"""quote_contains is searched without a regex per value: it must agree with the regex it
replaced."""

import random
import re

import pytest
from multiforce.toolkit.cleaning import number_text, quote_contains


def by_regex(quote: str, value: float) -> bool:
    """The rule as first written: thousands separators dropped, then the number standing alone."""
    digits = re.sub(r"(?<=\d)[,\u00a0 ](?=\d{3}\b)", "", quote)
    return re.search(rf"(?<![\d.]){re.escape(number_text(value))}(?![\d]|\.\d)", digits) is not None


@pytest.mark.parametrize(
    "quote,value,expected",
    [
        ("2018 = 21,790 (caveat)", 21790, True),
        ("2018 = 21,790 (caveat)", 790, False),
        ("2019 | 27217 |", 2721, False),
        ("93% Suspect Devices", 93, True),
        ("about 3.5 million", 3.5, True),
        ("about 3.5 million", 3, False),
        ("1,234,567 searches", 1234567, True),
        ("1 234 5678", 1234, True),
        ("version 1.2.3", 2, False),
        ("\u0663\u0664 and 34", 34, True),
    ],
)
def test_examples(quote, value, expected):
    assert quote_contains(quote, value) is expected is by_regex(quote, value)


def test_agrees_with_the_regex_on_random_quotes():
    rng = random.Random(5)
    alphabet = "0123456789,. \u00a0|%ab\u0663-"
    agreed = {True: 0, False: 0}
    for _ in range(20_000):
        value = rng.choice(
            [rng.randint(0, 2_000_000), rng.randint(0, 99) / 10, float(rng.randint(0, 9))]
        )
        written = rng.choice(
            [
                number_text(value),
                f"{value:,.0f}",
                f"{value:,.0f}".replace(",", "\u00a0"),
                f"{value:,.0f}".replace(",", " "),
                str(rng.randint(0, 99)),
            ]
        )
        noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(2)]
        quote = noise[0] + written + noise[1]
        expected = by_regex(quote, value)
        assert quote_contains(quote, value) == expected, (quote, value)
        agreed[expected] += 1
    assert min(agreed.values()) > 2_000  # both outcomes were exercised, often


def test_validation_flags_exactly_the_quotes_that_do_not_hold_their_values():
    """Validation settles most rows in polars and sends the rest through quote_contains: the
    rows it flags must be exactly those quote_contains rejects."""
    from conftest import MET_TEXT
    from multiforce.toolkit.pipeline import parse
    from multiforce.toolkit.validation import validate

    extraction = parse(MET_TEXT, "metropolitan").extraction
    template = extraction.rows["observations"][0]
    rng = random.Random(11)
    rows, expected = [], set()
    for number in range(3_000):
        value = rng.choice(
            [rng.randint(0, 2_000_000), rng.randint(0, 99) / 10, float(rng.randint(0, 30))]
        )
        written = rng.choice(
            [
                number_text(value),
                f"{value:,.0f}",
                f"{value:,.0f}".replace(",", " "),
                f"{value:,.0f}".replace(",", "\u00a0"),
                f"{value * 1000 + rng.randint(0, 999):,.0f}",  # the value, then a group more
                str(rng.randint(0, 99)),
                f"{value:.1f}",
            ]
        )
        quote = (
            rng.choice(["", "2019 | ", "Q4 ", "2019 ", "• ", "approximately ", "v1.", "\u0663"])
            + written
            + rng.choice(
                [
                    "",
                    " |",
                    ".",
                    "..",
                    ".5",
                    "% Suspect",
                    ",001",
                    " 000 searches",
                    " 2022",
                    " 12",
                    "\u0664",
                    "_",
                ]
            )
        )
        rows.append({**template, "observation_id": f"x{number}", "quote": quote, "value": value})
        if not quote_contains(quote, value):
            expected.add(number + 1)
    extraction.rows["observations"] = rows
    flagged = {
        int(p.row.split()[1])
        for p in validate(extraction).problems
        if p.rule == "quote contains its value"
    }
    assert flagged == expected
    assert 300 < len(expected) < 2_700  # both outcomes exercised
