"""The calendar index: a filter looks only at the year or month shown, on text folded once."""

from __future__ import annotations

from datetime import date

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.calendar import calendar_items
from secretariat_tui.domain.calendar_search import CalendarFilter, CalendarIndex
from secretariat_tui.domain.date_entry import EnteredDate, Precision


def activity(id: int, when: str, title: str = "Möte", **kw: object) -> Activity:
    day = date.fromisoformat(when if len(when) == 10 else when + "-01")
    precision = Precision.DAY if len(when) == 10 else Precision.MONTH
    return Activity(
        title=title,
        when=EnteredDate(day, precision),
        category=kw.pop("category", Category.MEETING),  # type: ignore[arg-type]
        id=id,
        uid=f"u{id}",
        **kw,  # type: ignore[arg-type]
    )


def titles(items: list) -> list[str]:  # type: ignore[type-arg]
    return [i.title for i in items]


INDEX = CalendarIndex(
    calendar_items(
        [
            activity(1, "2024-05-02", "Seminarium om Agenda 2030", location="Malmö"),
            activity(2, "2024-05-20", "Styrelsemöte", category=Category.BOARD),
            activity(3, "2024-05", "Nyhetsbrev", notes="Skickas till alla medlemmar"),
            activity(4, "2024-04-29", "Konferens", ends_on=date(2024, 5, 2)),
            activity(5, "2023-12-30", "Nyårsläger", ends_on=date(2024, 1, 2)),
            activity(6, "2025-05-02", "Seminarium nästa år"),
            activity(7, "2024-08-15", "Möte i Västerås", participants="Åsa Öberg"),
        ]
    )
)
ALL = CalendarFilter()


def test_a_year_holds_what_starts_in_it() -> None:
    assert set(titles(INDEX.year(2024, ALL))) == {
        "Seminarium om Agenda 2030",
        "Styrelsemöte",
        "Nyhetsbrev",
        "Konferens",
        "Möte i Västerås",
    }
    assert titles(INDEX.year(2023, ALL)) == ["Nyårsläger"]
    assert INDEX.year(1999, ALL) == []


def test_a_month_holds_what_runs_into_it_from_the_month_or_the_year_before() -> None:
    assert set(titles(INDEX.month(2024, 5, ALL))) == {
        "Seminarium om Agenda 2030",
        "Styrelsemöte",
        "Nyhetsbrev",
        "Konferens",
    }
    assert titles(INDEX.month(2024, 1, ALL)) == ["Nyårsläger"]
    assert titles(INDEX.month(2024, 6, ALL)) == []


def test_every_word_must_be_in_the_title_place_participants_or_notes() -> None:
    assert titles(INDEX.year(2024, CalendarFilter("semin malmö"))) == ["Seminarium om Agenda 2030"]
    assert titles(INDEX.year(2024, CalendarFilter("MEDLEMMAR"))) == ["Nyhetsbrev"]
    assert titles(INDEX.year(2024, CalendarFilter("åsa västerås"))) == ["Möte i Västerås"]
    assert INDEX.year(2024, CalendarFilter("semin göteborg")) == []


def test_a_category_and_words_together() -> None:
    board = CalendarFilter(category=Category.BOARD)
    assert titles(INDEX.month(2024, 5, board)) == ["Styrelsemöte"]
    assert INDEX.month(2024, 5, CalendarFilter("seminarium", Category.BOARD)) == []


def test_a_filter_is_active_with_words_or_a_category() -> None:
    assert not CalendarFilter().active
    assert not CalendarFilter("   ").active
    assert CalendarFilter("möte").active
    assert CalendarFilter(category=Category.BOARD).active


def test_an_item_is_found_by_its_key() -> None:
    item = INDEX.items[0]
    assert INDEX.get(item.key) is item
    assert INDEX.get("aktivitet-999") is None
    assert INDEX.get(None) is None
    assert len(INDEX) == 7
