"""Errors a user can meet. Each says which file, what was expected and how to fix it."""

from pathlib import Path


class MultiforceError(Exception):
    """A user error: shown as one paragraph, no traceback, non-zero exit."""


class DocumentError(MultiforceError):
    """A document that cannot be read or is not what its adapter expects."""

    def __init__(self, path: Path | str, problem: str, expected: str):
        self.path = Path(path)
        self.problem, self.expected = problem, expected  # to restate with another expectation
        super().__init__(f"{self.path}: {problem} Expected {expected}")


class DatabaseBusy(MultiforceError):
    pass


class ValidationFailed(MultiforceError):
    def __init__(self, report):
        self.report = report
        super().__init__(report.render())
