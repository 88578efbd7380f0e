"""``python -m timeline`` is the ``timeline`` command."""

from .cli import cli

cli()
