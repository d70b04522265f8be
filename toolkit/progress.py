"""How far a build or an ingest has got, shown on standard error while it runs: a bar on a
terminal (documents done, rate, time left), a plain line now and then when the output goes to a
file or a pipe, nothing when asked to be quiet. A handful of documents shows nothing: they are
done before a display would help.

The pipeline calls `start(total)` once it knows how many documents it will read, then
`advance()` after each, and `phase(text, documents)` as a step with nothing to count begins
(putting away the rows of documents to read again, making the indexes and summaries): at a
million figures each takes a minute or so, which would otherwise look like a hang. The bar is
drawn from those calls, at most REFRESH times a second, and never from a thread of its own, so
its cost is all inside `advance` (the benchmark times it).
"""

import sys
import time

HANDFUL = 5  # documents
REFRESH = 2  # times a second the bar is redrawn: each costs a millisecond or two
LINE_SECONDS = 10.0  # between plain lines


def for_output(quiet: bool, stream=None) -> "Display":
    """The display that suits where standard error goes."""
    stream = stream or sys.stderr
    if quiet:
        return Display()
    return Bar(stream) if stream.isatty() else Lines(stream)


class Display:
    """Shows nothing (--quiet)."""

    def start(self, total: int) -> None:
        pass

    def advance(self) -> None:
        pass

    def phase(self, text: str, documents: int) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


NOTHING_SHOWN = Display()


class Lines(Display):
    """A line when reading starts, every LINE_SECONDS, and when it ends."""

    def __init__(self, stream):
        self.stream, self.total, self.done = stream, 0, 0

    def start(self, total: int) -> None:
        self.total, self.done = total, 0
        self.started = self.shown = time.monotonic()
        if total > HANDFUL:
            self._say(f"Reading {total:,} documents.")

    def advance(self) -> None:
        self.done += 1
        if self.total <= HANDFUL:
            return
        now = time.monotonic()
        if self.done == self.total:
            self._say(f"Read {self.total:,} documents in {_duration(now - self.started)}.")
        elif now - self.shown >= LINE_SECONDS:
            self.shown = now
            rate = self.done / (now - self.started)
            left = (self.total - self.done) / rate
            self._say(
                f"Read {self.done:,} of {self.total:,} documents "
                f"({rate:,.0f} a second, about {_duration(left)} left)."
            )

    def phase(self, text: str, documents: int) -> None:
        if documents > HANDFUL:
            self._say(text)

    def _say(self, line: str) -> None:
        print(line, file=self.stream, flush=True)


class Bar(Display):
    """rich's progress bar, redrawn by `advance`."""

    def __init__(self, stream, console=None):
        from rich.console import Console

        self.console = console or Console(file=stream)
        self.bar = None

    def start(self, total: int) -> None:
        if total <= HANDFUL:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("Reading documents"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=self.console,
            auto_refresh=False,  # no drawing thread: worker processes are forked from this one
            transient=False,
        )
        self.task = self.bar.add_task("documents", total=total, rate="")
        self.bar.start()
        self.bar.refresh()
        self.drawn = time.monotonic()

    def advance(self) -> None:
        if self.bar is None:
            return
        now = time.monotonic()
        if (
            now - self.drawn >= 1 / REFRESH
            or self.bar.tasks[0].completed + 1 >= self.bar.tasks[0].total
        ):
            task = self.bar.tasks[0]
            speed = task.speed
            self.bar.update(self.task, advance=1, rate=f"{speed:,.0f} a second" if speed else "")
            self.bar.refresh()
            self.drawn = now
        else:
            self.bar.advance(self.task)

    def phase(self, text: str, documents: int) -> None:
        if documents > HANDFUL:
            self.close()  # the bar stays drawn, full, above the line
            self.console.print(text, highlight=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.refresh()
            self.bar.stop()
            self.bar = None


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes} min {seconds:02d} s"
