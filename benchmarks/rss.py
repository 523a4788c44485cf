"""One app variant to its first frame in a fresh process; print the process's peak RSS in KiB.

    python -m benchmarks.rss app-members|app-calendar|bare-members|bare-calendar DB

Run by ``benchmarks.run`` so that no measurement shares a process (and its memory) with
another. A bare variant never imports the application.

The peak is ``VmHWM`` from ``/proc/self/status`` where there is one (Linux): ``ru_maxrss``
carries the parent's peak across fork and exec there, so every child of a 100 MiB runner
would report at least 100 MiB. Elsewhere ``ru_maxrss`` is used.
"""

from __future__ import annotations

import asyncio
import resource
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks import TODAY

VARIANTS = ("app-members", "app-calendar", "bare-members", "bare-calendar")


def main(argv: list[str] | None = None) -> int:
    variant, path = (argv if argv is not None else sys.argv[1:])[:2]
    if variant not in VARIANTS:
        raise SystemExit(f"unknown variant {variant!r}: one of {', '.join(VARIANTS)}")
    kind, start = variant.split("-")
    if kind == "bare":
        from benchmarks.bare import (
            ACTIVITY_COLUMNS,
            MEMBER_COLUMNS,
            BareTable,
            activity_rows,
            member_rows,
            read_document,
            row_count,
            settle,
        )

        document = read_document(Path(path))
        columns: Sequence[str]
        if start == "members":
            columns, rows = MEMBER_COLUMNS, member_rows(document, TODAY)
        else:
            columns, rows = ACTIVITY_COLUMNS, activity_rows(document)[0]

        async def bare() -> None:
            app = BareTable(columns, rows)
            async with app.run_test(headless=True, size=(80, 24)) as pilot:
                await settle(pilot, lambda: row_count(app, "DataTable") == len(rows))

        asyncio.run(bare())
    else:
        from benchmarks.tui import app_first_frame
        from secretariat_tui.store.database import open_database

        with open_database(Path(path), create=False) as database:
            asyncio.run(app_first_frame(database, start, TODAY))
    print(peak_kib())
    return 0


def peak_kib() -> int:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS


if __name__ == "__main__":
    raise SystemExit(main())
