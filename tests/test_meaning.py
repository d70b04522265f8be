"""The readers one by one: sections, periods, questions' topics, outcomes, figures, forces."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from multiforce.toolkit.document import Document
from multiforce.toolkit.layouts import data as layout_data
from multiforce.toolkit.layouts import force_by_host, force_named, forces_named, read_response
from multiforce.toolkit.layouts import profiles as layout_profiles  # the module
from multiforce.toolkit.layouts.dates import parse_date, parse_month
from multiforce.toolkit.meaning import (
    Topic,
    map_question,
    period_in,
    period_named,
    read_figures,
    read_meaning,
    read_outcome,
    sections_cited,
)
from multiforce.toolkit.meaning.recording import BREAKDOWN_WORDS, MEASURE_WORDS, id_words


def document(text: str, name: str = "response.txt") -> Document:
    return Document(Path(name), text.encode(), "text/plain", text)


@pytest.mark.parametrize(
    "written,cited",
    [
        ("exempt under Section 31(1)(a)", ["s31(1)(a)"]),
        ("by virtue of s.31(1)(a)", ["s31(1)(a)"]),
        ("section 40 (2) applies", ["s40(2)"]),
        ("Sections 23 and 24 apply", ["s23", "s24"]),
        ("Section 31(1)(a) and (b)", ["s31(1)(a)", "s31(1)(b)"]),
        ("Section 24(1), 31(1)(a) and 40(2)", ["s24(1)", "s31(1)(a)", "s40(2)"]),
        ("a Refusal Notice under Section 17 of the Act, section 1(1)", []),
        ("Section 12(1) and Section 12(1) again", ["s12(1)"]),
        # a section qualifying the one before it is not cited itself
        ("Section 30(3) Investigations (by virtue of Section 30(2))", ["s30(3)"]),
        ("exempt by virtue of Section 40(2) by virtue of Section 40(3)", ["s40(2)"]),
        # a bare section beside a more specific one of the same number adds nothing
        ("Section 40(2) applies. Section 40 is a class-based exemption", ["s40(2)"]),
        ("Section 40 and Section 43(2)", ["s40", "s43(2)"]),
    ],
)
def test_sections_are_written_as_the_act_cites_them(written, cited):
    assert sections_cited(written) == cited


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("between April 2019 and the end of March 2020", date(2019, 4, 1), date(2020, 3, 31)),
        ("in each year from 2015 to 2021", date(2015, 1, 1), date(2021, 12, 31)),
        ("since 2018", date(2018, 1, 1), None),
        ("in the financial year 2019/20", date(2019, 4, 1), date(2020, 3, 31)),
        ("for 2019/20 and 2020/21", date(2019, 4, 1), date(2021, 3, 31)),
        ("as at 5 February 2020", date(2020, 2, 5), date(2020, 2, 5)),
        ("in each of 2022, 2023 and 2024", date(2022, 1, 1), date(2024, 12, 31)),
    ],
)
def test_periods_a_question_asks_about(text, start, end):
    period = period_in(text)
    assert (period.start, period.end) == (start, end)


def test_periods_named_by_a_label():
    assert period_named("2019-20").start == date(2019, 4, 1)
    assert period_named("2019-2020").end == date(2020, 12, 31)  # two calendar years
    assert period_named("April - June 2020").end == date(2020, 6, 30)
    assert period_named("2018 devices") is None
    assert period_in("in the last five years") is None


def test_dates_as_forces_write_them():
    assert parse_date("Date Responded 14 April 2022") == "2022-04-14"
    assert parse_date("Date: 16/02/26") == "2026-02-16"
    assert parse_date("January 22, 2026 | Technology") == "2026-01-22"
    assert parse_date("31/02/2026") is None
    assert parse_month("/march-2022/") == "2022-03"
    assert parse_month("/datgeliadau-2026/ionawr/") == "2026-01"
    assert parse_month("/disclosure-log/ionawr/") is None  # a month without its year


@pytest.mark.parametrize(
    "question,topics",
    [
        (
            "How many IDENT1 searches were carried out by age and gender?",
            {
                ("mobile_fingerprint_scanner", "uses", "none"),
                ("mobile_fingerprint_scanner", "uses", "age"),
                ("mobile_fingerprint_scanner", "uses", "gender"),
            },
        ),
        (
            "How many cyber kiosk extractions resulted in an arrest?",
            {("phone_extraction", "arrests", "none")},
        ),
        (
            "How many searches using Strategic Mobile returned a match?",
            {("mobile_fingerprint_scanner", "matches", "none")},
        ),
        (
            "How many Strategic Mobile searches returned a match on each database?",
            {("mobile_fingerprint_scanner", "matches", "database")},
        ),
        ("How many knife archways do you own?", {("knife_arch", "devices_in_service", "none")}),
        ("How many arches does the force own?", {("knife_arch", "devices_in_service", "none")}),
        ("How many times were knife arches deployed in 2022?", {("knife_arch", "uses", "none")}),
        ("On how many occasions were knife wands deployed?", {("knife_wand", "uses", "none")}),
        ("How many knife arch deployments were there?", {("knife_arch", "uses", "none")}),
        (
            "How many knife arches were deployed in 2022?",
            {("knife_arch", "devices_deployed", "none")},
        ),
        ("What is the number of wands deployed?", {("knife_wand", "devices_deployed", "none")}),
        ("How many knife wands were bought in 2023?", {("knife_wand", "devices_deployed", "none")}),
        (
            "How many phones were examined by digital forensics in 2021/22?",
            {("digital_forensics", "uses", "none")},
        ),
        (
            "How many mobile phones did the force extract data from in 2022?",
            {("phone_extraction", "uses", "none")},
        ),
        # a part named ("children", "Black men") is asked alone; a breakdown named, with the total
        (
            "How many mobile fingerprint scanner searches were of children under 18?",
            {("mobile_fingerprint_scanner", "uses", "age")},
        ),
        (
            "How many biometric searches were of Black men?",
            {
                ("mobile_fingerprint_scanner", "uses", "gender"),
                ("mobile_fingerprint_scanner", "uses", "ethnicity"),
            },
        ),
        ("How many wand searches were of women?", {("knife_wand", "uses", "gender")}),
        (
            "How many fingerprint searches were of White people?",
            {("mobile_fingerprint_scanner", "uses", "ethnicity")},
        ),
        (
            "How many kiosk extractions were of victims' phones?",
            {("phone_extraction", "uses", "device_owner_role")},
        ),
        (
            "How many wand searches were there, broken down by age?",
            {("knife_wand", "uses", "none"), ("knife_wand", "uses", "age")},
        ),
        (
            "How many wand searches were of children, by age group?",
            {("knife_wand", "uses", "none"), ("knife_wand", "uses", "age")},
        ),
        (
            "How many kiosk extractions were there of suspects' and victims' phones?",
            {
                ("phone_extraction", "uses", "none"),
                ("phone_extraction", "uses", "device_owner_role"),
            },
        ),
        # a span of time is no age ("over 12 months")
        (
            "How many devices have been awaiting examination by digital forensics for over 12 "
            "months?",
            {("digital_forensics", "devices_awaiting_examination", "none")},
        ),
        (
            "How many devices are awaiting examination by digital forensics?",
            {("digital_forensics", "devices_awaiting_examination", "none")},
        ),
        (
            "How many digital devices are in the backlog awaiting examination?",
            {("digital_forensics", "devices_awaiting_examination", "none")},
        ),
        (
            "How many people were arrested, detained or deported after a biometric check, by "
            "nationality?",
            {
                ("mobile_fingerprint_scanner", "people", "none"),
                ("mobile_fingerprint_scanner", "people", "nationality"),
                ("mobile_fingerprint_scanner", "people", "follow_up"),
            },
        ),
    ],
)
def test_questions_map_to_topics(question, topics):
    got = map_question(question)
    assert {(t.technology, t.measure, t.breakdown) for t in got.topics} == topics


@pytest.mark.parametrize(
    "question,breakdowns",
    [
        ("How many fingerprint searches, and how many of them were of children?", {"none", "age"}),
        (
            "How many wand searches were carried out in 2023 and how many were of women?",
            {"none", "gender"},
        ),
        (
            "Please give the number of wand searches and the number of those of Black people.",
            {"none", "ethnicity"},
        ),
        ("How many wand searches were of children under 18?", {"age"}),
        ("How many wand searches were of adults?", {"age"}),
        ("How many wand searches were of children, and how many were of adults?", {"age"}),
        ("How many wand searches were of women, and how many of them were of men?", {"gender"}),
    ],
)
def test_a_question_asking_for_the_total_and_a_part_asks_for_both(question, breakdowns):
    """A part asked alone is asked without the total; an ask of the measure naming no part
    ("how many searches, and how many of them ...") asks for the total too."""
    assert {t.breakdown for t in map_question(question).topics} == breakdowns


@pytest.mark.parametrize(
    "question",
    [
        "How many knife wands did the force buy in 2023?",
        "How many knife wands does the force buy each year?",
        "How many knife wands did you purchase in 2023?",
        "How many knife wands did the force procure in 2023?",
        "How many knife wands does the force acquire in a year?",
    ],
)
def test_buying_asked_with_a_verb_maps_as_bought_does(question):
    bought = map_question("How many knife wands were bought in 2023?").topics
    assert {(t.technology, t.measure) for t in map_question(question).topics} == {
        (t.technology, t.measure) for t in bought
    }


@pytest.mark.parametrize(
    "question,measure",
    [
        ("Does the force plan to buy knife wands?", "planned_adoption"),
        ("Do you plan to purchase knife wands?", "planned_adoption"),
        ("How much did it cost to buy the knife wands?", "spend"),
    ],
)
def test_buying_planned_or_costed_is_no_count_of_devices_bought(question, measure):
    assert {t.measure for t in map_question(question).topics} == {measure}


ASKED_BY_HAVE: dict[str, set[str]] = {
    "How many knife wands have been purchased?": {"devices_deployed"},
    "How many hand-held metal detectors have you bought since 2021?": {"devices_deployed"},
    "How many knife arches have Northshire Police acquired?": {"devices_deployed"},
    "How many knife wands have been issued to officers in 2022?": {"devices_deployed"},
    "How many knife wands have you got?": {"devices_in_service"},
    "How many knife arches does the force have?": {"devices_in_service"},
    "How many knife wands have been bought, and how many do you hold now?": {
        "devices_deployed",
        "devices_in_service",
    },
    "How many knife arches do you have and how many have been procured since 2020?": {
        "devices_deployed",
        "devices_in_service",
    },
}


def test_have_helping_another_verb_asks_what_that_verb_says():
    """The verb "have" asks what is held only as holding: "have been purchased" asks what was
    bought, and a question asking both asks both."""
    got = {q: {t.measure for t in map_question(q).topics} for q in ASKED_BY_HAVE}
    assert got == ASKED_BY_HAVE


def test_a_count_answering_what_has_been_bought_is_recorded_as_bought_alone():
    question = "How many knife wands have been purchased?"
    topics = map_question(question).topics
    table = read_figures("Year | Knife wands\n2022 | 7\n2023 | 12", topics, "3", question)
    assert [(f.value, f.measure, f.period_label) for f in table.figures] == [
        (7, "devices_deployed", "2022"),
        (12, "devices_deployed", "2023"),
    ]
    said = read_figures("The force purchased 12 knife wands in 2023.", topics, "3", question)
    assert [(f.value, f.measure, f.period_label) for f in said.figures] == [
        (12, "devices_deployed", "2023")
    ]


BOUGHT_IN_2023 = "How many knife wands have been purchased in 2023?"
HELD = "devices_in_service"
# How a reason names a measure: by its label's words (schemas/vocabulary.py), never its id.
HELD_WORDS = "devices held at the end of the period, or at the date given"
BOUGHT_WORDS = "devices newly put into service during the period"


@pytest.mark.parametrize(
    "answer,said",
    [
        ("We have 12 knife wands.", "have 12"),
        ("Northshire Police currently owns 31 knife wands.", "owns 31"),
        ("The force holds a total of 8 search wands.", "holds a total of 8"),
    ],
)
def test_a_number_of_what_is_held_answering_what_was_bought_is_left_for_a_person(answer, said):
    """Words of holding ("we have 12") say what a sentence counts where it names no measure: not
    what was bought, nor a figure of what is held the question did not ask."""
    topics = map_question(BOUGHT_IN_2023).topics
    got = read_figures(answer, topics, "2", BOUGHT_IN_2023, "2024-03-04")
    assert got.figures == ()
    assert [(u.text, u.reason) for u in got.unsure] == [
        (
            said.split()[-1],
            f"the sentence counts {HELD_WORDS} ('{said}'), where the question asks "
            f"{BOUGHT_WORDS}: is it the number asked, or another?",
        )
    ]


@pytest.mark.parametrize(
    "answer,said",
    [
        ("It has, in 2023, 5 knife wands.", "has, in 2023, 5"),
        ("It has, in 2023, 6 knife wands.", "has, in 2023, 6"),
        ("It has, during 2023, 5 knife wands.", "has, during 2023, 5"),
        ("We hold (as at 31 December 2023) 12 knife wands.", "hold (as at 31 December 2023) 12"),
        ("It has – in 2023 – 7 knife wands.", "has – in 2023 – 7"),
        ("It has - in 2023 - 8 knife wands.", "has - in 2023 - 8"),
        # an aside no mark sets apart, its period's year ending it
        ("The force has in 2023 5 knife wands.", "has in 2023 5"),
        ("The force has in 2022 5 knife wands.", "has in 2022 5"),
        ("The force has in 2023 9 knife wands.", "has in 2023 9"),
        ("We hold as at 31 March 2024 12 knife wands.", "hold as at 31 March 2024 12"),
        ("The force had during 2022/23 4 knife wands.", "had during 2022/23 4"),
    ],
)
def test_words_of_holding_reach_a_number_across_an_aside(answer, said):
    """An aside naming a period between "has" and its number ("It has, in 2023, 5") leaves
    "has" the verb of holding: what is held, not what was bought, whatever the period."""
    got = read_figures(answer, map_question(BOUGHT_IN_2023).topics, "2", BOUGHT_IN_2023)
    assert got.figures == () and got.undated == ()
    assert [(u.text, u.quote, u.reason) for u in got.unsure] == [
        (
            said.split()[-1],
            answer,
            f"the sentence counts {HELD_WORDS} ('{said}'), where the question asks "
            f"{BOUGHT_WORDS}: is it the number asked, or another?",
        )
    ]


@pytest.mark.parametrize(
    "answer,value,period",
    [
        ("It has, in 2023, 5 knife wands.", 5, "2023"),
        ("It has, in 2022, 6 knife wands.", 6, "2022"),
        ("It has – in 2022 – 7 knife wands.", 7, "2022"),
        ("We hold (as at 31 December 2023) 12 knife wands.", 12, "31 December 2023"),
        ("The force has in 2023 5 knife wands.", 5, "2023"),
        ("The force has in 2022 5 knife wands.", 5, "2022"),
        ("The force has in 2023 9 knife wands.", 9, "2023"),
        ("We hold as at 31 March 2024 12 knife wands.", 12, "31 March 2024"),
    ],
)
def test_a_number_held_across_an_aside_answers_what_is_held_at_its_period(answer, value, period):
    got = read_figures(answer, map_question(OWNED).topics, "1", OWNED, "2024-03-04")
    assert got.unsure == ()
    assert [(f.value, f.measure, f.period_label) for f in got.figures] == [(value, HELD, period)]


@pytest.mark.parametrize(
    "question",
    [
        "How many knife wands do you have?",
        "How many knife wands have been bought, and how many do you hold now?",
    ],
)
def test_a_number_of_what_is_held_answers_a_question_asking_what_is_held(question):
    topics = map_question(question).topics
    got = read_figures("We have 12 knife wands.", topics, "1", question, "2024-03-04")
    assert [(f.value, f.measure, f.period_start) for f in got.figures] == [
        (12, "devices_in_service", "2024-03-04")
    ]


@pytest.mark.parametrize(
    "answer,value",
    [
        ("The force has bought 12 knife wands.", 12),
        ("We have since acquired 9 knife wands.", 9),
        ("It has, in 2023, bought 5 knife wands.", 5),
        ("It has – in 2023 – bought 6 knife wands.", 6),
        ("It has in 2023 bought 7 knife wands.", 7),
        ("We have been able to identify 14 knife wands.", 14),
        ("We have been able to identify 15 knife wands.", 15),
    ],
)
def test_have_helping_a_verb_or_before_no_number_is_no_holding(answer, value):
    """The verb "have" helping another says nothing of holding: that verb's words, or (naming
    no measure, as "identify" names none) the question's measure say what the number counts.
    "We have been able to identify 14" is how an answer gives what its search of the records
    found: the number asked, as "There were 14 knife wands" is."""
    topics = map_question(BOUGHT_IN_2023).topics
    got = read_figures(answer, topics, "2", BOUGHT_IN_2023, "2024-03-04")
    assert [(f.value, f.measure, f.period_label) for f in got.figures] == [
        (value, "devices_deployed", "2023")
    ]


OWNED = "How many knife wands does the force own?"


@pytest.mark.parametrize("held", [8, 9])
def test_a_technology_named_in_three_words_after_the_number_is_what_it_counts(held):
    """A number counts ("8 hand-held metal detectors") the technology whose name starts in the
    two words after it, however many words the name runs on for."""
    answer = f"The force has {held} hand-held metal detectors."
    got = read_figures(answer, map_question(OWNED).topics, "1", OWNED, "2024-03-04")
    assert got.unsure == ()
    assert [(f.value, f.technology, f.measure, f.period_start, f.quote) for f in got.figures] == [
        (held, "knife_wand", "devices_in_service", "2024-03-04", answer)
    ]


def test_several_technologies_each_named_in_three_words_are_each_their_own():
    question = "How many knife arches and knife wands does the force own?"
    answer = "The force has 4 walk-through metal detectors and 8 hand-held metal detectors."
    got = read_figures(answer, map_question(question).topics, "1", question, "2024-03-04")
    assert got.unsure == ()
    assert [(f.value, f.technology) for f in got.figures] == [(4, "knife_arch"), (8, "knife_wand")]


@pytest.mark.parametrize(
    "answer,said,value",
    [
        ("The force has bought 12 knife wands.", "bought", "12"),
        ("The force has bought 13 knife wands.", "bought", "13"),
        ("We have since acquired 9 knife wands.", "acquired", "9"),
    ],
)
def test_a_number_of_what_was_bought_answering_what_is_held_says_so(answer, said, value):
    """A sentence's own measure (bought) that the question does not ask (what is held), with no
    period: what a person decides first is whether it is the number asked at all."""
    got = read_figures(answer, map_question(OWNED).topics, "1", OWNED, "2024-03-04")
    assert got.figures == () and got.undated == ()
    assert [(u.text, u.reason) for u in got.unsure] == [
        (
            value,
            f"the sentence counts {BOUGHT_WORDS} ('{said}'), where the question asks "
            f"{HELD_WORDS}: is it the number asked, or another?",
        )
    ]


# Each measure of the vocabulary as a reason names it, read one by one: a measure added to
# schemas/vocabulary.py fails this test until its words are read here too.
MEASURES_IN_WORDS = {
    "devices_deployed": BOUGHT_WORDS,
    "devices_in_service": HELD_WORDS,
    "uses": "times the technology was used",
    "failed_uses": "uses that failed",
    "people": "distinct people subjected to the technology",
    "matches": "uses that returned a match",
    "weapons_found": "offensive weapons found through the technology",
    "share_of_uses": "percentage of uses",
    "devices_awaiting_examination": "seized devices waiting for forensic examination at a date",
    "in_use": "whether the force used the technology at the date or in the period",
    "trialled": "whether the force trialled the technology in the period",
    "devices_seized": "digital devices seized or recovered as evidence during the period",
    "arrests": "uses that led to an arrest",
    "referrals": "uses after which the person was referred to another body",
    "time_to_examination": "how long seized devices wait for, or take to, forensic examination",
    "spend": "money spent in the period",
    "staff": "staff or contractors assigned",
    "planned_adoption": "a stated plan to adopt the technology",
    "policy_document": "a policy, procedure or guidance document on the technology",
    "impact_assessment": "a data protection, equality or privacy impact assessment",
    "supplier": "the names of suppliers, products or contracts",
}


# Each breakdown as a reason names it: a breakdown added to schemas/vocabulary.py fails this
# test until its words are read here too.
BREAKDOWNS_IN_WORDS = {
    "none": "none",
    "database": "database",
    "device_owner_role": "device owner role",
    "borough": "borough",
    "age": "age",
    "gender": "gender",
    "ethnicity": "ethnicity",
    "search_reason": "search reason",
    "location": "location",
    "nationality": "nationality",
    "device_type": "device type",
    "offence": "offence",
    "extraction_method": "extraction method",
    "time_to_examination": "time to examination",
    "visa_status": "visa status",
    "follow_up": "follow-up",
}


def test_every_breakdown_is_named_in_words_as_people_write_them():
    assert BREAKDOWN_WORDS == BREAKDOWNS_IN_WORDS


@pytest.mark.parametrize(
    "identifier,words",
    [
        ("follow_up", "follow-up"),
        ("set_up", "set-up"),
        ("check_in", "check-in"),
        ("take_down", "take-down"),
        ("in_use", "in use"),
        ("device_owner_role", "device owner role"),
        ("time_to_examination", "time to examination"),
    ],
)
def test_an_id_reads_as_its_words_a_verb_and_its_particle_hyphenated(identifier, words):
    assert id_words(identifier) == words


def test_every_measure_is_named_in_words_that_read_alone():
    """A measure's words: its label's first clause, without the note of what goes beside it
    ("Percentage of uses, with a breakdown") or an "it" a reason would leave unsaid."""
    assert MEASURE_WORDS == MEASURES_IN_WORDS


@pytest.mark.parametrize(
    "question,asked",
    [
        ("What percentage of knife wand scans were in 2023?", "percentage of uses"),
        ("What proportion of knife wand uses were in 2022?", "percentage of uses"),
        (
            "How many people were scanned with knife wands in 2023?",
            "distinct people subjected to the technology",
        ),
        (
            "How many weapons were found with knife wands in 2023?",
            "offensive weapons found through the technology",
        ),
    ],
)
@pytest.mark.parametrize("held", ["12", "13"])
def test_a_reason_names_the_measure_asked_in_words_that_read_alone(question, asked, held):
    answer = f"We have {held} knife wands."
    got = read_figures(answer, map_question(question).topics, "1", question, "2024-03-04")
    assert got.figures == ()
    assert [(u.text, u.reason) for u in got.unsure] == [
        (
            held,
            f"the sentence counts {HELD_WORDS} ('have {held}'), where the question asks "
            f"{asked}: is it the number asked, or another?",
        )
    ]


@pytest.mark.parametrize("held", ["6", "7"])
def test_a_number_naming_what_no_record_is_held_of_is_not_what_was_bought(held):
    """ "We have no record of the make of the 6 knife wands" counts wands held ("the 6 knife
    wands") and says a record is missing: it does not say 6 were bought."""
    answer = f"We have no record of the make of the {held} knife wands."
    got = read_figures(answer, map_question(BOUGHT_IN_2023).topics, "2", BOUGHT_IN_2023)
    assert got.figures == () and got.undated == ()
    assert [(u.text, u.quote, u.reason) for u in got.unsure] == [
        (
            held,
            answer,
            "the sentence says information is not held ('no record'), and its number names "
            f"{HELD_WORDS} ('the {held} knife wands'), where the question asks {BOUGHT_WORDS}: "
            "is it the number asked, or another?",
        )
    ]


@pytest.mark.parametrize(
    "answer,denied,names",
    [
        ("We have no record of the make of the 6 knife wands.", "no record", "the 6 knife wands"),
        ("We do not hold details of the supplier of our 6 wands.", "not hold", "our 6 wands"),
        ("The make was not recorded for 6 knife wands.", "not recorded", "6 knife wands"),
        ("We keep no record of the make of our 6 wands or cases.", "no record", "our 6 wands"),
    ],
)
def test_a_number_naming_what_information_is_not_held_of_is_left_for_a_person(
    answer, denied, names
):
    """Asked what is held, the number names what the missing information is about: whether it
    is the number asked is for a person."""
    got = read_figures(answer, map_question(OWNED).topics, "1", OWNED, "2024-03-04")
    assert got.figures == ()
    assert [u.reason for u in got.unsure] == [
        f"the sentence says information is not held ('{denied}'), and its number names what "
        f"that is about ('{names}'): is it the number asked, or another?"
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "We have no record of the make, but the force bought 6 knife wands in 2023.",
        "No record of the make is held; the force bought 6 knife wands in 2023.",
    ],
)
def test_a_number_outside_the_clause_saying_what_is_not_held_is_read(answer):
    got = read_figures(answer, map_question(BOUGHT_IN_2023).topics, "2", BOUGHT_IN_2023)
    assert got.unsure == ()
    assert [(f.value, f.measure, f.period_label) for f in got.figures] == [
        (6, "devices_deployed", "2023")
    ]


@pytest.mark.parametrize(
    "answer,value,period",
    [
        (
            "We have no record of the make of our arches and 40 knife wands were bought in 2023.",
            40,
            "2023",
        ),
        (
            "We have no record of the make of our arches and 41 knife wands were bought in 2023.",
            41,
            "2023",
        ),
        (
            "We have no record of the make of our arches and 40 knife wands were bought in 2022.",
            40,
            "2022",
        ),
        (
            "We keep no details of the supplier of our kiosks and 40 knife wands were bought in "
            "2023.",
            40,
            "2023",
        ),
        (
            "The make of our arches was not recorded and 40 knife wands have been bought in 2023.",
            40,
            "2023",
        ),
        (
            "No record is held of the make of our arches and 40 knife wands were bought in 2023.",
            40,
            "2023",
        ),
    ],
)
def test_a_clause_joined_after_a_denial_with_its_own_verb_is_out_of_its_reach(
    answer, value, period
):
    """ "And" (or "or") starting a clause of its own, its subject and finite verb ("and 40
    knife wands were bought"), ends what the denial before it covers: its number is read."""
    got = read_figures(answer, map_question(BOUGHT_IN_2023).topics, "2", BOUGHT_IN_2023)
    assert got.unsure == ()
    assert [(f.value, f.measure, f.period_label, f.quote) for f in got.figures] == [
        (value, "devices_deployed", period, answer)
    ]


@pytest.mark.parametrize(
    "answer,names",
    [
        # another noun the denial covers, joined by "and": no verb of its own
        ("We have no record of the make of our arches and 6 knife wands.", "6 knife wands"),
        # the denial heads its clause's subject: "is held" is that clause's verb, not another's
        ("No record of the make of our arches and 40 knife wands is held.", "40 knife wands"),
        # a verb after a relative pronoun is the noun's own clause
        (
            "We have no record of the make of our arches and 7 knife wands that were bought.",
            "7 knife wands",
        ),
        # a clause the denial asks about ("how many", "which"): its verb is that clause's
        (
            "We have no record of how many arches and 40 knife wands were bought in 2023.",
            "40 knife wands",
        ),
        (
            "We have no record of which arches and 41 knife wands were bought in 2022.",
            "41 knife wands",
        ),
    ],
)
def test_a_noun_joined_in_the_denials_clause_is_still_covered(answer, names):
    got = read_figures(answer, map_question(BOUGHT_IN_2023).topics, "2", BOUGHT_IN_2023)
    assert got.figures == ()
    denied = "No record" if answer.startswith("No record") else "no record"
    assert [u.reason for u in got.unsure] == [
        f"the sentence says information is not held ('{denied}'), and its number names what "
        f"that is about ('{names}'): is it the number asked, or another?"
    ]


def _not_held_of_held(denied: str, names: str) -> str:
    """The reason a number naming devices held that a sentence says information is not held
    of is left, answering what was bought (`BOUGHT_IN_2023`)."""
    return (
        f"the sentence says information is not held ('{denied}'), and its number names "
        f"{HELD_WORDS} ('{names}'), where the question asks {BOUGHT_WORDS}: is it the number "
        "asked, or another?"
    )


SEVERAL = "one of several numbers in a sentence"


@pytest.mark.parametrize(
    "answer,expected",
    [
        (
            "We hold no record of the make of the 6 knife wands or the 4 knife arches.",
            [("6", "no record", "the 6 knife wands"), ("4", "no record", "the 4 knife arches")],
        ),
        (
            "We hold no record of the make of the 7 knife wands or the 3 knife arches.",
            [("7", "no record", "the 7 knife wands"), ("3", "no record", "the 3 knife arches")],
        ),
        (
            "We hold no details of the supplier of the 4 knife arches and 6 knife wands.",
            [("4", "no details", "the 4 knife arches"), ("6", "no details", "6 knife wands")],
        ),
        (
            "We do not hold details of the make of the 4 knife arches, or our 6 knife wands.",
            [("4", "not hold", "the 4 knife arches"), ("6", "not hold", "our 6 knife wands")],
        ),
        (
            "We hold no record of the make of the 6 wands and our 4 arches.",
            [("6", "no record", "the 6 wands"), ("4", "no record", "our 4 arches")],
        ),
        (
            "We bought 3 knife wands in 2023 but hold no record of the make of the 6 knife wands.",
            [("3", None, None), ("6", "no record", "the 6 knife wands")],
        ),
        (
            "We hold no record of the make of the 6 knife wands, and 4 knife arches were bought.",
            [("6", "no record", "the 6 knife wands"), ("4", None, None)],
        ),
        (
            "We hold no record of the make of the 6 knife wands and 4 knife arches were bought.",
            [("6", "no record", "the 6 knife wands"), ("4", None, None)],
        ),
        (
            "We hold no record of the make of the 5 knife wands and 3 knife arches were bought.",
            [("5", "no record", "the 5 knife wands"), ("3", None, None)],
        ),
    ],
)
def test_each_of_several_numbers_a_denial_covers_says_it_is_not_held(answer, expected):
    """Of a sentence's several numbers, each naming what the sentence says is not held (in the
    denial's clause, or listed after one that is: "the 4 knife arches and 6 knife wands", the
    list's "the" naming both) is left with why; the others as one of several."""
    got = read_figures(answer, map_question(BOUGHT_IN_2023).topics, "2", BOUGHT_IN_2023)
    assert got.figures == ()
    assert [(u.text, u.quote, u.reason) for u in got.unsure] == [
        (value, answer, _not_held_of_held(denied, names) if denied else SEVERAL)
        for value, denied, names in expected
    ]


def test_several_numbers_naming_what_is_not_held_are_left_for_a_person():
    question = "How many knife arches and knife wands does the force own?"
    answer = "We hold no details of the make of the 4 knife arches and 6 knife wands."
    got = read_figures(answer, map_question(question).topics, "1", question, "2024-03-04")
    assert got.figures == () and [u.text for u in got.unsure] == ["4", "6"]


@pytest.mark.parametrize(
    "question,measures",
    [
        ("How many wands have been in use?", {"devices_in_service"}),
        ("How many knife arches were in use on 1 April 2023?", {"devices_in_service"}),
        ("How many of your kiosks are currently in service?", {"devices_in_service"}),
        ("How many times were the knife arches in use?", {"uses"}),
        ("How many times have knife wands been in use?", {"uses"}),
        ("On how many occasions have knife arches been in service?", {"uses"}),
        ("What is the number of times knife wands have been in use?", {"uses"}),
        ("How many times have wands been used, and how many do you hold?", {"uses", HELD}),
        ("Have knife wands been in use?", {"in_use"}),
    ],
)
def test_how_many_are_in_use_asks_what_is_held(question, measures):
    """Being "in use" counted ("how many") is what is held; asked yes or no it is `in_use`;
    how many times (or occasions) asks uses alone, whatever verb follows."""
    assert {t.measure for t in map_question(question).topics} == measures


@pytest.mark.parametrize("times", [30, 31])
def test_times_in_use_answered_in_a_sentence_is_a_figure_of_uses(times):
    question = "How many times have knife wands been in use?"
    answer = f"Knife wands were used {times} times in 2023."
    got = read_figures(answer, map_question(question).topics, "1", question, "2024-03-04")
    assert got.unsure == ()
    assert [(f.value, f.measure, f.period_label, f.quote) for f in got.figures] == [
        (times, "uses", "2023", answer)
    ]


def test_a_question_the_vocabulary_cannot_map_is_kept_unmapped():
    got = map_question("Please describe your force's approach to community engagement.")
    assert got.topics == () and got.unmapped and got.text.startswith("Please describe")


def test_a_campaign_question_map_comes_first():
    pinned = {"How many times was the device used?": [Topic("knife_wand", "uses")]}
    got = map_question("4. How many times was the device used?", pinned)
    assert got.source == "question_map" and got.topics == (Topic("knife_wand", "uses"),)
    assert map_question("How many times was the device used?").topics == ()


@pytest.mark.parametrize(
    "answer,status,held_by",
    [
        ("We do not capture this data.", "not_held", None),
        ("The force does not have any information on this.", "not_held", None),
        ("No information is held.", "not_held", None),
        ("This information is held by another force, Kent Police.", "not_held", "kent"),
        (
            "The information is not held in a format that allows its extraction within the "
            "permitted time.",
            "cost_limit",
            None,
        ),
        ("Retrieving it would take more than 18 hours and exceed the limit.", "cost_limit", None),
        ("We estimate that finding it would take over 18 hours.", "cost_limit", None),
        (
            "The force can neither confirm nor deny that it holds this information.",
            "neither_confirm_nor_deny",
            None,
        ),
        ("The information is exempt under Section 31(1)(a).", "refused", None),
        ("Question 4 is refused under section 21.", "refused", None),
        ("This part of your request has been refused under s40(2).", "refused", None),
        ("I am withholding the number of matches under section 31(1)(a).", "refused", None),
        ("The force holds no recorded information relevant to this.", "not_held", None),
        (
            "We have decided to disclose some of the requested information.",
            "partially_disclosed",
            None,
        ),
        ("Please find the information below.", "disclosed", None),
    ],
)
def test_outcomes_read_from_the_forces_words(answer, status, held_by):
    outcome = read_outcome([answer], own_force="surrey")
    assert (outcome.status, outcome.held_by, outcome.quote) == (status, held_by, answer)


@pytest.mark.parametrize(
    "answer",
    [
        "Kent Police neither confirms nor denies whether information is or is not held, by "
        "virtue of Section 31(3).",
        "The force will not confirm or deny whether it holds records, by virtue of Section 31(3).",
        "We are unable to confirm or deny that data is or is not held (Section 31(3)).",
        "The constabulary is neither confirming nor denying that it holds it: Section 31(3).",
    ],
)
def test_neither_confirm_nor_deny_in_the_third_person_or_as_a_refusal_to_say(answer):
    outcome = read_outcome([answer])
    assert (outcome.status, outcome.exemptions) == ("neither_confirm_nor_deny", "s31(3)")


@pytest.mark.parametrize(
    "answer",
    [
        "Whether information is or is not held is a matter for the requester to ask again.",
        "We do not say whether records are or are not recorded.",
        "It is for the force to say whether it does or does not hold this.",
    ],
)
def test_is_or_is_not_held_is_not_said_to_be_not_held(answer):
    outcome = read_outcome([answer])
    assert outcome is None or outcome.status != "not_held"


def test_a_refusal_beside_figures_is_a_partial_disclosure():
    outcome = read_outcome(
        ["Borough data is withheld under section 31 (1)."], figure_quote="2020 | 5"
    )
    assert (outcome.status, outcome.exemptions) == ("partially_disclosed", "s31(1)")


def test_an_answer_that_says_nothing_has_no_outcome():
    assert read_outcome(["Thank you for your request."]) is None
    assert read_outcome(["The force does not have any knife arches."]) is None  # it has none
    assert read_outcome(["This information is not exempt under section 31."]) is None
    for denied in (
        "This is no longer exempt under section 43.",
        "The figure is not considered exempt under section 31.",
        "We do not consider that any exemption applies.",
        "Section 12 does not apply to this part.",
    ):
        assert read_outcome([denied]) is None, denied
    both = read_outcome(["It is not exempt under section 31 but is exempt under section 24(1)."])
    assert (both.status, both.exemptions) == ("refused", "s24(1)")
    considered = "We have considered section 12 and can answer within the limit."
    assert read_outcome([considered]) is None
    for refusal in ("Section 12 applies.", "Section 12 applies: we cannot answer within it."):
        assert read_outcome([refusal]).status == "cost_limit"


ARCHES = Topic(
    "knife_arch", "devices_in_service", period_start="2024-01-01", period_end="2024-12-31"
)


@pytest.mark.parametrize(
    "bound", ["fewer than 5", "more than 100", "at least 40", "up to 30", "over 30", "< 5"]
)
def test_a_bound_is_left_to_a_person(bound):
    reading = read_figures(f"The force owns {bound} knife arches.", [ARCHES], "3")
    assert reading.figures == ()
    assert [u.reason for u in reading.unsure] == ["a bound, not the figure"]
    exact = read_figures(f"The force owns {bound.split()[-1]} knife arches.", [ARCHES], "3")
    assert [f.value for f in exact.figures] == [float(bound.split()[-1])]


@pytest.mark.parametrize(
    "answer,word",
    [
        ("The force owns six knife arches.", "six"),
        ("4. None.", "None"),
        ("Nil.", "Nil"),
        ("The force owns no knife arches.", "no"),
        ("Knife arches were used twelve times in 2024.", "twelve"),
    ],
)
def test_a_number_written_as_a_word_is_left_to_a_person(answer, word):
    reading = read_figures(answer, [ARCHES], "3", "How many knife arches does the force own?")
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [(word, "a number written as a word")]


WEAPONS_FOUND = Topic("knife_wand", "weapons_found")


@pytest.mark.parametrize(
    "answer,value,year",
    [
        ("45 weapons were found using knife wands in 2023.", 45, "2023"),
        ("46 weapons were found using knife wands in 2023.", 46, "2023"),
        ("45 knives were found using knife wands in 2022.", 45, "2022"),
        ("3 bladed articles were found using knife wands in 2023.", 3, "2023"),
    ],
)
def test_a_count_of_weapons_found_is_read(answer, value, year):
    reading = read_figures(answer, [WEAPONS_FOUND], "2")
    got = [(f.value, f.technology, f.measure, f.period_label) for f in reading.figures]
    assert got == [(value, "knife_wand", "weapons_found", year)]
    assert reading.unsure == ()


def test_no_weapons_found_is_a_number_written_as_a_word():
    reading = read_figures("No weapons were found using knife wands in 2023.", [WEAPONS_FOUND])
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [("No", "a number written as a word")]


@pytest.mark.parametrize(
    "sentence", ["No information is held.", "One of the arches is broken.", "No longer used."]
)
def test_words_that_are_not_numbers_here_are_not_listed(sentence):
    assert read_figures(sentence, [ARCHES], "3").unsure == ()


def test_a_rate_or_a_fraction_is_not_a_count():
    searches, matches = Topic("knife_wand", "uses"), Topic("knife_wand", "matches")
    table = "Year    Searches    Match rate\n2022    3,410       29.97\n2023    3,500       32"
    reading = read_figures(table, [searches, matches], "1")
    assert [(f.value, f.measure) for f in reading.figures] == [(3410, "uses"), (3500, "uses")]
    assert {u.text: u.reason for u in reading.unsure} == dict.fromkeys(
        ("29.97", "32"), "a rate or an average (its column says so), not a count"
    )
    european = read_figures("Year | Searches\n2022 | 1.377", [searches], "1")
    assert european.figures == () and [u.reason.split(":")[0] for u in european.unsure] == [
        "a count with a fraction"
    ]
    # a rate named elsewhere (the question, another clause) leaves a count a count
    asked = "How many searches in 2022? Please also give the monthly average."
    assert [f.value for f in read_figures("2022 = 1,200", [searches], "1", asked).figures] == [1200]
    spend = Topic("phone_extraction", "spend")
    pence = read_figures("Year | Spend (£)\n2021 | 12,345.67", [spend], "2")
    assert [f.value for f in pence.figures] == [12345.67]


@pytest.mark.parametrize(
    "answer",
    [
        "2022 = 5 or fewer",
        "2022 = 1,010 (at least)",
        "The scanners were used 40+ times in 2022.",
        "Up to 31 March 2022, the scanners were used 4,512 times.",
        "Since 1 January 2022, 9 scanners were bought.",
    ],
)
def test_a_bound_or_a_running_total_after_or_around_a_number_is_unsure(answer):
    scanners = Topic("mobile_fingerprint_scanner", "uses")
    assert read_figures(answer, [scanners], "1").figures == ()


@pytest.mark.parametrize(
    "answer",
    [
        "In the last 12 months, 450 searches were carried out.",
        "Over the past two years the force carried out 450 searches.",
        "To date, a total of 450 searches have been carried out.",
        "Since the scanners were introduced, 450 searches have been carried out.",
        "So far this year 450 searches have been carried out.",
        "450 searches have been carried out in the current financial year.",
        "In the 12 months to December 2023, 450 searches were carried out.",
        "In the six months ending June 2023, 450 searches were carried out.",
    ],
)
def test_a_running_total_or_a_period_counted_back_from_the_letter_is_unsure(answer):
    asked = Topic(
        "mobile_fingerprint_scanner", "uses", period_start="2023-01-01", period_end="2023-12-31"
    )
    reading = read_figures(answer, [asked], "1", "How many searches were carried out in 2023?")
    assert reading.figures == ()
    assert [u.text for u in reading.unsure] == ["450"]
    assert "running total" in reading.unsure[0].reason


@pytest.mark.parametrize("heading", ["Cumulative searches", "Searches to date", "Running total"])
def test_a_column_of_running_totals_is_unsure(heading):
    searches = Topic("mobile_fingerprint_scanner", "uses")
    table = f"Year | {heading}\n2021 | 1,100\n2022 | 2,350"
    reading = read_figures(table, [searches], "1")
    assert reading.figures == ()
    assert {u.reason for u in reading.unsure} == {
        "a running total (its column says so), not a period's figure"
    }
    across = read_figures(f"Measure | 2021 | 2022\n{heading} | 1,100 | 2,350", [searches], "1")
    assert across.figures == () and len(across.unsure) == 2


def test_a_policy_word_in_the_sentence_does_not_make_a_count_a_document():
    uses = Topic("phone_extraction", "uses", period_start="2023-01-01", period_end="2023-12-31")
    said = "In accordance with force guidance, kiosks were used 870 times in 2023."
    assert [(f.value, f.measure) for f in read_figures(said, [uses], "3").figures] == [
        (870, "uses")
    ]


def test_years_across_with_an_empty_corner_keep_their_years():
    uses = Topic("phone_extraction", "uses")
    table = "                 2021      2022      2023\nKiosk uses        900     1,100     1,250"
    got = [(f.value, f.period_label) for f in read_figures(table, [uses], "1").figures]
    assert got == [(900, "2021"), (1100, "2022"), (1250, "2023")]


def test_a_note_beside_a_row_of_a_table_aligned_by_spaces_is_not_a_cell():
    uses = Topic("phone_extraction", "uses")
    table = "Year      Uses\n2022     1,100  (provisional figure, see note 2)"
    assert [f.value for f in read_figures(table, [uses], "1").figures] == [1100]


def test_deployed_on_occasions_counts_uses_not_devices():
    """'Deployed on 35 occasions' counts deployments: never the devices deployed, which the
    question may ask beside them."""
    uses = Topic("knife_arch", "uses", period_start="2022-01-01", period_end="2022-12-31")
    deployed = Topic("knife_arch", "devices_deployed", "none", "2022-01-01", "2022-12-31")
    answer = "Knife arches were deployed on 35 occasions during 2022."
    assert [(f.value, f.measure) for f in read_figures(answer, [uses], "2").figures] == [
        (35, "uses")
    ]
    both = read_figures(answer, [uses, deployed], "2")
    assert both.figures == () and [u.text for u in both.unsure] == ["35"]
    devices = read_figures("The force bought 4 knife arches in 2022.", [uses, deployed], "2")
    assert [(f.value, f.measure) for f in devices.figures] == [(4, "devices_deployed")]


SEARCHES_2023 = Topic("mobile_fingerprint_scanner", "uses", "none", "2023-01-01", "2023-12-31")


@pytest.mark.parametrize(
    "answer,part",
    [
        ("In 2023, 45 searches were of children.", "age"),
        ("In 2023, 400 searches were of White people.", "ethnicity"),
        ("In 2023, 30 searches were of women.", "gender"),
        ("In 2023, 12 searches were of juveniles.", "age"),
    ],
)
def test_a_count_of_a_part_is_not_read_as_the_total(answer, part):
    reading = read_figures(answer, [SEARCHES_2023], "2")
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [
        (answer.split()[2], f"a part of the total ({part}), not the total")
    ]
    total = read_figures("In 2023 there were 2,115 searches.", [SEARCHES_2023], "2")
    assert [f.value for f in total.figures] == [2115]


@pytest.mark.parametrize(
    "question,answer,reason",
    [
        (
            "How many fingerprint searches were of children under 18 in 2023?",
            "In 2023, 45 searches were of children.",
            "a part of age ('children'), where the question asks for a part alone ('children "
            "under 18'): is it the part asked, and which value of age is it?",
        ),
        (
            "How many fingerprint searches were of women in 2023?",
            "In 2023, 30 searches were of women.",
            "a part of gender ('women'), where the question asks for a part alone ('women'): is "
            "it the part asked, and which value of gender is it?",
        ),
    ],
)
def test_a_part_answering_a_question_of_a_part_alone_asks_a_person_if_it_is_that_part(
    question, answer, reason
):
    reading = read_figures(answer, map_question(question).topics, "2", question)
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [(answer.split()[2], reason)]


@pytest.mark.parametrize(
    "question,answer,part",
    [
        (
            "How many fingerprint searches were of children under 18 in 2023?",
            "In 2023 there were 2,115 searches.",
            "children under 18",
        ),
        ("How many wand searches were of women in 2023?", "Year | Searches\n2023 | 310", "women"),
    ],
)
def test_a_total_answering_a_question_of_a_part_alone_asks_a_person_which_it_is(
    question, answer, part
):
    reading = read_figures(answer, map_question(question).topics, "2", question)
    assert reading.figures == ()
    [unsure] = reading.unsure
    assert unsure.reason == (
        f"a total, where the question asks for a part alone ('{part}'): is this total what was "
        "asked, or is the part missing from the answer?"
    )


def test_a_share_is_not_read_as_a_count_of_another_measure():
    matches = Topic("knife_wand", "matches", period_start="2024-01-01", period_end="2024-12-31")
    reading = read_figures("38% of searches in 2024 returned a match.", [matches], "6")
    assert reading.figures == () and [u.text for u in reading.unsure] == ["38"]


def test_a_blank_cell_of_a_table_aligned_by_spaces_keeps_its_column():
    searches, matches = Topic("knife_wand", "uses"), Topic("knife_wand", "matches")
    table = "Year    Searches    Matches\n2022    3,410       1,022\n2023                {}"
    got = read_figures(table.format("1,190"), [searches, matches], "1")
    assert [(f.value, f.measure, f.period_label) for f in got.figures][2:] == [
        (1190, "matches", "2023")
    ]
    between = table.replace("                {}", "             19")  # beneath no heading
    moved = read_figures(between, [searches, matches], "1")
    assert [(f.value, f.measure) for f in moved.figures][2:] == []
    assert [(u.text, u.reason) for u in moved.unsure] == [
        ("19", "a blank cell: which column each value stands in is not sure")
    ]


@pytest.mark.parametrize(
    "rows",
    [
        ["2021  120  14", "2022  98  11", "2023  77"],  # each heading from where its column starts
        ["2021       120      14", "2022        98      11", "2023        77"],  # ... or ends
    ],
    ids=["left", "right"],
)
def test_headings_a_single_space_apart_are_split_over_the_columns_beneath(rows):
    searches, matches = Topic("knife_wand", "uses"), Topic("knife_wand", "matches")
    table = "\n".join(["Year  Searches Matches", *rows])
    got = read_figures(table, [searches, matches], "1")
    assert [(f.value, f.measure, f.period_label) for f in got.figures] == [
        (120, "uses", "2021"),
        (14, "matches", "2021"),
        (98, "uses", "2022"),
        (11, "matches", "2022"),
        (77, "uses", "2023"),  # the short row's value, by where it stands
    ]
    assert got.unsure == ()


def test_a_row_under_headings_parted_by_position_may_leave_a_cell_blank():
    uses, matches, arrests = (Topic("knife_wand", m) for m in ("uses", "matches", "arrests"))
    table = "Year  Searches Matches  Arrests\n2021  120  14\n2022  98  11            3"
    got = read_figures(table, [uses, matches, arrests], "1")
    assert [(f.value, f.measure, f.period_label) for f in got.figures] == [
        (120, "uses", "2021"),
        (14, "matches", "2021"),
        (98, "uses", "2022"),
        (11, "matches", "2022"),
        (3, "arrests", "2022"),
    ]


@pytest.mark.parametrize(
    "heading,rows",
    [
        # the headings neither start nor end where their columns do
        ("Year  Searches Matches", ["2021    120   14", "2023  77"]),
        # the rows part the words differently: "Stop searches | Matches", "Stop | searches Matches"
        ("Year  Stop searches Matches", ["2021  120        14", "2022  98   11"]),
    ],
)
def test_headings_run_together_that_no_position_parts_leave_their_values_unsure(heading, rows):
    searches, matches = Topic("knife_wand", "uses"), Topic("knife_wand", "matches")
    table = "\n".join([heading, *rows])
    got = read_figures(table, [searches, matches], "1")
    assert got.figures == ()
    assert {u.reason for u in got.unsure} == {
        "headings run together: which column each value stands in is not sure"
    }


SEVERAL_MEASURES = "the heading names several measures: which one each value counts is not sure"
SEVERAL_VALUES = (
    "the heading names several breakdown values: which one each value counts is not sure"
)


@pytest.mark.parametrize(
    "table",
    [
        # no row holds two values beneath the heading, so no position parts it
        "Year  Searches Matches\n2023  77",
        "Year  Searches Matches\n2022  98\n2023  77",
        "Year  Number of searches Number of matches\n2023  77",
        "YEAR  SEARCHES MATCHES\n2023  77",
        "Year | Searches Matches\n2023 | 77",
    ],
)
def test_values_beneath_a_heading_naming_several_measures_are_left_unsure(table):
    searches, matches = Topic("knife_wand", "uses"), Topic("knife_wand", "matches")
    got = read_figures(table, [searches, matches], "1")
    assert got.figures == ()
    assert got.unsure and {u.reason for u in got.unsure} == {SEVERAL_MEASURES}


@pytest.mark.parametrize(
    "asked",
    [Topic("knife_wand", "matches", "database"), Topic("knife_wand", "matches")],
    ids=["by database", "in total"],
)
def test_values_beneath_a_heading_naming_several_breakdown_values_are_left_unsure(asked):
    got = read_figures("Year  Police Immigration\n2023  77", [asked], "1")
    assert got.figures == ()
    assert [(u.text, u.reason) for u in got.unsure] == [("77", SEVERAL_VALUES)]


@pytest.mark.parametrize(
    "heading,value,measure,breakdown_value",
    [
        ("Number of searches", "77", "uses", None),
        ("Total matches", "77", "matches", None),  # "Police matches": a part, unsure
        ("Searches resulting in a match", "77", "matches", None),  # one measure, in one phrase
        ("Number of people arrested", "77", "arrests", None),
        ("Percentage of searches", "61%", "share_of_uses", None),
        ("Police and immigration matches", "77", "matches", None),
    ],
)
def test_a_heading_of_several_words_naming_one_measure_reads_its_values(
    heading, value, measure, breakdown_value
):
    topics = [Topic("knife_wand", m) for m in ("uses", "matches", "arrests", "share_of_uses")]
    got = read_figures(f"Year  {heading}\n2023  {value}", topics, "1")
    assert [(f.measure, f.breakdown_value) for f in got.figures] == [(measure, breakdown_value)]
    assert got.unsure == ()


def test_a_column_heading_qualifies_its_figures():
    uses = Topic("phone_extraction", "uses")
    table = "Year    Extractions{}\n2022    3,410"
    qualifiers = [
        read_figures(table.format(h), [uses], "1").figures[0].qualifier for h in ("", " (approx.)")
    ]
    assert qualifiers == ["exact", "approximate"]


SCANS = Topic("mobile_fingerprint_scanner", "uses")
WANDS_2023 = Topic("knife_wand", "uses", period_start="2023-01-01", period_end="2023-12-31")


@pytest.mark.parametrize(
    "answer,topic,qualifier",
    [
        ("The force carried out about 1,900 searches in 2023.", SCANS, "approximate"),
        ("The force carried out an estimated 1,900 searches in 2023.", SCANS, "approximate"),
        ("The force carried out 1,900 searches in 2023 (estimate).", SCANS, "approximate"),
        ("2023 = 1,900 (estimated)", SCANS, "approximate"),
        ("2023: c. 1,900", SCANS, "approximate"),
        # an estimate alone answers its question
        ("About 1,900.", WANDS_2023, "approximate"),
        ("1. An estimated 1,900.", WANDS_2023, "approximate"),
        ("Roughly 1,900.", WANDS_2023, "approximate"),
        # "about" a subject is no estimate
        (
            "In answer to your question about 2023, 1,900 searches were carried out.",
            Topic("knife_wand", "uses"),
            "exact",
        ),
        (
            "Information about knife wands: in 2023 the force carried out 1,900 searches.",
            Topic("knife_wand", "uses"),
            "exact",
        ),
    ],
)
def test_an_estimate_is_approximate_and_about_a_subject_is_not(answer, topic, qualifier):
    got = [(f.value, f.qualifier) for f in read_figures(answer, [topic], "1").figures]
    assert got == [(1900, qualifier)]


@pytest.mark.parametrize(
    "table",
    [
        "Year | Searches | Matches\n2021 | 700 | 30 (approx.)\n2022 | 900 (not complete) | 45",
        "Year   Searches               Matches\n2021   700                    30 (approx.)\n"
        "2022   900 (not complete)     45",
        "Measure | 2021 | 2022\nSearches | 700 | 900 (not complete)\nMatches | 30 (approx.) | 45",
    ],
)
def test_a_qualifier_in_a_cell_qualifies_that_cell_alone(table):
    topics = [Topic("knife_wand", "uses"), Topic("knife_wand", "matches")]
    got = {
        (f.measure, f.period_label): (f.value, f.qualifier)
        for f in read_figures(table, topics, "1").figures
    }
    assert got == {
        ("uses", "2021"): (700, "exact"),
        ("matches", "2021"): (30, "approximate"),
        ("uses", "2022"): (900, "partial_coverage"),
        ("matches", "2022"): (45, "exact"),
    }


def test_a_note_beside_a_row_qualifies_its_only_value_and_leaves_several_unsure():
    topics = [Topic("knife_wand", "uses"), Topic("knife_wand", "matches")]
    one = read_figures("Year   Searches\n2022   900         (not complete)", topics[:1], "1")
    assert [(f.value, f.qualifier) for f in one.figures] == [(900, "partial_coverage")]
    table = "Year   Searches   Matches\n2022   900        45          (not complete)"
    several = read_figures(table, topics, "1")
    assert several.figures == ()
    assert [u.text for u in several.unsure] == ["900", "45"]


def test_a_bound_in_a_cell_is_left_to_a_person():
    table = "Year | Searches | Matches\n2021 | 700 | 30 (at least)"
    reading = read_figures(table, [Topic("knife_wand", "uses"), Topic("knife_wand", "matches")])
    assert [f.value for f in reading.figures] == [700]
    assert [(u.text, u.reason) for u in reading.unsure] == [("30", "a bound, not the figure")]


def test_figures_and_unsure_numbers():
    scans = Topic("knife_wand", "uses")
    reading = read_figures(
        "2016 = 32\nAround 40 scans were made in 2017.\n"
        "We have 12 wands.\nThe 3 teams made 7 scans.\nIn 2018 we had 2 teams using them.",
        [scans],
        "1",
    )
    got = [(f.value, f.period_label, f.qualifier) for f in reading.figures]
    assert got == [(32.0, "2016", "exact"), (40.0, "2017", "approximate")]
    assert {(u.text, u.reason) for u in reading.unsure} == {
        (
            "12",
            f"the sentence counts {HELD_WORDS} ('have 12'), where the question asks times the "
            "technology was used: is it the number asked, or another?",
        ),
        ("3", "one of several numbers in a sentence"),
        ("7", "one of several numbers in a sentence"),
        ("2", "a number in no shape of a figure"),  # 2 teams: not what the question counts
    }


def test_percentages_only_where_a_share_is_asked():
    share = Topic("phone_extraction", "share_of_uses")
    reading = read_figures("2024 | 61%", [share], "2")
    assert [(f.value, f.unit, f.breakdown) for f in reading.figures] == [(61.0, "percent", "none")]
    by_role = Topic("phone_extraction", "share_of_uses", "device_owner_role")
    victims = read_figures("Victims' devices | 2024\n | 61%", [by_role], "2")
    assert [u.text for u in victims.unsure] == ["61"]  # which role the row is, it does not say
    assert read_figures("2024 | 61%", [Topic("phone_extraction", "uses")], "2").figures == ()


def test_yes_and_no_answer_a_do_you_use_question():
    in_use = Topic("knife_arch", "in_use", period_start="2024-01-01", period_end="2024-12-31")
    yes = read_figures("Yes, two arches.", [in_use], "1", "Do you use knife arches?")
    no = read_figures("No.", [in_use], "1", "Do you use knife arches?")
    for answer, value in [("No there are no such plans.", 0), ("Yes these are used.", 1)]:
        reading = read_figures(answer, [in_use], "1", "Do you use knife arches?")
        assert [f.value for f in reading.figures] == [value]
    for determiner in ("No information is held.", "No records are kept.", "No knife arches."):
        assert read_figures(determiner, [in_use], "1", "Do you use knife arches?").figures == ()
    assert [(f.value, f.unit, f.period_label) for f in yes.figures + no.figures] == [
        (1.0, "yes_no", "2024"),  # a campaign's question map gives the days, not a label
        (0.0, "yes_no", "2024"),
    ]
    today = Topic("knife_arch", "in_use")
    dated = read_figures("Yes.", [today], "1", "Do you use knife arches?", as_at="2025-06-09")
    assert [(f.value, f.period_start, f.period_end) for f in dated.figures] == [
        (1.0, "2025-06-09", "2025-06-09")
    ]
    in_february = read_figures("Yes.", [today], "1", "Do you use knife arches?", as_at="2024-02")
    assert [(f.period_start, f.period_end) for f in in_february.figures] == [
        ("2024-02-01", "2024-02-29")
    ]
    undated = read_figures("Yes.", [today], "1", "Do you use knife arches?")
    assert undated.figures == () and [u.text for u in undated.unsure] == ["Yes"]


def test_forces_by_short_name_body_slug_and_site():
    assert [f for f, _ in forces_named("The MPS and PSNI and Devon & Cornwall Police")] == [
        "metropolitan",
        "psni",
        "devon-and-cornwall",
    ]
    assert force_named("the_met") == "metropolitan" and force_named("wmp") == "west-midlands"
    assert force_by_host("https://beta.northumbria.police.uk/about-us/") == "northumbria"
    assert force_by_host("https://example.org/") is None


def test_an_unknown_layout_is_read_plainly_and_unsure_fields_stay_none():
    response = read_response(document("Some notes about 12 things.\nNothing else."))
    assert response.layout == "plain"
    assert (response.force_id, response.reference, response.response_date) == (None, None, None)


def test_a_new_layout_is_a_data_entry(monkeypatch):
    original = layout_data.schema_yaml("layouts.yaml")
    entry = {
        "id": "example-log",
        "force": "kent",
        "requires": ["^Example Log Entry"],
        "markers": ["^Example Log Entry", "^Ref No\\."],
        "chrome": ["^Example Log Entry$"],
        "request": ["^Asked:$"],
        "answer": ["^Told:$"],
        "fields": {"reference": ["^Ref No\\. (?P<value>\\S+)$"]},
    }
    patched = {**original, "profiles": [entry, *original["profiles"]]}
    monkeypatch.setattr(layout_profiles, "schema_yaml", lambda name: patched)
    layout_profiles.profiles.cache_clear()
    try:
        response = read_response(
            document("Example Log Entry\nRef No. KX-12\nAsked:\n1. How many?\nTold:\n1. None held.")
        )
    finally:
        monkeypatch.undo()
        layout_profiles.profiles.cache_clear()
    assert (response.layout, response.force_id, response.reference) == (
        "example-log",
        "kent",
        "KX-12",
    )
    assert [q.number for q in response.questions] == ["1"]
    assert "Example Log Entry" not in response.body


def test_show_text_prints_the_text_without_chrome(cli):
    fixture = Path(__file__).parent / "fixtures" / "layouts" / "met.html"
    result = cli("show-text", fixture)
    assert result.exit_code == 0, result.output
    assert "layout: police-platform/met (force metropolitan" in result.stderr
    assert result.stdout.startswith("Freedom of information request reference no: 01.FOI.24.004321")
    assert "cookie" not in result.stdout


def test_show_text_of_a_missing_file_is_a_user_error(cli, tmp_path):
    result = cli("show-text", tmp_path / "absent.txt")
    assert result.exit_code == 1 and "no such file" in result.output


LINES = st.sampled_from(
    [
        "Dear Sir,",
        "Response",
        "Request:",
        "1. How many scans in 2019/20?",
        "Q2 - matches",
        "a) by age",
        "2018 | 45 | 3",
        "2019    12",
        "| 2018 | 2019 |",
        "2016 = 32 and 4",
        "As at 5 February 2020, 1345 devices await examination.",
        "This is exempt under Section 31(1)(a) and (b).",
        "The information is not held.",
        "Yes.",
        "Quickly exit this site by pressing the Escape key",
        "Yours sincerely,",
        "",
        "Knife Arches",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=30)), max_size=25))
def test_any_text_is_read_without_an_error(lines):
    text = "\n".join(lines)
    response = read_response(document(text))
    meaning = read_meaning(response)
    for row in meaning.outcomes + meaning.figures:
        assert row.quote in text


def test_paragraphs_written_together_are_each_cited():
    assert sections_cited("exempt by virtue of Section 31(1)(a)(b)") == ["s31(1)(a)", "s31(1)(b)"]


ATTACHED = """Cyber Kiosk Use (233B/22)
Request
How many phones were examined with a cyber kiosk in 2021?
Response
{answer}
"""
WEST_MIDLANDS_PAGE = "https://foi.west-midlands.police.uk/cyber-kiosk-use-233b-22/"


def test_an_answer_in_an_attachment_is_left_to_a_person_with_the_reason():
    page = ATTACHED.format(answer="Please find our response attached.")
    meaning = read_meaning(read_response(document(page), WEST_MIDLANDS_PAGE))
    assert meaning.outcomes == ()
    assert meaning.unsure_outcomes == ("request",)
    assert meaning.unsure_reasons == {"request": "the answer is in an attachment that was not read"}


@pytest.mark.parametrize(
    "answer",
    [
        "We have no record of the make of the knife wands.",
        "We have no record of the make of the knife arches.",
        "We keep no details of the supplier of the knife wands.",
        "The force does not know the make of its kiosks.",
        "We have no record of the make of the 6 knife wands.",
    ],
)
def test_an_answer_saying_other_information_is_not_held_gives_its_unsure_outcome_a_reason(
    answer,
):
    """An answer saying some information is not held ("no record of the make") where no
    phrase says the question's own is not held: what was found (its sentence) and what is
    unsure (whether that is the information asked) is the person's to decide."""
    page = ATTACHED.format(answer=answer)
    meaning = read_meaning(read_response(document(page), WEST_MIDLANDS_PAGE))
    assert meaning.outcomes == ()
    assert meaning.unsure_outcomes == ("request",)
    assert meaning.unsure_reasons == {
        "request": f"the answer says information is not held ('{answer}'), but not whether it "
        "is what the question asks: not held, or answered another way?"
    }


def test_an_answer_stated_in_the_text_gives_no_unsure_reason():
    page = ATTACHED.format(answer="West Midlands Police does not hold this information.")
    meaning = read_meaning(read_response(document(page), WEST_MIDLANDS_PAGE))
    assert [o.status for o in meaning.outcomes] == ["not_held"]
    assert meaning.unsure_reasons == {}


NOTICE_LETTER = """Our ref: 0412/25
Dear Requester,
You asked:
1. How many times were knife arches deployed in 2024?
2. How many knife wands did the force own in 2024?
Response
1. {first}
2. {second}
{notice}
Yours sincerely
Information Rights Unit
Kent Police
"""
NOTICE = "This letter serves as a refusal notice under section 17 of the Act."


def _notice_letter(**parts) -> dict[str | None, tuple[str, str | None]]:
    text = NOTICE_LETTER.format(**parts)
    meaning = read_meaning(read_response(document(text)))
    return {o.question: (o.status, o.exemptions) for o in meaning.outcomes}


@pytest.mark.parametrize(
    "second,status",
    [("The force owned 14 knife wands in 2024.", "disclosed"), ("It is not held.", "not_held")],
)
def test_a_refusal_notice_after_the_last_answer_speaks_of_the_whole_response(second, status):
    refused = "The number of deployments is exempt under section 31(1)(a) of the Act."
    got = _notice_letter(first=refused, second=second, notice=NOTICE)
    assert got == {"1": ("refused", "s31(1)(a)"), "2": (status, None)}


def test_the_sections_a_refusal_notice_cites_stand_for_a_refusal_citing_none():
    got = _notice_letter(
        first="The number of deployments is exempt.",
        second="The force owned 14 knife wands in 2024.",
        notice=NOTICE.replace("Act.", "Act, relying on section 31(1)(a) (law enforcement)."),
    )
    assert got == {"1": ("refused", "s31(1)(a)"), "2": ("disclosed", None)}


def test_only_the_notice_leaves_a_last_answer_that_runs_over_two_paragraphs():
    second = "The force owned 14 knife wands in 2024.\nHow often they were used is exempt."
    got = _notice_letter(first="It is not held.", second=second, notice=NOTICE)
    assert got == {"1": ("not_held", None), "2": ("partially_disclosed", None)}


def test_a_refusal_notice_that_is_a_questions_whole_answer_stays_its_answer():
    got = _notice_letter(
        first="The force owned 14 knife wands in 2024.",
        second=f"{NOTICE[:-1]}: the number is exempt under section 24(1).",
        notice="",
    )
    assert got == {"1": ("disclosed", None), "2": ("refused", "s24(1)")}


def test_a_refusal_notice_decides_a_single_question():
    letter = (
        "Our ref: 0413/25\nDear Requester,\nYou asked how many knife wands the force owns.\n"
        "Response\nThis response acts as a refusal notice under section 17 of the Act, "
        "in reliance on section 31(1)(a).\nYours sincerely\nInformation Rights Unit\nKent Police\n"
    )
    outcomes = read_meaning(read_response(document(letter))).outcomes
    assert [(o.status, o.exemptions) for o in outcomes] == [("refused", "s31(1)(a)")]


PART_LETTER = """Our ref: 0414/25
Dear Requester,
You asked:
1. {question}
Response
1. This information is not held.
Yours sincerely
Information Rights Unit
Kent Police
"""


@pytest.mark.parametrize(
    "question,breakdowns",
    [
        ("How many knife wand searches were of children under 18 in 2024?", ["age"]),
        ("How many knife wand searches were of women in 2024?", ["gender"]),
        ("How many knife wand searches were there in 2024, by age?", ["none", "age"]),
    ],
)
def test_an_outcome_speaks_for_the_part_a_question_asks_not_the_total(question, breakdowns):
    meaning = read_meaning(read_response(document(PART_LETTER.format(question=question))))
    [outcome] = meaning.outcomes
    assert outcome.status == "not_held"
    assert [t.breakdown for t in meaning.topics_of(outcome)] == breakdowns
