"""What a layout reads from a response document: the `Response` and its parts."""

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Question:
    """One numbered question of the request (or the whole request, unnumbered).

    `number` is as the document writes it ('1', '2a', 'Q4'; None when unnumbered); `key` is
    the number alone, lower-cased ('4', '2a'), by which answers are matched to it; `heading`
    is the line the request groups it under ('Knife Arches'), where there is one; `label`
    names it uniquely in the response: its number, or 'heading / number' where the request
    numbers each group from 1 (empty until the request's questions are all read). Answers and
    statements refer to questions by label."""

    number: str | None
    key: str | None
    text: str
    heading: str | None = None
    label: str = ""


@dataclass(frozen=True)
class Answer:
    """The passage of the answer given to one question, by the question's label."""

    question: str | None
    text: str


@dataclass(frozen=True)
class Statement:
    """A line of the answer outside any numbered answer ('I can confirm that the information
    is not held'): it answers the questions in `covers` (their numbers), which are the ones it
    names, else the ones under its heading, else all of them (their labels); none where it is
    a numbered answer that could be several groups' ('1.' under no group heading)."""

    text: str
    covers: tuple[str, ...]


@dataclass(frozen=True)
class Response:
    """A response document as its layout reads it. A field the document does not state is
    None. Every text field is a passage of the document's own text (lines kept whole)."""

    layout: str
    force_id: str | None
    reference: str | None
    response_date: str | None
    request_date: str | None
    title: str | None
    body: str
    request: str = ""
    answer: str = ""
    questions: tuple[Question, ...] = ()
    answers: tuple[Answer, ...] = ()
    statements: tuple[Statement, ...] = ()
    status_lines: tuple[str, ...] = ()
    response_month: str | None = None
    source_url: str | None = None
    force_evidence: str | None = field(default=None, compare=False)

    def question(self, label: str) -> Question | None:
        return next((q for q in self.questions if q.label == label), None)

    def answer_to(self, label: str | None) -> str:
        """The question's own numbered answer ('' if none)."""
        return next((a.text for a in self.answers if a.question == label), "")

    def statements_for(self, label: str | None) -> tuple[str, ...]:
        """The overall statements that answer the question too."""
        return tuple(s.text for s in self.statements if label in s.covers)

    def as_dict(self) -> dict:
        return asdict(self)
