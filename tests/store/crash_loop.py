"""Kill -9 loop: a writer process is SIGKILLed at random moments; the file must survive each kill.

Run ``python -m tests.store.crash_loop --kills 1000 [--seed S]`` (``make crash-loop`` runs this
and the ``--cli`` loop below). Each round starts a real writer process (``python -c WRITER``)
that opens the database and keeps saving a counter through ``MemberRepository``, printing each
counter value once its save has returned. The loop kills it at a random moment, then checks that
the file parses, is one of ours, and holds the last confirmed value or the one being written, and
that reopening it succeeds and leaves no temp files behind (beside it or in its backups folder).

``--cli`` (``python -m tests.store.crash_loop --cli --kills 200``) kills the real command line
instead: the loop runs ``python -m secretariat_tui --db FILE members edit 1 --name "Räknare N"``
one process after another (each opens and locks the file, backs it up, saves, exits) and
SIGKILLs the one running after a random delay between 0 and the typical duration of one run,
measured at the start, so kills are spread evenly over a run's life: mostly interpreter
start-up and imports (about three quarters of it), then the open and its backup, the save and
the exit. A value counts as confirmed once its process has exited 0. After each kill the same
checks run, and then one more CLI edit must succeed: the lock the killed process held is gone.

How long it takes here (measured on the dev machine, where one CLI run takes about 0.24 s):
``--kills 1000`` about 165 s, ``--cli --kills 200`` about 77 s (each kill there costs the killed
run, the checks and the CLI run after it), so ``make crash-loop`` takes about four minutes.

The pytest crash test (tests/store/test_crash.py) forks its writers for speed and shares the
checks here; test_crash.py also runs a short loop of each mode so CI exercises them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from statistics import median

from secretariat_tui.domain.members import Member
from secretariat_tui.store.atomic import TEMP_MARKER, temp_name
from secretariat_tui.store.backups import backup_dir
from secretariat_tui.store.database import open_database
from secretariat_tui.store.errors import StoreError
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.schema import meta_of
from tests.factories import make_member

ROOT = Path(__file__).resolve().parents[2]
COUNTER_PREFIX = "Räknare "

# The writer each round runs as its own process: open, then save the counter forever, printing
# every value whose save has returned. ``ready N`` is printed once the file is open.
WRITER = """
import sys
from dataclasses import replace
from pathlib import Path
from secretariat_tui.store.database import open_database
from secretariat_tui.store.members import MemberRepository

db = open_database(Path(sys.argv[1]))
repo = MemberRepository(db)
member = repo.get(1)
n = int(member.name.rsplit(" ", 1)[1])
print("ready", n, flush=True)
while True:
    n += 1
    member = repo.update(replace(member, name=f"Räknare {n}"))
    print(n, flush=True)
"""


def counter_member(value: int, member_id: int | None = None) -> Member:
    return make_member(f"{COUNTER_PREFIX}{value}", id=member_id)


def seed_database(path: Path) -> None:
    """A database whose member 1 is the counter, at 0."""
    with open_database(path) as db:
        MemberRepository(db).add(counter_member(0))


def counter_of(member: Member) -> int:
    assert member.name.startswith(COUNTER_PREFIX), member.name
    return int(member.name[len(COUNTER_PREFIX) :])


def write_forever(path: Path, out_fd: int) -> None:
    """The writer loop in-process (for forked children): the same steps as ``WRITER``."""
    db = open_database(path)
    repo = MemberRepository(db)
    member = repo.get(1)
    value = counter_of(member)
    os.write(out_fd, f"ready {value}\n".encode())
    while True:
        value += 1
        member = repo.update(replace(member, name=f"{COUNTER_PREFIX}{value}"))
        os.write(out_fd, f"{value}\n".encode())


def stale_temps(path: Path) -> list[Path]:
    """Temp files of an unfinished atomic write: beside the database and in its backups folder."""
    found = list(path.parent.glob(f"{temp_name(path)}*"))
    folder = backup_dir(path)
    if folder.is_dir():
        found += [p for p in folder.iterdir() if TEMP_MARKER in p.name]
    return found


class LineReader:
    """Lines from a pipe the writer prints to, read without blocking past a deadline."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.lines: list[str] = []
        self._partial = b""

    def _read_once(self, timeout: float) -> bool:
        """Read what is there within ``timeout``; False once the pipe has ended."""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return True
        chunk = os.read(self.fd, 65536)
        if not chunk:
            return False
        *complete, self._partial = (self._partial + chunk).split(b"\n")
        self.lines += [line.decode() for line in complete]
        return True

    def wait_for(self, prefix: str, timeout: float) -> bool:
        """Read until a line starting with ``prefix`` arrives; False on timeout or end of pipe."""
        deadline = time.monotonic() + timeout
        while not any(line.startswith(prefix) for line in self.lines):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._read_once(remaining):
                return False
        return True

    def read_to_end(self) -> None:
        """After the writer is dead: everything it managed to print (a cut-off line is dropped).

        Blocking is safe here: the dead writer held the only write end of the pipe.
        """
        while chunk := os.read(self.fd, 65536):
            *complete, self._partial = (self._partial + chunk).split(b"\n")
            self.lines += [line.decode() for line in complete]

    def confirmed(self) -> list[int]:
        return [int(line) for line in self.lines if line.isdigit()]

    def errors(self) -> list[str]:
        return [line for line in self.lines if line.startswith("error")]


@dataclass
class Outcome:
    """What one kill left behind, and whether it is within the promise."""

    before: int
    confirmed: int
    saves_this_run: int
    found: int | None = None
    unreadable: str = ""
    temps_before: list[str] = field(default_factory=list)
    temps_after: list[str] = field(default_factory=list)
    removed_on_open: int = 0

    @property
    def confirmed_or_in_flight(self) -> bool:
        return self.found in (self.confirmed, self.confirmed + 1)

    @property
    def ok(self) -> bool:
        return not self.unreadable and self.confirmed_or_in_flight and not self.temps_after

    def describe(self) -> str:
        return (
            f"confirmed {self.confirmed}, found {self.found}, unreadable {self.unreadable!r}, "
            f"temp files left {self.temps_after}"
        )


def check_after_kill(path: Path, before: int, confirmed_values: list[int]) -> Outcome:
    """Check the file a killed writer left: parses, holds N or N+1, reopening cleans up."""
    confirmed = confirmed_values[-1] if confirmed_values else before
    outcome = Outcome(before=before, confirmed=confirmed, saves_this_run=len(confirmed_values))
    outcome.temps_before = sorted(p.name for p in stale_temps(path))
    try:
        document = json.loads(path.read_bytes().decode("utf-8"))
        if meta_of(document) is None:
            outcome.unreadable = "no _meta"
    except (OSError, ValueError) as err:
        outcome.unreadable = f"does not parse: {err}"
    try:
        with open_database(path, create=False) as db:
            outcome.removed_on_open = len(db.removed_temps)
            outcome.found = counter_of(MemberRepository(db).get(1))
    except StoreError as err:
        outcome.unreadable = outcome.unreadable or str(err)
    outcome.temps_after = sorted(p.name for p in stale_temps(path))
    return outcome


@dataclass
class Tally:
    kills: int = 0
    unreadable: int = 0
    confirmed_or_in_flight: int = 0
    temps_cleaned: int = 0
    temps_left: int = 0
    mid_run: int = 0
    saves_confirmed: int = 0
    in_flight_found: int = 0
    writer_errors: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome, label: str) -> None:
        self.kills += 1
        self.unreadable += bool(outcome.unreadable)
        self.confirmed_or_in_flight += outcome.confirmed_or_in_flight
        self.temps_cleaned += bool(outcome.temps_before) and not outcome.temps_after
        self.temps_left += bool(outcome.temps_after)
        self.mid_run += outcome.saves_this_run > 0
        self.saves_confirmed += outcome.saves_this_run
        self.in_flight_found += outcome.found == outcome.confirmed + 1
        if not outcome.ok:
            self.failures.append(f"{label}: {outcome.describe()}")

    @property
    def ok(self) -> bool:
        return not self.failures and not self.writer_errors

    def summary(self) -> str:
        return (
            f"kills: {self.kills}, unreadable: {self.unreadable}, "
            f"confirmed-or-in-flight: {self.confirmed_or_in_flight}, "
            f"mid-write temp files cleaned: {self.temps_cleaned}"
        )


def kill_one_writer(path: Path, rng: random.Random, before: int) -> tuple[Outcome, str]:
    """Start a writer process, SIGKILL it at a random moment, and check what it left."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    reader = LineReader(proc.stdout.fileno())
    try:
        if rng.random() < 0.2:
            # Any moment from the start: interpreter start-up, opening, backing up, or writing.
            time.sleep(rng.uniform(0, 0.3))
        else:
            reader.wait_for("ready", timeout=30)
            time.sleep(rng.uniform(0, 0.030))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    reader.read_to_end()
    error = ""
    if proc.returncode != -signal.SIGKILL:
        error = f"writer exited with {proc.returncode}: {proc.stderr.read().decode()[-2000:]}"
    ready = [line for line in reader.lines if line.startswith("ready")]
    if ready and ready[0] != f"ready {before}":
        error = f"writer started from {ready[0]!r}, expected {before}"
    proc.stdout.close()
    proc.stderr.close()
    return check_after_kill(path, before, reader.confirmed()), error


# --- the real command line as the writer (--cli) ------------------------------------------------

CLI_SAVED = "Sparade medlem 1: "
MAX_RUNS_PER_KILL = 50  # a kill delay shorter than a run is near certain long before this


def cli_edit(path: Path, value: int) -> list[str]:
    """The command line that sets the counter (member 1's name) to ``value``."""
    return [
        sys.executable,
        "-m",
        "secretariat_tui",
        "--db",
        str(path),
        "members",
        "edit",
        "1",
        "--name",
        f"{COUNTER_PREFIX}{value}",
    ]


def start_cli(path: Path, value: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        cli_edit(path, value), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def cli_error(returncode: int, stdout: bytes, stderr: bytes, value: int) -> str:
    """Empty if the CLI edit to ``value`` exited 0 and said it saved it; else what went wrong."""
    if returncode == 0 and stdout.decode().strip() == f"{CLI_SAVED}{COUNTER_PREFIX}{value}":
        return ""
    said = (stderr or stdout).decode(errors="replace").strip()[-2000:]
    return f"CLI edit to {value} exited with {returncode}: {said!r}"


def run_cli_to_end(path: Path, value: int) -> tuple[float, str]:
    """One CLI edit left to finish: how long it took, and an error unless it saved ``value``."""
    started = time.monotonic()
    proc = start_cli(path, value)
    try:
        stdout, stderr = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
    return time.monotonic() - started, cli_error(proc.returncode, stdout, stderr, value)


def kill_one_cli(
    path: Path, rng: random.Random, before: int, typical: float
) -> tuple[Outcome, str]:
    """Run CLI edits one after another; SIGKILL one at a random moment of its life; check.

    Each run gets a delay in ``[0, typical)``; a run that exits before its delay is confirmed
    (it must have exited 0) and the next one starts, so the kill lands anywhere from the
    interpreter's start-up to its exit.
    """
    confirmed: list[int] = []
    value = before
    for _ in range(MAX_RUNS_PER_KILL):
        value += 1
        proc = start_cli(path, value)
        try:
            proc.wait(timeout=rng.uniform(0, typical))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)  # not sent if it has exited meanwhile
        stdout, stderr = proc.communicate()
        if proc.returncode == -signal.SIGKILL:
            return check_after_kill(path, before, confirmed), ""
        error = cli_error(proc.returncode, stdout, stderr, value)
        if error:
            return check_after_kill(path, before, confirmed), error
        confirmed.append(value)
    error = f"{MAX_RUNS_PER_KILL} CLI runs in a row ended before their kill"
    return check_after_kill(path, before, confirmed), error


def measure_cli(path: Path, value: int, runs: int = 3) -> tuple[float, str]:
    """The typical (median) duration of an unkilled CLI edit, counting on from ``value``."""
    durations = []
    for n in range(value + 1, value + runs + 1):
        seconds, error = run_cli_to_end(path, n)
        if error:
            return 0.0, error
        durations.append(seconds)
    return median(durations), ""


# --- the loop -----------------------------------------------------------------------------------


@dataclass
class Run:
    """A finished loop: the tally, the mode, and (``--cli``) the typical CLI run measured."""

    tally: Tally
    mode: str
    typical: float = 0.0


def run(kills: int, seed: int, folder: Path, cli: bool = False) -> Run:
    """Kill ``kills`` writers one after another; every kill is checked by ``check_after_kill``."""
    rng = random.Random(seed)
    path = folder / "secretariat.json"
    seed_database(path)
    tally = Tally()
    value = 0
    result = Run(tally, "cli" if cli else "store")
    killer: Callable[[int], tuple[Outcome, str]] = partial(kill_one_writer, path, rng)
    if cli:
        runs = 3  # each moves the counter on by one
        result.typical, error = measure_cli(path, value, runs)
        if error:
            tally.writer_errors.append(f"measuring a CLI run: {error}")
            return result
        value += runs
        killer = partial(kill_one_cli, path, rng, typical=result.typical)
    for round_no in range(1, kills + 1):
        outcome, error = killer(value)
        tally.add(outcome, f"kill {round_no}")
        if error:
            tally.writer_errors.append(f"kill {round_no}: {error}")
        if outcome.found is None:
            break  # nothing sensible to continue from; already counted as a failure
        value = outcome.found
        if cli:
            # The killed process held the lock; the OS must have dropped it with the process.
            _, error = run_cli_to_end(path, value + 1)
            if error:
                tally.writer_errors.append(f"the CLI run after kill {round_no}: {error}")
                break
            value += 1
    return result


def summary_line(result: Run, seed: int, seconds: float) -> str:
    tally = result.tally
    if result.mode == "cli":
        specific = (
            f"killed after the save (new value found): {tally.in_flight_found}, "
            f"runs that exited 0 before their kill: {tally.saves_confirmed}, "
            f"typical CLI run: {result.typical:.2f}s"
        )
    else:
        specific = f"mid-run kills: {tally.mid_run}"
    return (
        f"{tally.summary()}, {specific}, temp files left: {tally.temps_left}, "
        f"writer errors: {len(tally.writer_errors)}, mode: {result.mode}, seed: {seed}, "
        f"seconds: {seconds:.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--cli", action="store_true", help="kill `secretariat members edit` runs instead"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="crash-loop-") as folder:
        result = run(args.kills, args.seed, Path(folder), cli=args.cli)
    seconds = time.monotonic() - started
    tally = result.tally
    for line in tally.failures + tally.writer_errors:
        print(line, file=sys.stderr)
    print(summary_line(result, args.seed, seconds))
    return 0 if tally.ok and tally.kills == args.kills else 1


if __name__ == "__main__":
    sys.exit(main())
