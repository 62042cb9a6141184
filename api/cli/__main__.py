"""`python -m api.cli`: the same command as the `rapportkoll` console script."""
from . import main

main()
