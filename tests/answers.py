"""An answer read as the reading's tests compare it: its question mapped to topics, the figures
read as tuples of the fields named, and each number left for a person with its reason; or a
whole letter of one question and its answer, read as `multiforce draft` reads it."""

from pathlib import Path

from multiforce.toolkit.document import Document
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import map_question, read_figures, read_meaning

FIELDS = ("value", "period_label", "measure")


def read_answer(question: str, answer: str, fields: tuple[str, ...] = FIELDS):
    topics = map_question(question).topics
    reading = read_figures(answer, list(topics), "1", question)
    figures = [tuple(getattr(figure, name) for name in fields) for figure in reading.figures]
    return figures, [(unsure.text, unsure.reason) for unsure in reading.unsure]


LETTER = """Our ref: 0815/25
Date: 6 June 2025
Dear Requester,
You asked:
1. {question}
Response
1. {answer}
Yours sincerely
The FOI Unit
"""


def letter_meaning(question: str, answer: str):
    """The general reading (`read_meaning`) of a LETTER asking `question`, answered by `answer`."""
    text = LETTER.format(question=question, answer=answer)
    return read_meaning(read_response(Document(Path("r.txt"), text.encode(), "text/plain", text)))
