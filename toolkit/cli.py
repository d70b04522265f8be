"""The `multiforce` command group. Each command is a module of toolkit/commands, found at start.

Commands import heavy libraries inside their functions, so that `multiforce --help` is fast.
"""
import importlib
import pkgutil

import click

from . import commands


class Multiforce(click.Group):
    """Turns a user error into one clear paragraph and a non-zero exit; --debug shows tracebacks."""

    def invoke(self, ctx):
        from .errors import MultiforceError

        try:
            return super().invoke(ctx)
        except MultiforceError as error:
            if ctx.params.get("debug"):
                raise
            raise click.ClickException(str(error)) from None


@click.group(cls=Multiforce)
@click.version_option(package_name="multiforce")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error (for bug reports).")
def main(debug):
    """Turn UK police forces' FOI responses into one validated SQLite database.

    Example: multiforce build && multiforce serve multiforce.db
    """


for _module in pkgutil.iter_modules(commands.__path__):
    for _value in vars(importlib.import_module(f"{commands.__name__}.{_module.name}")).values():
        if isinstance(_value, click.Command) and _value.name:
            main.add_command(_value)
