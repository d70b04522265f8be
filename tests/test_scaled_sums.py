"""A sum written in a scale ("2022 | 1,250" under "Spend (£000s)") is published in pounds, its
quote as the force wrote it, its caveat naming the scale: the quote check and the audit read the
value in that scale, and nothing else may stand in for it."""

import sqlite3
from pathlib import Path

import pytest
from multiforce.toolkit.audit import audit
from multiforce.toolkit.cleaning import caveat_scale, quote_contains
from multiforce.toolkit.validation import validate
from test_validation import extraction, observation  # noqa: F401 (a fixture)


@pytest.mark.parametrize(
    "caveat,scale",
    [
        ("Spend (£000s)", 1e3),
        ("All figures are in £'000.", 1e3),
        ("Costs (£k)", 1e3),
        ("Spend, £m", 1e6),
        ("in thousands of pounds", 1e3),
        ("£bn", 1e9),
        ("excluding VAT", None),
        ("2,000 kits", None),
        (None, None),
    ],
)
def test_a_caveat_names_the_scale_of_its_sum(caveat, scale):
    assert caveat_scale(caveat) == scale


@pytest.mark.parametrize(
    "quote,value,scale,held",
    [
        ("2022 | 1,250", 1_250_000, 1e3, True),
        ("2022 | 1,250", 1_250_000, None, False),
        ("2022 | 1,250", 1_251_000, 1e3, False),
        ("2022 | 1,402.5", 1_402_500, 1e3, True),
        ("The spend was £1.6m.", 1_600_000, 1e6, True),
        ("The spend was £1.6m.", 1_600_000, 1e3, False),
        ("2022 | 12,500", 12_500, 1e3, True),  # in pounds as written, whatever the caveat says
        ("2022 | 11,250", 1_250_000, 1e3, False),  # 1,250 is no number of this quote
    ],
)
def test_a_quote_holds_a_sum_in_its_scale(quote, value, scale, held):
    assert quote_contains(quote, value, scale) is held


def scaled(extraction, caveat, unit="gbp", measure="spend", times=1000):  # noqa: F811
    row = observation(extraction, "uses", "2019-01-01", technology="mobile_fingerprint_scanner")
    row.update(measure=measure, unit=unit, caveat=caveat, value=row["value"] * times)
    return row


def quote_rules(extraction):  # noqa: F811
    return [p for p in validate(extraction).problems if p.rule == "quote contains its value"]


def test_a_sum_whose_caveat_names_its_scale_passes_the_quote_check(extraction):  # noqa: F811
    scaled(extraction, "Spend (£000s)")
    assert quote_rules(extraction) == []


@pytest.mark.parametrize(
    "caveat,unit,measure,times",
    [
        (None, "gbp", "spend", 1000),  # no scale named
        ("Spend (£m)", "gbp", "spend", 1000),  # a scale, but not the one the value is in
        ("Spend (£000s)", "gbp", "spend", 999),  # a value the quote does not give in any scale
        ("Searches (000s)", "count", "uses", 1000),  # a count is never scaled
    ],
)
def test_a_sum_the_quote_does_not_give_in_its_scale_fails(extraction, caveat, unit, measure, times):  # noqa: F811
    row = scaled(extraction, caveat, unit, measure, times)
    (problem,) = quote_rules(extraction)
    assert f"{row['value']:g} does not appear in the quote" in problem.detail


@pytest.mark.parametrize("caveat,explained", [("Spend (£000s)", True), (None, False)])
def test_the_audit_reads_a_sum_in_the_scale_its_caveat_names(extraction, caveat, explained):  # noqa: F811
    row = scaled(extraction, caveat)
    text = next(iter(extraction.rows["documents"]))["text"]
    numbers = audit(Path("letter.txt"), text, extraction.rows).numbers
    as_figure = [
        n.text for n in numbers if n.kind == "figure" and n.observation_id == row["observation_id"]
    ]
    assert sorted(set(as_figure)) == (["27217"] if explained else [])  # as the letter writes it


@pytest.mark.parametrize("heading", ["Spend (£000s)", "Spend (£'000)", "Costs (000s)"])
def test_the_audit_knows_a_scale_written_in_digits(heading):
    numbers = audit(Path("letter.txt"), f"Year | {heading}\n", {}).numbers
    assert [(n.kind, n.detail) for n in numbers if "000" in n.text] == [
        ("scale", "the scale sums are written in (£000s)")
    ]


@pytest.mark.parametrize(
    "scale,amounts,times",
    [("£000s", ("1,250", "1,402.5"), 1000), ("£m", ("1.25", "2"), 1_000_000)],
)
def test_a_drafted_sum_in_a_scale_is_ingested_in_pounds(cli, tmp_path, scale, amounts, times):
    letter = tmp_path / "spend.txt"
    letter.write_text(
        "Our ref: 8/25\nDate: 3 March 2025\nDear Requester,\nYou asked:\n"
        "1. How much did the force spend on digital forensics in each year from 2021 to 2022?\n"
        f"Response\n1. Please see the table below.\nYear | Spend ({scale})\n"
        f"2021 | {amounts[0]}\n2022 | {amounts[1]}\nYours sincerely\nThe FOI Unit\n",
        encoding="utf-8",
    )
    assert cli("draft", letter, "--out", tmp_path).exit_code == 0
    draft = tmp_path / "spend.txt.yaml"
    reviewed = draft.read_text(encoding="utf-8").replace("force_id: null", "force_id: surrey")
    draft.write_text(reviewed.replace("title: null", "title: Spend"), encoding="utf-8")
    db = tmp_path / "campaign.db"
    result = cli("ingest", "--db", db, draft)
    assert result.exit_code == 0, result.output
    rows = sqlite3.connect(db).execute("SELECT value, unit, caveat, quote FROM observations")
    assert sorted(rows) == [
        (float(amount.replace(",", "")) * times, "gbp", scale, f"{year} | {amount}")
        for year, amount in zip(("2021", "2022"), amounts, strict=True)
    ]
