"""``python -m sayso`` runs the CLI."""

from .cli import main

main()
