"""`python -m newsroom`: serve a demo newsroom in the foreground."""

from newsroom.server import main

main()
