"""docs/cli.md, the command-line reference, generated from every command's --help.

    python -m multiforce.toolkit.clidocs          # write docs/cli.md (run in the checkout)
    python -m multiforce.toolkit.clidocs --check  # exit 1 if docs/cli.md is out of date

Commands are found as `multiforce --help` finds them, so a new command is documented as soon
as it exists; a test fails while docs/cli.md is out of date.
"""

import sys
from pathlib import Path

import click

from .cli import main

# The checkout's page, from its top folder: an installed copy of multiforce has no docs/.
CLI_DOC = Path("docs") / "cli.md"
# Fixed, so that the page does not depend on the terminal it was made in: the width click wraps
# `--help` at in a terminal of 80 columns (two less), so the page reads as the help prints.
WIDTH = 78
REGENERATE = "python -m multiforce.toolkit.clidocs"


def _help(command: click.Command, name: str, parent: click.Context | None = None) -> str:
    context = click.Context(
        command, info_name=name, parent=parent, terminal_width=WIDTH, max_content_width=WIDTH
    )
    return command.get_help(context)


def render() -> str:
    """The reference page: `multiforce --help`, then each command's help in the list's order."""
    top = click.Context(main, info_name="multiforce", terminal_width=WIDTH)
    sections = [("multiforce", _help(main, "multiforce"))]
    for name in main.list_commands(top):
        command = main.get_command(top, name)
        if command is not None and not command.hidden:
            sections.append((f"multiforce {name}", _help(command, name, top)))
    parts = [
        "# Command-line reference\n",
        f"Generated from each command's `--help` by `{REGENERATE}`: edit the commands' "
        "docstrings and options, then run it again (a test fails while this page is out of "
        "date).\n",
        *(f"- [`{title}`](#{title.replace(' ', '-')})" for title, _ in sections),
        "",
    ]
    for title, text in sections:
        parts += [f"## {title}\n", "```text", text.rstrip(), "```\n"]
    return "\n".join(parts)


def run(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = CLI_DOC.read_text(encoding="utf-8") if CLI_DOC.exists() else ""
        if current != text:
            print(f"{CLI_DOC} is out of date: run `{REGENERATE}`.", file=sys.stderr)
            return 1
        return 0
    CLI_DOC.parent.mkdir(exist_ok=True)
    CLI_DOC.write_text(text, encoding="utf-8")
    print(f"wrote {CLI_DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
