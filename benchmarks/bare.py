"""The Textual baselines: bare apps showing the same rows, and the wait for a painted frame.

Nothing here imports the application, so that a bare app measured in its own process
(``benchmarks.rss``) carries Textual and the rows only. The rows are read from the database
file's JSON directly, the way the app's screens show them.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from time import monotonic
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

SIZE = (80, 24)
MEMBER_COLUMNS = ("Namn", "Typ", "Form", "Org.nr", "Sedan", "Status")
ACTIVITY_COLUMNS = ("Datum", "Tid", "Kategori", "Rubrik")
KIND_SHORT = {"organisation": "Org.", "individual": "Person"}
FORM_SHORT = {"full": "Fullt", "individual": "Individ.", "networking": "Nätverk."}

Rows = list[tuple[str, ...]]


# --- rows straight from the file --------------------------------------------------------------
def read_document(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        document: dict[str, Any] = json.load(handle)
    return document


def member_rows(document: dict[str, Any], today: date) -> Rows:
    """The members screen's rows (ended members hidden, as it starts), without the domain."""
    rows: Rows = []
    for doc in document.get("members", {}).values():
        ended = doc.get("ended")
        if ended and ended < today.isoformat():
            continue
        status = "Slutar" if ended else "Aktiv"
        if doc["joined"] > today.isoformat():
            status = "Kommande"
        form = doc["forms"][-1]["form"]
        rows.append(
            (
                doc["name"],
                KIND_SHORT[doc["kind"]],
                FORM_SHORT[form],
                doc.get("org_number", ""),
                doc["joined"],
                status,
            )
        )
    return rows


def activity_rows(document: dict[str, Any]) -> tuple[Rows, list[str]]:
    """Every activity as (date, time, category, title), and the text a filter searches."""
    rows: Rows = []
    texts: list[str] = []
    for doc in document.get("activities", {}).values():
        starts, ends = doc.get("starts_at"), doc.get("ends_at")
        time_text = f"{starts}–{ends}" if starts and ends else starts or ""
        rows.append((doc["when"], time_text, doc["category"], doc["title"]))
        fields = (doc["title"], doc.get("location", ""), doc.get("participants", ""))
        texts.append(" ".join((*fields, doc.get("notes", ""))).casefold())
    return rows, texts


# --- bare apps --------------------------------------------------------------------------------
class BareTable(App[None]):
    """One DataTable with every row: the least Textual needs to show them."""

    def __init__(self, columns: Sequence[str], rows: Rows) -> None:
        super().__init__()
        self.columns, self.rows = columns, rows

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*self.columns)
        table.add_rows(self.rows)
        table.focus()


class BareFilter(App[None]):
    """An Input over a DataTable; every change refills the table with the rows that match."""

    def __init__(self, columns: Sequence[str], rows: Rows, texts: list[str]) -> None:
        super().__init__()
        self.columns, self.rows, self.texts = columns, rows, texts

    def compose(self) -> ComposeResult:
        yield Input(id="filter")
        yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*self.columns)
        table.add_rows(self.rows)
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        words = event.value.casefold().split()
        table = self.query_one(DataTable)
        table.clear()
        pairs = zip(self.rows, self.texts, strict=True)
        table.add_rows(row for row, text in pairs if all(w in text for w in words))


# --- waiting for a frame ----------------------------------------------------------------------
def quiet(app: App[Any]) -> bool:
    """No work left: every queue of the screen's widgets is empty, every table measured."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    if any(not node._message_queue.empty() for node in nodes):
        return False
    return not any(isinstance(n, DataTable) and n._require_update_dimensions for n in nodes)


def painted(app: App[Any]) -> bool:
    """Nothing left to lay out or paint on the screen."""
    screen = app.screen
    return not (screen._layout_required or screen._repaint_required or screen._dirty_widgets)


async def settle(pilot: Pilot[Any], done: Callable[[], bool], limit: float = 120.0) -> None:
    """Return once ``done()`` holds and the result is painted.

    ``pilot.pause()`` is not used: it waits for the process to look idle in 20 ms steps,
    which would put a floor of 20–40 ms under every figure. This waits for the messages the
    screen's widgets have queued, then paints at once what the screen's refresh timer (up to
    1/60 s later) would paint (headless, the compositor renders the frame; only the write to
    a terminal is left out), and repeats until nothing more is queued.
    """
    app = pilot.app
    deadline = monotonic() + limit
    while monotonic() < deadline:
        await pilot._wait_for_screen()
        if done() and quiet(app):
            app.screen._on_timer_update()
            await asyncio.sleep(0)
            if quiet(app) and painted(app):
                return
        await asyncio.sleep(0)
    raise TimeoutError("the screen did not settle")


def row_count(app: App[Any], selector: str) -> int:
    """Rows of the table ``selector`` on the current screen (a bare DataTable or the app's
    own), or -1 before it exists."""
    tables = app.screen.query(selector)
    return int(getattr(tables.first(), "row_count", -1)) if tables else -1
