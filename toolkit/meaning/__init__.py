"""What a response means: each question's topics, each answer's outcome, the figures.

    from multiforce.toolkit.layouts import read_response
    from multiforce.toolkit.meaning import read_meaning
    meaning = read_meaning(read_response(document), question_map=None)
    meaning.questions, meaning.outcomes, meaning.figures, meaning.unsure_figures, ...

Vocabularies are data: schemas/questions.yaml and schemas/phrases.yaml (docs/reading.md).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..cleaning import Period
from ..layouts.response import Response
from .figures import FigureReading, read_figures, read_response_figures
from .outcomes import Outcome, OutcomeReading, read_outcome, read_outcomes, sections_cited
from .periods import financial_year, period_in, period_named
from .questions import QuestionTopics, Topic, map_question, map_questions
from .recording import Figure, Unsure, id_words

WITHHOLDING = frozenset({"refused", "partially_disclosed"})  # what a footnote says of its mark


@dataclass(frozen=True)
class Meaning:
    """Everything read from one response. `unmapped` lists the questions with no topics,
    `unsure_outcomes` the questions whose outcome the text does not say, and
    `unsure_figures` the numbers that may be figures: all for a person to decide."""

    questions: tuple[QuestionTopics, ...]
    outcomes: tuple[Outcome, ...]
    figures: tuple[Figure, ...]
    unsure_outcomes: tuple[str | None, ...]
    unsure_figures: tuple[Unsure, ...]
    # why an unsure outcome is unsure, where the text says: label -> reason
    unsure_reasons: Mapping[str | None, str] = field(default_factory=dict)
    # (line, its periods) of each table's heading row of periods: FigureReading's
    period_headings: tuple[tuple[str, tuple[Period, ...]], ...] = ()
    # (line, its labels) of each table's line whose labels name parts: FigureReading's
    part_headings: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def unmapped(self) -> tuple[QuestionTopics, ...]:
        return tuple(q for q in self.questions if not q.topics)

    def topics_of(self, outcome: Outcome) -> tuple[Topic, ...]:
        """The topics an outcome speaks for: those it is limited to, else every topic its
        question asks."""
        if outcome.topics:
            return outcome.topics
        return next((q.topics for q in self.questions if q.label == outcome.question), ())


def read_meaning(
    response: Response, question_map: Mapping[str, Iterable[Topic]] | None = None
) -> Meaning:
    """Map the questions, read the figures of each answer, then each answer's outcome."""
    questions = map_questions(response, question_map)
    figures = read_response_figures(response, questions)
    first_quotes: dict[str, str] = {}
    for figure in figures.figures:
        if figure.question is not None:  # a question's outcome is looked up by its label
            first_quotes.setdefault(figure.question, figure.quote)
    # a number giving what the question asks discloses it, though its period wants a date,
    # and so does a sum of the spend asked that is left for a person for how it is written
    # ("£12k", "2021 | £12,500"): the answer says what was done, its figure is the doubt
    for label, quote in (*figures.undated, *figures.sums_unread):
        if label is not None:
            first_quotes.setdefault(label, quote)
    hidden: dict[str | None, list[str]] = {}
    for label, footnote in figures.hidden:
        if footnote not in hidden.setdefault(label, []):
            hidden[label].append(footnote)
    blanks: dict[str | None, list[str]] = {}
    for label, blank in figures.blanks:
        blanks.setdefault(label, []).append(blank)
    # only an answer with figures is a partial disclosure that may be split
    asked = {q.label: q.topics for q in questions if q.label in first_quotes}
    not_whole = {**hidden, **blanks}
    given = _given(figures, asked, not_whole)
    outcomes = read_outcomes(response, first_quotes, asked, given, _years_given(figures))
    outcomes = _some_topics_unanswered(outcomes, asked, given, figures)
    if not_whole:
        outcomes = _partly_hidden(outcomes, hidden, blanks, response)
    outcomes = _numbers_left(outcomes, figures)
    return Meaning(
        questions,
        outcomes.outcomes,
        figures.figures,
        outcomes.unsure,
        figures.unsure,
        outcomes.reasons,
        figures.period_headings,
        figures.part_headings,
    )


def _given(
    figures: FigureReading,
    asked: Mapping[str, tuple[Topic, ...]],
    hidden: Mapping[str | None, list[str]],
) -> dict[str, frozenset[Topic]]:
    """The topics of each question that the figures of its own answer give, none where the
    answer hides a number (a table's "*") or leaves a figure's cell blank: that topic is not
    given in full."""
    read = {(f.question, f.technology, f.measure, f.breakdown) for f in figures.figures}
    return {
        label: frozenset(t for t in topics if (label, t.technology, t.measure, t.breakdown) in read)
        for label, topics in asked.items()
        if label not in hidden
    }


def _some_topics_unanswered(
    reading: OutcomeReading,
    asked: Mapping[str, tuple[Topic, ...]],
    given: Mapping[str, frozenset[Topic]],
    figures: FigureReading,
) -> OutcomeReading:
    """The outcomes, where a question asks several topics and its answer's figures give some,
    every number of the answer read, nothing said of the others ("There were 1,200 searches in
    2023." answering how many searches and how many arrests): a disclosure of the topics given
    alone, and the question left for a person, who knows whether the rest went unanswered (not
    held, withheld, overlooked). A partial disclosure is never guessed, nor a full one."""
    doubted = {unsure.question for unsure in figures.unsure}
    outcomes: list[Outcome] = []
    unsure = list(reading.unsure)
    reasons = dict(reading.reasons)
    for outcome in reading.outcomes:
        label = outcome.question
        topics = asked.get(label, ()) if label is not None else ()
        shown = given.get(label, frozenset()) if label is not None else frozenset()
        missing = [topic for topic in topics if topic not in shown]
        if outcome.status != "disclosed" or outcome.topics or not shown or not missing:
            outcomes.append(outcome)
            continue
        if label in doubted:  # a number of the answer not read may be the rest
            outcomes.append(outcome)
            continue
        limited = tuple(t for t in topics if t in shown)
        outcomes.append(
            Outcome(label, outcome.status, outcome.quote, outcome.exemptions, topics=limited)
        )
        unsure.append(label)
        reasons[label] = (
            f"its figures give {_topics_in_words(shown)} only, and it says nothing of "
            f"{_topics_in_words(missing)}: answered in part (the rest not held, withheld or "
            "overlooked), or in full?"
        )
    return OutcomeReading(tuple(outcomes), tuple(unsure), reasons)


def _numbers_left(reading: OutcomeReading, figures: FigureReading) -> OutcomeReading:
    """The outcomes, each question left for a person whose text gives no reason and whose own
    answer holds numbers left for a person ("The force holds 48² knife wands.", "between 10 and
    15") given that as its reason: the answer says something, only not surely what."""
    left: dict[str | None, list[str]] = {}
    for unsure in figures.unsure:
        if unsure.text not in left.setdefault(unsure.question, []):
            left[unsure.question].append(unsure.text)
    reasons = dict(reading.reasons)
    for label in reading.unsure:
        numbers = left.get(label)
        if label is None or not numbers or label in reasons:
            continue
        held = "a number" if len(numbers) == 1 else "numbers"
        quoted = ", ".join(f"'{number}'" for number in numbers)
        reasons[label] = (
            f"its answer holds {held} left for a person ({quoted}): is one the figure asked, "
            "and the answer then disclosed?"
        )
    return OutcomeReading(reading.outcomes, reading.unsure, reasons)


def _topics_in_words(topics: Iterable[Topic]) -> str:
    return " and ".join(
        dict.fromkeys(f"{id_words(t.technology)} {id_words(t.measure)}" for t in topics)
    )


def _years_given(figures: FigureReading) -> dict[str, frozenset[int]]:
    """The years each question's figures give (a figure of 2022/23 gives 2022 and 2023): a
    sentence saying another year asked is not held makes its answer a partial one."""
    given: dict[str, set[int]] = {}
    for figure in figures.figures:
        if figure.question is not None and figure.period_start and figure.period_end:
            first, last = int(figure.period_start[:4]), int(figure.period_end[:4])
            given.setdefault(figure.question, set()).update(range(first, last + 1))
    return {label: frozenset(years) for label, years in given.items()}


def _partly_hidden(
    reading: OutcomeReading,
    hidden: Mapping[str | None, list[str]],
    blanks: Mapping[str | None, list[str]],
    response: Response,
) -> OutcomeReading:
    """The outcomes, where a question's answer hides a number (a table's "*" its footnote says
    is not shown) no full disclosure: a partial one where a footnote withholds one or cites a
    section of the Act, quoting every footnote and citing each one's sections, else left for a
    person, who knows whether the force meant to disclose in full. So too where a table of the
    answer leaves a figure's cell blank (`blanks`: "2022 ('Knife wands')"), which says nothing
    of why."""
    outcomes: list[Outcome] = []
    unsure = list(reading.unsure)
    reasons = dict(reading.reasons)
    for outcome in reading.outcomes:
        footnotes = hidden.get(outcome.question, [])
        missing = blanks.get(outcome.question, [])
        if not (footnotes or missing) or outcome.status != "disclosed":
            outcomes.append(outcome)
            continue
        question = response.question(outcome.question) if outcome.question else None
        said = (
            read_outcome(footnotes, question.text if question else "", response.force_id)
            if footnotes
            else None
        )
        cited = [section for note in footnotes for section in sections_cited(note)]
        sections = ";".join(dict.fromkeys(cited)) or None
        if sections or (said and said.status in WITHHOLDING):
            quote = _quoting_each(footnotes, response.body)
            outcomes.append(Outcome(outcome.question, "partially_disclosed", quote, sections))
        else:
            unsure.append(outcome.question)
            doubts = []
            if footnotes:
                said_of = "; ".join(f"'{note}'" for note in footnotes)
                doubts.append(f"a number of its answer is not shown ({said_of})")
            if missing:
                cells = "its cell" if len(missing) == 1 else "their cells"
                doubts.append(f"no figure is given for {' and '.join(missing)}, {cells} blank")
            reasons[outcome.question] = f"{'; '.join(doubts)}: disclosed in full or in part?"
    order = {q.label: index for index, q in enumerate(response.questions)}
    unsure.sort(key=lambda label: order.get(label, -1) if label is not None else -1)
    return OutcomeReading(tuple(outcomes), tuple(unsure), reasons)


def _quoting_each(footnotes: list[str], body: str) -> str:
    """A verbatim quote holding every footnote: the text from the first to the last, as the
    document writes them (they stand together under the table, as a rule)."""
    found = sorted((at, at + len(note)) for note in footnotes if (at := body.find(note)) >= 0)
    if len(found) < len(footnotes):
        return footnotes[0]
    return body[found[0][0] : max(end for _, end in found)]


__all__ = [
    "Figure",
    "FigureReading",
    "Meaning",
    "Outcome",
    "OutcomeReading",
    "QuestionTopics",
    "Topic",
    "Unsure",
    "financial_year",
    "map_question",
    "map_questions",
    "period_in",
    "period_named",
    "read_figures",
    "read_meaning",
    "read_outcome",
    "read_outcomes",
    "read_response_figures",
    "sections_cited",
]
