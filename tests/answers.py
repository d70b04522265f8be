"""An answer read as the reading's tests compare it: its question mapped to topics, the figures
read as tuples of the fields named, and each number left for a person with its reason."""

from multiforce.toolkit.meaning import map_question, read_figures

FIELDS = ("value", "period_label", "measure")


def read_answer(question: str, answer: str, fields: tuple[str, ...] = FIELDS):
    topics = map_question(question).topics
    reading = read_figures(answer, list(topics), "1", question)
    figures = [tuple(getattr(figure, name) for name in fields) for figure in reading.figures]
    return figures, [(unsure.text, unsure.reason) for unsure in reading.unsure]
