"""Adapters are short overrides of the general reading: statuses and sections of the Act are
read from the text, an adapter claims only the requests it has rules for, and a reading that
finds no outcome is an error."""

import pytest
from conftest import MET_TEXT
from multiforce.toolkit.adapter import Adapter
from multiforce.toolkit.discovery import NoAdapter
from multiforce.toolkit.errors import DocumentError
from multiforce.toolkit.pipeline import parse
from multiforce.toolkit.readers import read_document
from multiforce.toolkit.rules import Outcome, RuleSet
from test_metropolitan import outcomes

SCANNER, PHONES = "mobile_fingerprint_scanner", "phone_extraction"
BOROUGHS = (SCANNER, "devices_in_service", "borough", None)


def test_the_met_exemption_is_read_from_the_text(edit):
    assert outcomes(MET_TEXT)[BOROUGHS]["exemptions"] == "s31(1)"
    changed = outcomes(edit(("Section 31(1)", "Section 40(2)")))
    assert (changed[BOROUGHS]["status"], changed[BOROUGHS]["exemptions"]) == ("refused", "s40(2)")
    before = outcomes(MET_TEXT)

    def others(rows):
        return {k: {**v, "document_id": None} for k, v in rows.items() if k != BOROUGHS}

    assert others(changed) == others(before)


def test_the_met_status_is_read_from_the_force_words(edit):
    key = (SCANNER, "people", "none", None)
    assert outcomes(MET_TEXT)[key]["status"] == "not_held"
    changed = outcomes(
        edit(
            ("Therefore this information is not held.", "This would exceed the appropriate limit.")
        )
    )
    assert (changed[key]["status"], changed[key]["exemptions"]) == ("cost_limit", "s12")


def test_the_cost_limit_is_section_12_and_a_named_section_wins(edit):
    cost = (PHONES, "uses", "borough", None)
    assert outcomes(MET_TEXT)[cost]["exemptions"] == "s12"
    changed = outcomes(
        edit(("is not yet fully established", "is not yet fully established (section 12(1))"))
    )
    assert changed[cost]["exemptions"] == "s12(1)"


def test_another_met_response_is_not_claimed_and_goes_to_draft(tmp_path, cli):
    text = MET_TEXT.read_text(encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(
        text.replace("Knife Arches", "Drones").replace("Knife Wands", "Drone pilots"),
        encoding="utf-8",
    )
    assert not parse_adapter().recognises(read_document(other))
    with pytest.raises(NoAdapter, match="no adapter reads this document"):
        parse(other)
    result = cli("ingest", "--db", tmp_path / "x.db", other)
    assert result.exit_code == 1 and "multiforce draft" in result.output


def parse_adapter():
    from multiforce.toolkit.discovery import adapters

    return adapters()["metropolitan"]()


class Silent(Adapter):
    """An adapter whose only rule set fits the Met's request but reads nothing from it."""

    force_id = "metropolitan"
    recognise = r"reference no: 01\.FOI"
    reference = r"reference no: (?P<reference>01\.FOI\.\d{2}\.\d{6})"
    title = "Nothing"
    rule_sets = (RuleSet(asks=("Knife Arches",)),)


def test_an_adapter_that_reads_no_outcome_is_an_error(tmp_path, monkeypatch):
    import multiforce.toolkit.adapter as adapter

    monkeypatch.setattr(adapter, "read_meaning", lambda response: _nothing(response))
    with pytest.raises(DocumentError, match="read no outcome from this document: nothing says"):
        Silent().parse(read_document(MET_TEXT))


def _nothing(response):
    from multiforce.toolkit.meaning import Meaning

    return Meaning((), (), (), (), ())


def test_a_status_the_words_do_not_say_must_be_given(edit):
    class Unsaid(Silent):
        rule_sets = (
            RuleSet(
                asks=("Knife Arches",),
                outcomes=(
                    Outcome(what="a line that says nothing", evidence=r"^Reason for decision$",
                            technology=SCANNER, measure="uses"),
                ),
            ),
        )  # fmt: skip

    with pytest.raises(DocumentError, match="does not say what was done with the question"):
        Unsaid().parse(read_document(MET_TEXT))


def test_the_adapter_reads_the_dates_its_layout_reads(edit):
    path = edit(
        ("reference no: 01.FOI.22.022895", "reference no: 01.FOI.22.022895\nDate: 14 March 2022")
    )
    response = parse(path, "metropolitan").extraction.rows["responses"][0]
    assert response["response_date"] == "2022-03-14"
    assert parse(MET_TEXT, "metropolitan").extraction.rows["responses"][0]["response_date"] is None
