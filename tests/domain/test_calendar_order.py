"""The coordinator's order of a month: placements, the merge of unplaced items, and moves."""

from __future__ import annotations

from datetime import time

from secretariat_tui.domain.calendar import (
    CalendarItem,
    Placement,
    calendar_items,
    in_month,
    month_groups,
    moved,
    next_item,
    on_day,
    ranked,
)
from tests.domain.test_calendar import activity, day, month

APRIL = [
    activity("Halvdag", day("2024-04-09"), 1),
    activity("Sakråd", day("2024-04-11"), 2),
    activity("Årsmöte", day("2024-04-18"), 3),
    activity("Statistikrapporten", day("2024-04-25"), 4),
]


def titles(items: list[CalendarItem] | tuple[CalendarItem, ...]) -> list[str]:
    return [i.title for i in items]


def placed(*keys_and_dates: tuple[str, str]) -> list[Placement]:
    return [Placement(key, when, n) for n, (key, when) in enumerate(keys_and_dates)]


ORIGINAL_APRIL = placed(
    ("aktivitet-1", "2024-04-09"),
    ("aktivitet-2", "2024-04-11"),
    ("aktivitet-4", "2024-04-25"),
    ("aktivitet-3", "2024-04-18"),
)


def test_without_placements_a_month_is_in_date_order_and_has_no_rank() -> None:
    items = calendar_items(APRIL)
    assert titles(items) == ["Halvdag", "Sakråd", "Årsmöte", "Statistikrapporten"]
    assert {i.rank for i in items} == {None}


def test_a_placed_month_keeps_the_coordinators_order_in_the_month_table() -> None:
    items = calendar_items(APRIL, placements=ORIGINAL_APRIL)
    april = month_groups(items, 2024)[3].items
    assert titles(april) == ["Halvdag", "Sakråd", "Statistikrapporten", "Årsmöte"]
    assert [i.rank for i in april] == [0, 1, 2, 3]
    assert titles(in_month(reversed(items), 2024, 4)) == titles(april)


def test_an_item_added_later_takes_its_place_by_date_among_the_placed() -> None:
    added = activity("Möte den 20:e", day("2024-04-20"), 5)
    items = calendar_items([*APRIL, added], placements=ORIGINAL_APRIL)
    assert titles(items) == ["Halvdag", "Sakråd", "Möte den 20:e", "Statistikrapporten", "Årsmöte"]


def test_a_placement_lapses_when_the_item_gets_another_date() -> None:
    later = activity("Statistikrapporten", day("2024-04-30"), 4)
    items = calendar_items([*APRIL[:3], later], placements=ORIGINAL_APRIL)
    assert titles(items) == ["Halvdag", "Sakråd", "Årsmöte", "Statistikrapporten"]


def test_other_months_stay_in_date_order() -> None:
    may = [activity("Sent", day("2024-05-20"), 8), activity("Tidigt", day("2024-05-02"), 9)]
    items = calendar_items([*APRIL, *may], placements=ORIGINAL_APRIL)
    assert titles(items)[4:] == ["Tidigt", "Sent"]
    assert {i.rank for i in items[4:]} == {None}


def test_a_day_and_a_filtered_list_sort_like_the_whole_month() -> None:
    same_day = [
        activity("Kväll", day("2024-06-03"), 1, starts_at=time(18)),
        activity("Heldag", day("2024-06-03"), 2),
        activity("Bara juni", month("2024-06"), 3),
    ]
    order = placed(
        ("aktivitet-1", "2024-06-03"), ("aktivitet-3", "2024-06"), ("aktivitet-2", "2024-06-03")
    )
    items = calendar_items(same_day, placements=order)
    assert titles(on_day(items, day("2024-06-03").day)) == ["Kväll", "Heldag"]
    assert titles(in_month(items[::-1], 2024, 6)) == ["Kväll", "Bara juni", "Heldag"]


def test_ranking_again_forgets_an_old_rank() -> None:
    items = calendar_items(APRIL, placements=ORIGINAL_APRIL)
    assert titles(ranked(items, [])) == ["Halvdag", "Sakråd", "Årsmöte", "Statistikrapporten"]


def test_the_next_item_is_the_next_by_date_whatever_the_order() -> None:
    items = calendar_items(APRIL, placements=ORIGINAL_APRIL)
    found = next_item(items, day("2024-04-12").day)
    assert found is not None and found.title == "Årsmöte"


def test_moving_up_trades_places_with_the_neighbour_in_the_list_shown() -> None:
    items = calendar_items(APRIL)
    placements = moved(items, items, "aktivitet-4", -1)
    assert placements == ORIGINAL_APRIL
    assert titles(calendar_items(APRIL, placements=placements))[2:] == [
        "Statistikrapporten",
        "Årsmöte",
    ]


def test_moving_in_a_shorter_list_trades_with_the_neighbour_shown_there() -> None:
    items = calendar_items(APRIL)
    shown = [items[0], items[3]]  # a filter hides the two between
    placements = moved(items, shown, "aktivitet-1", 1)
    assert placements is not None
    reordered = calendar_items(APRIL, placements=placements)
    assert titles(reordered) == ["Statistikrapporten", "Sakråd", "Årsmöte", "Halvdag"]


def test_a_move_at_the_edge_or_of_an_item_not_shown_is_none() -> None:
    items = calendar_items(APRIL)
    assert moved(items, items, "aktivitet-1", -1) is None
    assert moved(items, items, "aktivitet-4", 1) is None
    assert moved(items, items[:2], "aktivitet-4", -1) is None


def test_a_move_back_to_date_order_needs_no_placements() -> None:
    items = calendar_items(APRIL, placements=ORIGINAL_APRIL)
    assert moved(items, items, "aktivitet-3", -1) == []


def test_a_move_to_a_neighbour_of_another_month_is_none() -> None:
    items = calendar_items([*APRIL, activity("Maj", day("2024-05-02"), 9)])
    assert moved(items[:4], items, "aktivitet-4", 1) is None
