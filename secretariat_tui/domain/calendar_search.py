"""The calendar's items indexed once, for a filter that runs on every keystroke.

A ten-year register has over 5,000 calendar items, and a screen shows one month or one year
of them. Folding every item's text and scanning every item on each key took most of a
keystroke (measured: 266 ms a key at 5,000 activities); here the text is folded once, the
items are grouped by the year they start in, and a filter looks only at the year shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from secretariat_tui.domain.activities import Category
from secretariat_tui.domain.calendar import CalendarItem
from secretariat_tui.domain.collation import swedish_key


@dataclass(frozen=True)
class CalendarFilter:
    """What the user filters on: words that must all be in the text, and a category."""

    text: str = ""
    category: Category | None = None

    @property
    def words(self) -> list[str]:
        return swedish_key(self.text).split()

    @property
    def active(self) -> bool:
        return bool(self.words) or self.category is not None


def search_text(item: CalendarItem) -> str:
    """What a filter's words are looked for in: title, place, participants and notes."""
    return swedish_key(" ".join([item.title, item.location, item.participants, item.notes]))


class CalendarIndex:
    """The items by key, by the year they start in, with their text folded for the filter."""

    def __init__(self, items: Sequence[CalendarItem]) -> None:
        self.items = list(items)
        self._by_key = {item.key: item for item in self.items}
        self._text = {id(item): search_text(item) for item in self.items}
        self._by_year: dict[int, list[CalendarItem]] = defaultdict(list)
        # Items whose days run into a later month: they are shown there as well.
        self._spanning: list[CalendarItem] = []
        for item in self.items:
            self._by_year[item.day.year].append(item)
            if not item.month_only and (item.last_day.year, item.last_day.month) != (
                item.day.year,
                item.day.month,
            ):
                self._spanning.append(item)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, key: str | None) -> CalendarItem | None:
        return self._by_key.get(key) if key is not None else None

    def year(self, year: int, chosen: CalendarFilter) -> list[CalendarItem]:
        """The items that start in ``year`` and pass the filter."""
        return self._passing(self._by_year.get(year, []), chosen)

    def month(self, year: int, month: int, chosen: CalendarFilter) -> list[CalendarItem]:
        """The items that pass the filter and start in the month, or take place in it
        (a conference from the month before): what the month grid and its days show."""
        starting = [i for i in self._by_year.get(year, []) if i.day.month == month]
        first = (year, month)
        running_into = [
            i
            for i in self._spanning
            if (i.day.year, i.day.month) < first <= (i.last_day.year, i.last_day.month)
        ]
        return self._passing(starting + running_into, chosen)

    def _passing(self, items: list[CalendarItem], chosen: CalendarFilter) -> list[CalendarItem]:
        words, category = chosen.words, chosen.category
        if category is not None:
            items = [i for i in items if i.category is category]
        if words:
            text = self._text
            items = [i for i in items if all(w in text[id(i)] for w in words)]
        return items
