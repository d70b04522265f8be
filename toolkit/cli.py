"""The `multiforce` command group. Each command is a module of toolkit/commands, found at start.

Commands import heavy libraries inside their functions, so that `multiforce --help` is fast.
"""

import importlib
import inspect
import pkgutil

import click

from . import commands

BUG_EXIT_STATUS = 70  # EX_SOFTWARE: an internal error, not the user's


def summary(command: click.Command) -> str:
    """The command's one-line summary: its short_help, or its help's first paragraph whole
    (click's own cuts it at the first full stop or at the terminal's width)."""
    if command.short_help:
        return command.short_help
    return " ".join(inspect.cleandoc(command.help or "").split("\n\n")[0].split())


class Multiforce(click.Group):
    """A user error is one clear paragraph and exit status 1; anything else is a bug, reported
    in one paragraph with exit status 70. --debug shows the traceback of either."""

    def format_commands(self, ctx, formatter):
        """The command list with each summary whole, wrapped beside the command's name."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, summary(command)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx):
        from .errors import MultiforceError

        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except MultiforceError as error:
            if ctx.params.get("debug"):
                raise
            raise click.ClickException(str(error)) from None
        except Exception as error:
            if ctx.params.get("debug"):
                raise
            click.echo(
                f"Error: multiforce hit a bug ({type(error).__name__}: {error}). This is a fault "
                "in multiforce, not in your files or command (a database being written is left "
                "whole: as it was, or with the new documents). Run the same command again as "
                "`multiforce --debug ...` to see the traceback, and include it in a bug report.",
                err=True,
            )
            ctx.exit(BUG_EXIT_STATUS)


@click.group(cls=Multiforce)
@click.version_option(package_name="multiforce")
@click.option(
    "--debug",
    is_flag=True,
    help="Show the full traceback of any error (for bug reports); put it before the command.",
)
def main(debug):
    """Turn UK police forces' FOI responses into one validated SQLite database.

    \b
    Example:
      multiforce build && multiforce serve multiforce.db
    """


for _module in pkgutil.iter_modules(commands.__path__):
    for _value in vars(importlib.import_module(f"{commands.__name__}.{_module.name}")).values():
        if isinstance(_value, click.Command) and _value.name:
            main.add_command(_value)
