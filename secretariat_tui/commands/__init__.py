"""Command groups of the `secretariat` CLI, one module per register."""
