"""``python -m frontline`` runs the CLI."""

from frontline.cli import main

main()
