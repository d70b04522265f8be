"""`python -m multiforce`: the same command line as `multiforce`."""

from multiforce.toolkit.cli import main

main(prog_name="multiforce")
