"""The benchmark register generator: the same seed gives the same file, and the app reads it."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks import TODAY
from benchmarks.generate import build_register, main
from secretariat_tui.domain.calendar import Source
from secretariat_tui.store.board import BoardRepository
from secretariat_tui.store.calendar import CalendarRepository
from secretariat_tui.store.database import open_database
from secretariat_tui.store.ledger import FeeLedger

TINY = 0.02


def without_created(path: Path) -> bytes:
    """The file's bytes with the ``_meta`` record's "created" timestamp blanked."""
    document = json.loads(path.read_bytes())
    assert document["_meta"]["1"]["created"]
    document["_meta"]["1"]["created"] = ""
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def test_the_same_seed_and_scale_give_the_same_register(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.json"
    assert main(["--scale", str(TINY), "--out", str(first)]) == 0
    assert main(["--scale", str(TINY), "--out", str(second)]) == 0
    build_register(other, TINY, seed=1)
    assert without_created(first) == without_created(second)
    assert without_created(first) != without_created(other)


def test_the_register_is_a_database_the_repositories_read(tmp_path: Path) -> None:
    path = tmp_path / "register.json"
    counts = build_register(path, TINY)
    with open_database(path, create=False) as db:
        ledger = FeeLedger.of(db)
        members = ledger.members.all()
        calendar = CalendarRepository(db)
        board = BoardRepository(db)
        assert len(members) == counts.members == 6
        assert len(ledger.payments.all()) == counts.payments == 60
        assert len(calendar.activities.all()) == counts.activities == 100
        assert len(calendar.submissions.all()) == counts.submissions == 4
        assert len(board.meetings.all()) == 10
        assert len(board.seats.all()) == counts.seats
        assert [s.year for s in ledger.fees.schedules()] == list(range(2016, 2027))
        paid = [row for year in range(2016, 2026) for row in ledger.year_rows(year) if row.paid]
        assert paid, "some member-years are paid"
        items = calendar.items()
        assert {i.source for i in items} >= {Source.ACTIVITY, Source.MEETING}
        assert {i.day.year for i in items} == set(range(2016, 2026))
        assert any(i.month_only for i in items) and any(i.starts_at for i in items)
        assert all(m.joined <= TODAY for m in members)
