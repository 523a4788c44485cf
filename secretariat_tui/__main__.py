"""`python -m secretariat_tui` runs the same command line as `secretariat`."""

from secretariat_tui.cli import main

main()
