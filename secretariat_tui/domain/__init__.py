"""Pure domain: dataclasses, rules and figures. No textual, no tinydb, no I/O."""
