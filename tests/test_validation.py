"""Every rule of the gate, each shown failing, all collected into one report."""

import pytest
from conftest import MET_TEXT
from multiforce.toolkit.errors import ValidationFailed
from multiforce.toolkit.pipeline import check, parse
from multiforce.toolkit.validation import validate


@pytest.fixture
def extraction():
    return parse(MET_TEXT, "metropolitan").extraction


def observation(extraction, measure, period_start, breakdown_value=None, technology=None):
    return next(
        r
        for r in extraction.rows["observations"]
        if r["measure"] == measure
        and r["period_start"] == period_start
        and r["breakdown_value"] == breakdown_value
        and (technology is None or r["technology"] == technology)
    )


def rules(extraction):
    return {p.rule for p in validate(extraction).problems}


def test_the_met_response_passes(extraction):
    assert validate(extraction).ok


def test_quote_must_occur_in_its_document(extraction):
    observation(extraction, "uses", "2019-01-01", technology="mobile_fingerprint_scanner")[
        "quote"
    ] = "2019 | 27,217 searches"
    assert "quote occurs in its document" in rules(extraction)


def test_every_row_of_a_quote_missing_from_its_document_is_reported(extraction):
    """Each row quoting words its document lacks is named, however many rows share the quote,
    as is each row of a document not in the batch, with or without a quote."""
    rows = extraction.rows["outcomes"]
    rows[1]["quote"] = rows[3]["quote"] = "not in the letter"
    rows[4]["document_id"], rows[4]["quote"] = "f" * 64, None
    rows[5]["document_id"] = "e" * 64
    found = [(p.row.split()[1], p.rule) for p in validate(extraction).problems]
    assert [(row, rule) for row, rule in found if rule.endswith(("document", "known"))] == [
        ("2", "quote occurs in its document"),
        ("4", "quote occurs in its document"),
        ("5", "document known"),
        ("6", "document known"),
    ]


def test_quote_must_contain_its_value(extraction):
    observation(extraction, "uses", "2019-01-01", technology="mobile_fingerprint_scanner")[
        "value"
    ] = 27218
    assert "quote contains its value" in rules(extraction)


def test_a_yes_or_no_is_said_in_words_not_digits(extraction):
    row = observation(extraction, "uses", "2019-01-01", technology="mobile_fingerprint_scanner")
    row["measure"], row["unit"], row["value"] = "in_use", "yes_no", 1.0
    extraction.rows["documents"][0]["text"] += "\n5. Yes."
    row["quote"] = "5. Yes."
    assert "quote contains its value" not in rules(extraction)


def test_a_figure_is_a_finite_number(extraction):
    observation(extraction, "uses", "2019-01-01", technology="mobile_fingerprint_scanner")[
        "value"
    ] = float("inf")
    assert "value is a number of 0 or more" in rules(extraction)


def test_an_exemption_is_a_section_the_act_has(extraction):
    extraction.rows["outcomes"][0]["exemptions"] = "s31(1);s99(z)"
    assert "exemptions as the Act cites them" in rules(extraction)


def test_a_request_comes_before_its_response(extraction):
    response = extraction.rows["responses"][0]
    response["request_date"], response["response_date"] = "2022-05-02", "2022-05-01"
    assert "a request comes before its response" in rules(extraction)


def test_matches_never_exceed_uses(extraction):
    row = observation(extraction, "matches", "2018-01-01", "police")
    row["value"], row["quote"] = (
        9000,
        "9000",
    )  # quote checks aside: only the matches rule should fire
    assert "matches never exceed uses" in rules(extraction)


def test_shares_sum_to_about_100(extraction):
    observation(extraction, "share_of_uses", "2021-01-01", "victim")["value"] = 16
    assert "shares of one breakdown sum to about 100" in rules(extraction)


def test_some_shares_of_a_breakdown_may_be_given_but_never_more_than_the_whole(extraction):
    victims = observation(extraction, "share_of_uses", "2021-01-01", "victim")
    extraction.rows["observations"].remove(victims)
    assert "shares of one breakdown sum to about 100" not in rules(extraction)
    observation(extraction, "share_of_uses", "2021-01-01", "suspect")["value"] = 90
    observation(extraction, "share_of_uses", "2021-01-01", "witness")["value"] = 20
    assert "shares of one breakdown sum to about 100" in rules(extraction)


def test_a_share_with_no_breakdown_stands_alone(extraction):
    for row in extraction.rows["observations"]:
        if row["measure"] == "share_of_uses" and row["breakdown_value"] != "suspect":
            extraction.rows["observations"].remove(row)
    share = observation(extraction, "share_of_uses", "2021-01-01", "suspect")
    share.update(breakdown="none", breakdown_value=None)
    assert "shares of one breakdown sum to about 100" not in rules(extraction)


def test_periods_start_before_they_end(extraction):
    observation(extraction, "uses", "2019-01-01", technology="mobile_fingerprint_scanner")[
        "period_end"
    ] = "2018-12-31"
    assert "period starts before it ends" in rules(extraction)


def test_vocabularies_are_checks(extraction):
    extraction.rows["observations"][0]["measure"] = "scans"
    extraction.rows["outcomes"][0]["status"] = "declined"
    extraction.rows["outcomes"][0]["exemptions"] = "section 31"
    found = rules(extraction)
    assert "measure in the vocabulary" in found
    assert "status in the vocabulary" in found
    assert "exemptions as the Act cites them" in found


def test_force_must_be_in_the_register(extraction):
    extraction.rows["observations"][0]["force_id"] = "gotham"
    assert "force in the register" in rules(extraction)


@pytest.mark.parametrize("table", ["documents", "questions", "observations", "outcomes"])
def test_a_rows_response_must_be_in_its_batch(extraction, table):
    """Publishing leaves the foreign keys' check to this rule."""
    extraction.rows[table][0]["response_id"] = "another-response"
    problems = [p for p in validate(extraction).problems if p.rule == "response known"]
    assert [(p.table, p.detail) for p in problems] == [
        (table, "response another-response is not in this batch")
    ]


def test_report_collects_everything_and_names_document_table_row_and_rule(extraction):
    observation(extraction, "uses", "2019-01-01", technology="mobile_fingerprint_scanner")[
        "value"
    ] = 27218
    observation(extraction, "share_of_uses", "2021-01-01", "victim")["value"] = 16
    with pytest.raises(ValidationFailed) as failure:
        check(extraction)
    message = str(failure.value)
    assert "01.FOI.22.022895.txt | observations row" in message
    assert "quote contains its value" in message and "shares of one breakdown" in message
    assert len(failure.value.report.problems) >= 2
