"""Run ``main()`` itself in-process, with the streams a real terminal would give it.

The CliRunner of the other CLI tests calls the click group and skips ``main()``: its last line
of defence, its Swedish one-line errors and its terminal streams. These tests need exactly
those, at the speed of an in-process call, with a stdout of any encoding.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

from secretariat_tui.cli import main


@dataclass(frozen=True)
class Ran:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_main(*args: str, encoding: str = "utf-8") -> Ran:
    """``secretariat ARGS`` with stdout and stderr in ``encoding`` (strict, as a terminal's)."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = sys.stdout, sys.stderr, sys.stdin
    sys.stdout = io.TextIOWrapper(out, encoding=encoding, errors="strict", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding=encoding, errors="strict", write_through=True)
    sys.stdin = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")  # no terminal: no prompts
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
            stream.detach()
        sys.stdout, sys.stderr, sys.stdin = streams
    return Ran(
        code, out.getvalue().decode(encoding, "replace"), err.getvalue().decode(encoding, "replace")
    )
