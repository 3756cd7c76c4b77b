"""`python -m consilience ...`: the same command line as the `consilience` script."""

from .cli.main import main

if __name__ == "__main__":
    main()
