"""Measure the app on the generated registers against baselines; write benchmarks/results.md.

    python -m benchmarks.run [--quick] [--scales 1,3] [--out benchmarks/results.md]
    python -m benchmarks.run --profile FIGURE [--scales 1]

Each figure is the median of several runs after one warm-up run, with its baseline measured
in the same run (alternating with it, so both see the same machine load), the ratio, the
target of issue 7 and whether it holds; with two scales, how each figure grows from the
first to the second (``(large / small) / (scale ratio)``; ≤ 1 is linear or better). A
missing register is generated first. Every run works on a copy of the register in a
temporary folder (the open makes backups, the save writes).

``--profile FIGURE`` runs one figure under cProfile and prints where the time goes.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from importlib.metadata import version
from pathlib import Path
from time import perf_counter
from typing import Any
from zoneinfo import ZoneInfo

from benchmarks import TODAY
from benchmarks.generate import FICTION_PHONES, build_register, data_path
from benchmarks.previous import Previous, read_previous

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.md"
PROFILE_HEADING = "## Profile of the slowest figure"
REPORT_YEAR = 2025
STAMP = datetime(2025, 11, 14, 12, 0, tzinfo=UTC)
LOCAL = ZoneInfo("Europe/Stockholm")


@dataclass(frozen=True)
class Target:
    kind: str
    """``ratio`` (median / baseline ≤ limit), ``faster`` (ratio < 1) or ``ms`` (judged ≤)."""
    limit: float
    of: str = "median"
    """What an ``ms`` target judges: the ``median``, or the ``slowest`` run (p100), for a
    figure whose every run is one key: a typical key under a frame hides the worst one."""

    def describe(self) -> str:
        text = {
            "ratio": f"≤ {self.limit:g}×",
            "faster": "< 1×",
            "ms": f"≤ {self.limit:g} ms",
        }[self.kind]
        return text if self.of == "median" else f"{self.of} {text}"


@dataclass
class Figure:
    key: str
    what: str
    runs: list[float]
    unit: str = "s"
    """``s`` (seconds) or ``KiB``."""
    baseline: str = ""
    baseline_runs: list[float] = field(default_factory=list)
    target: Target | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def p95(self) -> float:
        runs = sorted(self.runs)
        return (
            statistics.quantiles(runs, n=20, method="inclusive")[-1] if len(runs) > 1 else runs[0]
        )

    @property
    def slowest(self) -> float:
        return max(self.runs)

    @property
    def judged(self) -> float:
        """The value the target is held to: the median, or the slowest run."""
        return self.slowest if self.target and self.target.of == "slowest" else self.median

    @property
    def baseline_median(self) -> float | None:
        return statistics.median(self.baseline_runs) if self.baseline_runs else None

    @property
    def ratio(self) -> float | None:
        base = self.baseline_median
        return self.median / base if base else None

    def holds(self) -> bool | None:
        if self.target is None:
            return None
        if self.target.kind == "ms":
            return self.judged * 1000 <= self.target.limit
        ratio = self.ratio
        assert ratio is not None
        return ratio < 1 if self.target.kind == "faster" else ratio <= self.target.limit


@dataclass(frozen=True)
class Plan:
    repeats: int
    """Runs of each store and export figure (and of its baseline)."""
    frame_repeats: int
    typing_repeats: int
    """Typings of the five filter keys."""
    rss_repeats: int


FULL = Plan(repeats=7, frame_repeats=5, typing_repeats=3, rss_repeats=3)
QUICK = Plan(repeats=3, frame_repeats=2, typing_repeats=1, rss_repeats=1)


# --- timing -----------------------------------------------------------------------------------
def timed(run: Callable[[], Any], self_timed: bool) -> float:
    """The seconds ``run`` takes, or, when ``self_timed``, the seconds it returns. Each run
    starts from the same heap: what an earlier app froze for its session is let go."""
    gc.unfreeze()
    gc.collect()
    began = perf_counter()
    result = run()
    return float(result) if self_timed else perf_counter() - began


def paired(
    figure: Callable[[], Any],
    baseline: Callable[[], Any] | None,
    repeats: int,
    *,
    self_timed: bool = False,
) -> tuple[list[float], list[float]]:
    """One warm-up of each, then ``repeats`` runs of each, alternating."""
    figure()
    if baseline is not None:
        baseline()
    runs, base_runs = [], []
    for _ in range(repeats):
        runs.append(timed(figure, self_timed))
        if baseline is not None:
            base_runs.append(timed(baseline, self_timed))
    return runs, base_runs


# --- store and exports ------------------------------------------------------------------------
def open_everything(path: Path) -> int:
    """Open as a session does and build every register's domain objects; return a count."""
    from secretariat_tui.store.board import BoardRepository
    from secretariat_tui.store.calendar import CalendarRepository
    from secretariat_tui.store.database import open_database
    from secretariat_tui.store.fees import FeeRepository
    from secretariat_tui.store.members import MemberRepository
    from secretariat_tui.store.payments import PaymentRepository

    with open_database(path, create=False) as db:
        fees, board, calendar = FeeRepository(db), BoardRepository(db), CalendarRepository(db)
        registers: list[Sequence[object]] = [
            MemberRepository(db).all(),
            fees.schedules(),
            fees.overrides(),
            PaymentRepository(db).all(),
            board.meetings.all(),
            board.seats.all(),
            calendar.networks.all(),
            calendar.activities.all(),
            calendar.submissions.all(),
        ]
    return sum(len(r) for r in registers)


def json_load(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def open_only(path: Path) -> None:
    """Open as every session and command does, reading no register yet: records are built
    when a register is read (a screen shown, a command run), not at open."""
    from secretariat_tui.store.database import open_database

    open_database(path, create=False).close()


def open_unstamped(path: Path) -> float:
    """Seconds an open takes of a file changed outside the program: no stamp, so every record
    is checked (and the file stamped again, which the next run undoes)."""
    from secretariat_tui.store.check_stamp import stamp_path

    stamp_path(path).unlink(missing_ok=True)
    began = perf_counter()
    open_only(path)
    return perf_counter() - began


def bench_open(path: Path, plan: Plan) -> list[Figure]:
    """Issue 18: an open within 2× `json.load`, with the check of every record kept inside
    that budget; and, without a target, what building every record of every register adds."""
    records = open_everything(path)
    runs, base = paired(lambda: open_only(path), lambda: json_load(path), plan.repeats)
    outside, outside_base = paired(
        lambda: open_unstamped(path),
        lambda: timed(lambda: json_load(path), False),
        plan.repeats,
        self_timed=True,
    )
    everything, everything_base = paired(
        lambda: open_everything(path), lambda: json_load(path), plan.repeats
    )
    return [
        Figure(
            "open",
            "Open the database of a file the program wrote: lock, stamp check, backup check, "
            "parse; no register read yet",
            runs,
            baseline="`json.load` of the file",
            baseline_runs=base,
            target=Target("ratio", 2),
        ),
        Figure(
            "open-outside",
            "Open the database of a file changed outside the program: as `open`, with the "
            "check of every record",
            outside,
            baseline="`json.load` of the file",
            baseline_runs=outside_base,
            target=Target("ratio", 2),
        ),
        Figure(
            "open-all",
            f"`open`, then every register read: all {records:,} records built as domain "
            "objects (no screen or command reads them all)",
            everything,
            baseline="`json.load` of the file",
            baseline_runs=everything_base,
        ),
    ]


def check_stamp(path: Path) -> float:
    """Seconds an open spends on the check of a file the program wrote itself: reading the
    file with its identity is the open's own read, so only the stamp's compare counts."""
    from secretariat_tui.store.check_stamp import is_checked, read_with_identity
    from secretariat_tui.store.rules_stamp import rules_stamp

    _, seen = read_with_identity(path)
    began = perf_counter()
    stamped = is_checked(path, seen, rules_stamp())
    elapsed = perf_counter() - began
    assert stamped, "the open before should have stamped the file"
    return elapsed


def bench_check(path: Path, plan: Plan) -> list[Figure]:
    """Issue 12: checking the records at open must cost a few per cent of the open of a file
    the program wrote; a file changed outside is checked in full (`open-outside`)."""
    open_only(path)  # stamps the file, as every save and passed check does
    opens = lambda: timed(lambda: open_only(path), False)  # noqa: E731
    stamped, base = paired(lambda: check_stamp(path), opens, plan.repeats, self_timed=True)
    return [
        Figure(
            "open-check",
            "The record check of a file the program wrote (its stamp matches), part of `open`",
            stamped,
            baseline="`open`",
            baseline_runs=base,
            target=Target("ratio", 0.05),
        ),
    ]


def bench_save(path: Path, plan: Plan) -> Figure:
    from secretariat_tui.store.database import open_database
    from secretariat_tui.store.members import MemberRepository

    document = json_load(path)
    copy = path.with_name("json-dump-baseline.json")
    with open_database(path, create=False) as db:
        members = MemberRepository(db)
        member = members.get(1)
        edits = iter(range(10_000))

        def save() -> None:
            phone = FICTION_PHONES[next(edits) % len(FICTION_PHONES)]
            members.update(replace(member, contact=replace(member.contact, phone=phone)))

        def dump() -> None:
            with open(copy, "w", encoding="utf-8") as handle:
                json.dump(document, handle)
                handle.flush()
                os.fsync(handle.fileno())

        runs, base = paired(save, dump, plan.repeats)
    return Figure(
        "save",
        "One member edited and saved (`MemberRepository.update`: whole file, temp file, "
        "fsync, rename, fsync of the folder)",
        runs,
        baseline="`json.dump` + `fsync` of the same document",
        baseline_runs=base,
        target=Target("ratio", 2),
    )


def icalendar_direct(items: Sequence[Any]) -> bytes:
    """The same events as ``export_ics``, built and serialised with icalendar directly."""
    import icalendar

    from secretariat_tui.domain.activities import ics_description, ics_uid

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//secretariat-tui//Kansliet//SV")
    calendar.add("version", "2.0")
    for item in items:
        if item.month_only:
            continue
        event = icalendar.Event()
        event.add("uid", ics_uid(item.uid))
        event.add("dtstamp", STAMP)
        event.add("summary", item.title)
        if item.starts_at is None:
            event.add("dtstart", item.day)
            event.add("dtend", item.last_day + timedelta(days=1))
        else:
            start = datetime.combine(item.day, item.starts_at, LOCAL).astimezone(UTC)
            if item.ends_at is not None:
                end = datetime.combine(item.last_day, item.ends_at, LOCAL).astimezone(UTC)
            elif item.ends_on is not None:
                after = item.last_day + timedelta(days=1)
                end = datetime.combine(after, clock(), LOCAL).astimezone(UTC)
            else:
                end = start + timedelta(hours=1)
            event.add("dtstart", start)
            event.add("dtend", end if end > start else start + timedelta(hours=1))
        if item.location:
            event.add("location", item.location)
        if description := ics_description(item.notes, item.participants):
            event.add("description", description)
        event.add("categories", [item.category.value])
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def bench_ics(path: Path, plan: Plan) -> Figure:
    from secretariat_tui.domain.calendar import calendar_items
    from secretariat_tui.exports.ics_calendar import export_ics
    from secretariat_tui.store.calendar import CalendarRepository
    from secretariat_tui.store.database import open_database

    with open_database(path, create=False) as db:
        items = calendar_items(CalendarRepository(db).activities.all())
    result = export_ics(items, stamp=STAMP)
    direct = icalendar_direct(items)
    if direct.count(b"BEGIN:VEVENT") != result.events:
        raise AssertionError("the icalendar baseline does not hold the same events")
    runs, base = paired(
        lambda: export_ics(items, stamp=STAMP), lambda: icalendar_direct(items), plan.repeats
    )
    return Figure(
        "ics",
        f"ICS export of all {len(items):,} activities (`export_ics`: {result.events:,} events, "
        f"{result.month_only_left_out} month-only left out)",
        runs,
        baseline="the same events built and serialised with `icalendar`",
        baseline_runs=base,
        target=Target("faster", 1),
    )


def bench_report(path: Path, plan: Plan) -> list[Figure]:
    from secretariat_tui.exports.annual_report import render_section
    from secretariat_tui.store.database import open_database
    from secretariat_tui.store.report_source import load_report_data

    figures = []
    with open_database(path, create=False) as db:
        for fmt in ("md", "docx"):
            runs, _ = paired(
                lambda fmt=fmt: render_section(load_report_data(db, REPORT_YEAR), "all", fmt),  # type: ignore[misc]
                None,
                plan.repeats,
            )
            figures.append(
                Figure(
                    f"report-{fmt}",
                    f"Annual report {REPORT_YEAR}, the full draft as {fmt} "
                    '(`load_report_data` + `render_section(…, "all", …)`)',
                    runs,
                )
            )
    return figures


# --- the TUI ----------------------------------------------------------------------------------
def bench_first_frames(path: Path, plan: Plan) -> list[Figure]:
    from benchmarks import tui
    from secretariat_tui.store.database import open_database

    figures = []
    with open_database(path, create=False) as db:
        for start in ("members", "calendar"):
            columns, rows = tui.bare_rows(path, start, TODAY)
            runs, base = paired(
                lambda start=start: asyncio.run(tui.app_first_frame(db, start, TODAY)),  # type: ignore[misc]
                lambda c=columns, r=rows: asyncio.run(tui.bare_first_frame(c, r)),  # type: ignore[misc]
                plan.frame_repeats,
                self_timed=True,
            )
            figures.append(
                Figure(
                    f"frame-{start}",
                    f"First frame of the {start} screen (App constructed → "
                    + (
                        "the members in the table"
                        if start == "members"
                        else "every calendar item derived, the month grid and the day's list"
                    )
                    + ", frame painted)",
                    runs,
                    baseline=f"bare App + one DataTable of {len(rows):,} "
                    + ("member rows (the same)" if start == "members" else "rows: every activity"),
                    baseline_runs=base,
                    target=Target("ratio", 1.5),
                )
            )
    return figures


def bench_typing(path: Path, plan: Plan) -> list[Figure]:
    """Keystrokes: every key of ``typing_repeats`` typings of the five characters, judged on
    the slowest (issue 18), with the median and p95 beside it."""
    from benchmarks import tui
    from secretariat_tui.store.database import open_database

    def collect(typing: Callable[[], Any]) -> tuple[list[float], Any]:
        typing()  # warm-up
        keys: list[float] = []
        last = None
        for _ in range(plan.typing_repeats):
            gc.collect()
            last = typing()
            keys += last.times
        return keys, last

    with open_database(path, create=False) as db:
        base_keys, base = collect(lambda: asyncio.run(tui.bare_typing(path)))
        cal_keys, cal = collect(lambda: asyncio.run(tui.calendar_typing(db, TODAY)))
        reg_keys, reg = collect(lambda: asyncio.run(tui.register_typing(db)))
    baseline = (
        f"bare App: Input + DataTable of all {base.rows_before:,} activities, refilled on "
        "each change"
    )

    def keys_note(keys: list[float], typing: Any) -> str:
        size = len(tui.FILTER_TEXT)
        per_key = " / ".join(f"{statistics.median(keys[i::size]) * 1000:.0f}" for i in range(size))
        return (
            f"per key `{'` `'.join(tui.FILTER_TEXT)}` (median over the typings): {per_key} ms, "
            f"slowest {max(keys) * 1000:.0f} ms; {typing.rows_before:,} → "
            f"{typing.rows_after:,} rows"
        )

    return [
        Figure(
            "key-calendar",
            f"Filter keystroke, calendar screen `#text-filter` with the year list shown "
            f"(the list holds one year: {cal.rows_before:,} rows with the month headings; "
            f"each key filters that year's {cal.searched:,} calendar items and refills the list)",
            cal_keys,
            baseline=baseline,
            baseline_runs=base_keys,
            target=Target("ms", 50, of="slowest"),
            note=keys_note(cal_keys, cal),
        ),
        Figure(
            "key-register",
            f"Filter keystroke, the app's `RegisterTable` (the members screen's filter table) "
            f"holding all {reg.rows_before:,} activities",
            reg_keys,
            baseline=baseline,
            baseline_runs=base_keys,
            target=Target("ms", 50, of="slowest"),
            note=keys_note(reg_keys, reg) + "; bare: " + keys_note(base_keys, base),
        ),
    ]


def bench_rss(path: Path, plan: Plan) -> list[Figure]:
    def peak(variant: str) -> float:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.rss", variant, str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return float(done.stdout.split()[-1])

    figures = []
    for start in ("members", "calendar"):
        runs, base = [], []
        for _ in range(plan.rss_repeats):
            runs.append(peak(f"app-{start}"))
            base.append(peak(f"bare-{start}"))
        figures.append(
            Figure(
                f"rss-{start}",
                f"Peak RSS, a fresh process: the app to the first frame of the {start} screen",
                runs,
                unit="KiB",
                baseline="the bare App of the first-frame figure, in its own process",
                baseline_runs=base,
                target=Target("ratio", 1.5),
            )
        )
    return figures


# --- the command line -------------------------------------------------------------------------
DEMO = ROOT / "data" / "demo.json"
CLI_BASELINE = "import click, json, sys, tinydb; json.load(open(sys.argv[1], encoding='utf-8'))"


def bench_cli_start(path: Path, plan: Plan) -> Figure:
    """``secretariat --db DEMO members list`` as a whole process, against a process that only
    imports click and TinyDB and parses the same file: what a script calling the command line
    in a loop pays per call. On a copy of the demo at every scale (the start is what is
    measured, not the register), so it is run at the first scale only."""
    import compileall

    # As an installed package has them: without bytecode every start would compile the source.
    compileall.compile_dir(ROOT / "secretariat_tui", quiet=1)
    demo = path.with_name("demo.json")
    shutil.copyfile(DEMO, demo)
    os.chmod(demo, 0o600)
    script = Path(sys.executable).with_name("secretariat")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "secretariat_tui"]

    def process(args: list[str]) -> Callable[[], object]:
        return lambda: subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)

    runs, base = paired(
        process([*command, "--db", str(demo), "members", "list"]),
        process([sys.executable, "-c", CLI_BASELINE, str(demo)]),
        plan.repeats * 3,
    )
    return Figure(
        "cli-start",
        "`secretariat --db demo.json members list`, a whole process (start, open, list)",
        runs,
        baseline=f'`python -c "{CLI_BASELINE}" demo.json`, a whole process',
        baseline_runs=base,
        target=Target("ratio", 2),
    )


# --- one scale --------------------------------------------------------------------------------
BENCHES: dict[str, Callable[[Path, Plan], Figure | list[Figure]]] = {
    "open": bench_open,
    "check": bench_check,
    "save": bench_save,
    "ics": bench_ics,
    "report": bench_report,
    "frame": bench_first_frames,
    "key": bench_typing,
    "rss": bench_rss,
    "cli": bench_cli_start,
}
STORE_FIRST = ("open", "check", "save", "ics", "report")
"""Measured at every scale before any TUI figure. An open is the first thing a process does (a
command, the app's start); timed after the first scale's dozens of headless apps, the 3x
register's parse and record check ran in a fragmented heap, 10-20 % slower than in any real
session, and more so than the `json.load` beside them."""
FIRST_SCALE_ONLY = {"cli"}
"""Figures that do not depend on the register: measured once, at the first scale."""


def register_for(scale: float) -> Path:
    path = data_path(scale)
    if not path.exists():
        print(f"generating {path.name} …", flush=True)
        build_register(path, scale)
    return path


def run_scale(
    scale: float, plan: Plan, only: Sequence[str] = (), *, first: bool = True
) -> list[Figure]:
    source = register_for(scale)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="secretariat-bench-") as folder:
        path = Path(folder) / "register.json"
        shutil.copyfile(source, path)
        os.chmod(path, 0o600)
        for name, bench in BENCHES.items():
            if (only and name not in only) or (name in FIRST_SCALE_ONLY and not first):
                continue
            print(f"  {scale:g}×: {name} …", flush=True)
            result = bench(path, plan)
            figures += result if isinstance(result, list) else [result]
    return figures


# --- the report -------------------------------------------------------------------------------
def amount(value: float, unit: str) -> str:
    if unit == "KiB":
        return f"{value / 1024:.1f} MiB"
    if value >= 10:
        return f"{value:.1f} s"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value * 1000:,.0f} ms"


def ratio_text(ratio: float | None, target: Target | None) -> str:
    """Two decimals, or three where two would look like the limit itself (1.50× > 1.5×)."""
    if ratio is None:
        return "—"
    text = f"{ratio:.2f}"
    if target is not None and target.kind != "ms" and float(text) == target.limit:
        text = f"{ratio:.3f}"
    return f"{text}×"


def figure_row(figure: Figure, before: tuple[str, str] | None = None) -> str:
    """A figure's table row; ``before``: the previous run's median and ratio, when the
    results file is written (the console's table leaves them out)."""
    base = figure.baseline_median
    ratio = figure.ratio
    holds = figure.holds()
    spread = figure.target is not None and figure.target.of == "slowest"
    cells = [
        f"`{figure.key}`",
        amount(figure.median, figure.unit),
        amount(figure.p95, figure.unit) if spread else "—",
        amount(figure.slowest, figure.unit) if spread else "—",
        amount(base, figure.unit) if base is not None else "—",
        ratio_text(ratio, figure.target),
        figure.target.describe() if figure.target else "—",
        {True: "yes", False: "**no**", None: "—"}[holds],
        *(before or ()),
    ]
    return "| " + " | ".join(cells) + " |"


TABLE_HEAD = "\n".join(
    (
        "| figure | median | p95 | slowest | baseline | ratio | target | holds |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    )
)
TABLE_HEAD_WITH_BEFORE = "\n".join(
    (
        "| figure | median | p95 | slowest | baseline | ratio | target | holds "
        "| median before | ratio before |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |",
    )
)


TABLE_NAMES = {
    "members": "members",
    "payments": "payments",
    "board_seats": "board seats",
    "networks": "networks",
    "activities": "activities",
    "submissions": "submissions",
}


def contents(source: Path) -> str:
    document = json_load(source)
    return ", ".join(f"{len(document.get(t, {})):,} {n}" for t, n in TABLE_NAMES.items())


def scale_section(
    scale: float, figures: list[Figure], source: Path, previous: Previous | None
) -> list[str]:
    if previous is None:
        rows = [TABLE_HEAD, *(figure_row(f) for f in figures)]
    else:
        rows = [
            TABLE_HEAD_WITH_BEFORE,
            *(
                figure_row(
                    f,
                    (
                        previous.cell(scale, f.key, "median"),
                        previous.cell(scale, f.key, "ratio"),
                    ),
                )
                for f in figures
            ),
        ]
    lines = [
        f"### {scale:g}× register (`{source.name}`, {source.stat().st_size / 1e6:.1f} MB)",
        "",
        f"It holds {contents(source)}.",
        "",
        *rows,
        "",
    ]
    for f in figures:
        runs = ", ".join(amount(r, f.unit) for r in f.runs)
        base = f" Baseline: {f.baseline}." if f.baseline else ""
        note = f" {f.note[0].upper()}{f.note[1:]}." if f.note else ""
        lines.append(f"- `{f.key}`: {f.what}.{base}{note} Runs: {runs}.")
    return [*lines, ""]


GROWTH_LIMIT = 1.05
"""Issue 18: linear growth is at most 1.05 per step of scale, on the best runs (the medians of
two registers measured minutes apart also move with the machine's load)."""


def growth_of(small: Figure, large: Figure, factor: float) -> tuple[float, float]:
    """The growth of the medians and of the best runs."""
    return (
        large.median / small.median / factor,
        min(large.runs) / min(small.runs) / factor,
    )


def growth_section(results: dict[float, list[Figure]]) -> list[str]:
    small, large = min(results), max(results)
    factor = large / small
    by_key = {f.key: f for f in results[small]}
    lines = [
        f"### Growth from {small:g}× to {large:g}×",
        "",
        f"Growth = (figure at {large:g}×) / (figure at {small:g}×) / {factor:g}: 1.00 is "
        "linear, below 1 better than linear. The target (issue 18) is ≤ "
        f"{GROWTH_LIMIT:.2f} on the best runs: the two registers are measured minutes apart, so "
        "a change in the machine's load moves the medians first. The baseline's own growth "
        "(best runs) is beside it: `json.load` of a larger file is not linear either.",
        "",
        f"| figure | {small:g}× | {large:g}× | growth | growth of the best runs "
        "| baseline's, best runs | holds |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for figure in results[large]:
        before = by_key.get(figure.key)
        if before is None:
            continue
        growth, best = growth_of(before, figure, factor)
        base = (
            f"{min(figure.baseline_runs) / min(before.baseline_runs) / factor:.2f}"
            if figure.baseline_runs and before.baseline_runs
            else "—"
        )
        lines.append(
            f"| `{figure.key}` | {amount(before.median, figure.unit)} | "
            f"{amount(figure.median, figure.unit)} | {growth:.2f} | {best:.2f} | {base} | "
            f"{'yes' if best <= GROWTH_LIMIT else '**no**'} |"
        )
    return [*lines, ""]


def summary_section(results: dict[float, list[Figure]]) -> list[str]:
    """Which targets hold at every scale, which miss where, and what grows faster than linear."""
    holding, missing = [], []
    first = next(iter(results.values()))
    for key in (f.key for f in first if f.target is not None):
        found = [(scale, f) for scale, figures in results.items() for f in figures if f.key == key]
        if all(f.holds() for _, f in found):
            holding.append(f"`{key}`")
            continue
        values = ", ".join(
            f"{scale:g}×: "
            + (amount(f.judged, f.unit) if f.target and f.target.kind == "ms" else "")
            + (ratio_text(f.ratio, f.target) if f.target and f.target.kind != "ms" else "")
            for scale, f in found
        )
        target = found[0][1].target
        assert target is not None
        missing.append(f"`{key}` ({values}; target {target.describe()})")
    lines = [
        "## Summary",
        "",
        f"- Targets that hold at every scale: {', '.join(holding) or 'none'}.",
        f"- Targets missed: {', '.join(missing) or 'none'}.",
    ]
    if len(results) > 1:
        small, large = min(results), max(results)
        by_key = {f.key: f for f in results[small]}
        growths = [
            (f.key, growth_of(by_key[f.key], f, large / small)[1])
            for f in results[large]
            if f.key in by_key
        ]
        worse = [f"`{key}` {best:.2f}" for key, best in growths if best > GROWTH_LIMIT]
        lines.append(
            f"- Growing faster than linearly from {small:g}× to {large:g}× (best runs, more "
            f"than {GROWTH_LIMIT:.2f}): {', '.join(worse) or 'none'}."
        )
    return [*lines, ""]


def save_raw(out: Path, results: dict[float, list[Figure]]) -> Path:
    """Every run of every figure as JSON beside the registers (not committed), for comparing
    one run with another."""
    raw = data_path(1).with_name(out.with_suffix(".json").name)
    raw.write_text(
        json.dumps(
            {f"{scale:g}": [asdict(f) for f in figures] for scale, figures in results.items()},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    return raw


def machine() -> list[str]:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    packages = ", ".join(
        f"{name} {version(name)}" for name in ("textual", "tinydb", "ics", "icalendar")
    )
    return [
        f"- Machine: {platform.platform()}, {cpu}, {os.cpu_count()} CPUs",
        f"- Python {platform.python_version()}; {packages}",
    ]


def code_state() -> str:
    """The commit measured, and the app's files that differed from it when the run began."""

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return ""
        return done.stdout

    commit = git("rev-parse", "--short", "HEAD").strip()
    if not commit:
        return f"- Code: {ROOT}, not a git checkout"
    changed = git("status", "--porcelain", "--", "secretariat_tui").splitlines()
    files = ", ".join(f"`{line[3:]}`" for line in changed)
    return f"- Code: commit {commit}" + (
        f", with uncommitted changes in {files}" if files else ", no uncommitted changes in the app"
    )


def kept_profile(out: Path) -> list[str]:
    """The hand-written profile section of the previous results, kept across runs."""
    if not out.exists():
        return [PROFILE_HEADING, "", "(Not written yet: see `--profile`.)", ""]
    text = out.read_text(encoding="utf-8")
    start = text.find(PROFILE_HEADING)
    return text[start:].rstrip("\n").split("\n") + [""] if start >= 0 else []


def write_results(
    out: Path,
    results: dict[float, list[Figure]],
    command: str,
    quick: bool,
    loads: tuple[tuple[float, ...], tuple[float, ...]],
    began: datetime,
    minutes: float,
    code: str,
) -> None:
    load_text = " / ".join(f"{a:.2f}" for a in loads[0]), " / ".join(f"{a:.2f}" for a in loads[1])
    previous = read_previous(out)
    before = (
        [
            "- Beside each figure, *before*: the run this file held until now "
            f"({'; '.join(previous.header)}). `open` before issue 18 built every record; its "
            "figure is beside `open-all` now.",
        ]
        if previous
        else []
    )
    lines = [
        "# Benchmarks (issues 7 and 18)",
        "",
        f"- Command: `{command}`{' (quick: fewer runs)' if quick else ''}",
        f"- Date: {began:%Y-%m-%d %H:%M}, {minutes:.1f} minutes",
        *machine(),
        code,
        f"- Load average (1/5/15 min) at the start: {load_text[0]}, at the end: {load_text[1]}",
        *before,
        "",
        "Times are medians of several runs after a warm-up run; each baseline ran in the same",
        "process, alternating with its figure. A ratio is figure / baseline. See the notes",
        "below the tables for what each figure measures and how.",
        "",
        *summary_section(results),
    ]
    for scale, figures in results.items():
        lines += scale_section(scale, figures, data_path(scale), previous)
    if len(results) > 1:
        lines += growth_section(results)
    lines += METHOD + kept_profile(out)
    out.write_text("\n".join(lines), encoding="utf-8")


METHOD = [
    "## How it is measured",
    "",
    "- The registers are made by `python -m benchmarks.generate` (seeded; see its docstring);",
    "  each scale runs on a copy in a temporary folder on the same disk.",
    "- `open`: `open_database` as every session and CLI call does it (lock, `json.loads`, the",
    "  stamp check, the backup check: the file is compared with the newest backup and not",
    "  copied again when equal, which is the steady state after the warm-up), then closed.",
    "  Records are built when a register is read, so `open` reads none: the members screen",
    "  builds the members, the calendar the activities, submissions, networks and meetings,",
    "  a command the register it lists. `open-all` reads every register after the open, as",
    "  the `open` figure before issue 18 did (no screen or command does that); it has no target.",
    "  `open-outside`: the same open of a file without its stamp (changed outside the program:",
    "  edited by hand, restored), so every record is checked; the stamp is removed before each",
    "  run, outside the timing.",
    "- `open-check`: what the record check costs an open of a file the program wrote itself:",
    "  the stamp beside the file (`store/check_stamp.py`) matches, so only its compare runs;",
    "  against the whole `open`. The target (≤ 5 %) is issue 12's.",
    "- `save`: one `MemberRepository.update`; the baseline writes the same document with",
    "  `json.dump` (default separators, ASCII) to a file in the same folder and fsyncs it, without",
    "  the rename and the folder fsync the atomic save adds. `json.dump` streams its output in",
    "  many small writes: at 1× it took 152 ms against 63 ms for one `json.dumps` (compact,",
    "  UTF-8, as the store encodes) and one write, measured apart (at commit ea00f0b);",
    "  against that stricter baseline the `save` ratio would be about 2.4 times higher.",
    "- `ics`: `export_ics` of the activities' calendar items, against an `icalendar.Calendar`",
    "  with the same events (UID, DTSTAMP, SUMMARY, DTSTART/DTEND, LOCATION, DESCRIPTION,",
    "  CATEGORIES) and `to_ical()`; both get the same items, already loaded.",
    '- `report-*`: `load_report_data` + `render_section(data, "all", fmt)` on an open database.',
    "- TUI figures run in-process with `App.run_test(headless=True, size=(80, 24))`. A frame is",
    "  done when the wanted rows are in the table, every queued message of the screen's widgets",
    "  is handled, every table has laid out its rows, and the screen has been painted: the",
    "  harness calls the screen's refresh-timer handler at once instead of waiting up to 1/60 s",
    "  for it (`benchmarks/bare.py`, `settle`). `pilot.pause()` is not used: it waits for the",
    "  process to look idle in 20 ms steps, a floor of 20–40 ms under every figure. On a bare",
    "  App with one Input this harness measures 2–7 ms per keystroke.",
    "- `frame-*`: from constructing the App (the database already open) to that frame. The bare",
    "  App gets its rows already built from the file's JSON. For the calendar the bare App shows",
    "  every activity, as issue 7 asks, while the calendar screen derives every calendar item",
    "  and shows the month grid and the day's list (the year list is filled when shown, `v`),",
    "  so the two do different work.",
    "- `key-*`: one key event is posted (as `tests/ui/helpers.type_text` does), then the time",
    "  until that frame; the filter text is `semin` (five keys; the first keeps most rows, the",
    "  last about 3 % of the activities). The median, p95 and slowest are over every key of",
    "  every typing; the target (≤ 50 ms) is held to the slowest key (issue 18), and p95 and",
    "  slowest are shown for these figures only (a figure of whole runs has no worst key).",
    "  The app has no list of all activities: the calendar's year list holds one year. So",
    "  `key-calendar` is the real screen (the year list of 2025), and `key-register` is the",
    "  app's own filter table widget (`RegisterTable`, used by the members and submissions",
    "  screens) given all activities in a harness App with the app's stylesheet: the honest",
    "  5,000-row figure.",
    "- `rss-*`: the peak resident memory (`VmHWM`) of a fresh `python -m benchmarks.rss",
    "  VARIANT` process that runs one first frame (the app opens the database itself; the bare",
    "  App reads the JSON and never imports the app). `ru_maxrss` is not used: on Linux it",
    "  keeps the parent's peak across fork and exec.",
    "- `cli-start` (issue 18): `secretariat --db demo.json members list` on a copy of",
    "  `data/demo.json`, as a whole process with its output to /dev/null, against a process that",
    "  imports click and TinyDB and `json.load`s the same copy, alternating; three times the",
    "  runs of the store figures. The package is byte-compiled first (`compileall`), as an",
    "  installed one is: with `PYTHONDONTWRITEBYTECODE` set, every start would compile the",
    "  source. It does not depend on the register, so it is measured at the first scale only.",
    "",
]


# --- profiling --------------------------------------------------------------------------------
PROFILED = (
    "open",
    "open-all",
    "save",
    "ics",
    "report-md",
    "report-docx",
    "frame-members",
    "frame-calendar",
    "key-calendar",
    "key-register",
)


def measured(key: str, path: Path, db: Any) -> Callable[[], object]:
    """What figure ``key`` times, as one call (``open`` is done without ``db``)."""
    from benchmarks import tui
    from secretariat_tui.domain.calendar import calendar_items
    from secretariat_tui.exports.annual_report import render_section
    from secretariat_tui.exports.ics_calendar import export_ics
    from secretariat_tui.store.calendar import CalendarRepository
    from secretariat_tui.store.members import MemberRepository
    from secretariat_tui.store.report_source import load_report_data

    if key == "save":
        members = MemberRepository(db)
        member = members.get(1)
        phones = iter(FICTION_PHONES)
        return lambda: members.update(
            replace(member, contact=replace(member.contact, phone=next(phones)))
        )
    if key == "ics":
        items = calendar_items(CalendarRepository(db).activities.all())
        return lambda: export_ics(items, stamp=STAMP)
    if key.startswith("report-"):
        fmt = key.removeprefix("report-")
        return lambda: render_section(load_report_data(db, REPORT_YEAR), "all", fmt)
    if key.startswith("frame-"):
        start = key.removeprefix("frame-")
        return lambda: asyncio.run(tui.app_first_frame(db, start, TODAY))
    if key == "key-calendar":
        return lambda: asyncio.run(tui.calendar_typing(db, TODAY))
    return lambda: asyncio.run(tui.register_typing(db))


def profile(key: str, scale: float, top: int = 35) -> None:
    """Run figure ``key`` once to warm up, then once under cProfile; print and save the stats.

    For the ``key-*`` figures only the typing is profiled, not the start of the app.
    """
    from benchmarks import tui
    from secretariat_tui.store.database import open_database

    if key not in PROFILED:
        raise SystemExit(f"no figure {key!r} to profile: one of {', '.join(PROFILED)}")
    profiler = cProfile.Profile()
    source = register_for(scale)
    with tempfile.TemporaryDirectory(prefix="secretariat-bench-") as folder:
        path = Path(folder) / "register.json"
        shutil.copyfile(source, path)
        if key.startswith("open"):
            run_open = open_everything if key == "open-all" else open_only
            run_open(path)
            profiler.runcall(run_open, path)
        else:
            with open_database(path, create=False) as db:
                run = measured(key, path, db)
                run()
                if key.startswith("key-"):
                    tui.PROFILER = profiler
                    try:
                        run()
                    finally:
                        tui.PROFILER = None
                else:
                    profiler.runcall(run)
    out = data_path(scale).with_name(f"profile-{key}-{scale:g}x.pstats")
    profiler.dump_stats(out)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    print(f"saved {out}")


# --- command line -----------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs, for a first look")
    parser.add_argument("--scales", default="1,3", help="register scales, e.g. 1,3")
    parser.add_argument("--only", default="", help=f"some of {','.join(BENCHES)}")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--profile", metavar="FIGURE", help=f"one of {', '.join(PROFILED)}")
    args = parser.parse_args(args_list)
    scales = [float(s) for s in args.scales.split(",") if s.strip()]
    if args.profile:
        profile(args.profile, scales[0])
        return 0
    plan = QUICK if args.quick else FULL
    only = [o for o in args.only.split(",") if o]
    began, load_before, clock_start = datetime.now(), os.getloadavg(), perf_counter()
    code = code_state()
    results: dict[float, list[Figure]] = {}
    chosen = [name for name in BENCHES if not only or name in only]
    for phase in (
        [n for n in chosen if n in STORE_FIRST],
        [n for n in chosen if n not in STORE_FIRST],
    ):
        for scale in scales:
            if phase:
                print(f"{scale:g}× register:", flush=True)
                figures = run_scale(scale, plan, phase, first=scale == scales[0])
                results.setdefault(scale, []).extend(figures)
    for scale, figures in results.items():
        print_table(scale, figures)
    command = "python -m benchmarks.run " + " ".join(args_list)
    minutes = (perf_counter() - clock_start) / 60
    write_results(
        args.out,
        results,
        command.strip(),
        args.quick,
        (load_before, os.getloadavg()),
        began,
        minutes,
        code,
    )
    if len(results) > 1:
        print("\n".join(growth_section(results)))
    print(f"written to {args.out} and {save_raw(args.out, results)}")
    return 0


def print_table(scale: float, figures: list[Figure]) -> None:
    print(f"\n{scale:g}× register")
    print(TABLE_HEAD)
    for figure in figures:
        print(figure_row(figure))
    print()


if __name__ == "__main__":
    raise SystemExit(main())
