"""Help that reads well, for every command (those added later too): a one-line summary shown
whole in `multiforce --help`, and an example kept on its own lines (a `\\b` paragraph)."""

import inspect

import click
import pytest
from click.testing import CliRunner
from multiforce.toolkit.cli import main, summary

COMMANDS = sorted(main.commands)
# Narrower than any terminal: what fits here fits everywhere.
NARROW = 60


def help_output(*args, width=80):
    result = CliRunner().invoke(main, [*args, "--help"], terminal_width=width)
    assert result.exit_code == 0, result.output
    return result.output


def example_lines(command: click.Command) -> list[str]:
    """The lines of the docstring's `\\b` paragraph that begins with "Example:"."""
    for paragraph in inspect.cleandoc(command.help or "").split("\n\n"):
        lines = paragraph.splitlines()
        if lines and lines[0].strip() == "\b" and lines[1:2] == ["Example:"]:
            return [line.strip() for line in lines[2:] if line.strip()]
    return []


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_the_docstring_is_a_one_line_summary_and_a_kept_example(name):
    command = main.commands[name] if name else main
    first = inspect.cleandoc(command.help or "").split("\n\n")[0]
    assert first and "\n" not in first and first.endswith("."), (
        f"{name or 'multiforce'}: the first paragraph is the summary, one line ending in a full "
        f"stop: {first!r}"
    )
    examples = example_lines(command)
    assert examples, (
        f"{name or 'multiforce'}: no example in a \\b paragraph; end the docstring with\n"
        "    \\b\n    Example:\n      multiforce ..."
    )
    invocation = ["multiforce", name] if name else ["multiforce"]
    assert examples[0].split()[: len(invocation)] == invocation


@pytest.mark.parametrize("name", COMMANDS)
def test_the_example_stays_on_its_own_lines(name):
    shown = [line.strip() for line in help_output(name, width=NARROW).splitlines()]
    for line in example_lines(main.commands[name]):
        assert line in shown, f"{name} --help wraps its example line {line!r}"


def test_the_command_list_shows_every_summary_whole():
    for width in (NARROW, 80, 200):
        listing = help_output(width=width)
        commands = " ".join(listing[listing.index("Commands:") :].split())
        for name in COMMANDS:
            whole = f"{name} {summary(main.commands[name])}"
            assert whole in commands, f"at {width} columns the list cuts {name}'s summary"
        assert "..." not in commands
