"""``python -m chaingraph`` runs the command-line interface."""

from .cli.app import main

if __name__ == "__main__":
    main()
