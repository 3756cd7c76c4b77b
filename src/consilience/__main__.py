"""`python -m consilience ...`: the same command line as the `consilience` script."""

from .cli import main

if __name__ == "__main__":
    main()
