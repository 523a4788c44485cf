"""Network participation: the activities that name a network, counted per network and year."""

from __future__ import annotations

from datetime import date

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.domain.networks import participations, participations_by_network


def taken_part(network_id: int | None, iso: str, title: str = "Nätverksträff") -> Activity:
    when = EnteredDate(date.fromisoformat(iso))
    return Activity(title, when, Category.NETWORK, network_id=network_id)


ACTIVITIES = [
    taken_part(1, "2024-10-01", "Höstmöte"),
    taken_part(2, "2024-03-12"),
    taken_part(1, "2024-03-12", "Vårmöte B"),
    taken_part(None, "2024-03-12", "Utan nätverk"),
    taken_part(1, "2023-05-20", "Förra året"),
    taken_part(1, "2024-03-12", "Vårmöte A"),
]


def test_each_networks_participations_of_the_year_come_by_date_then_title() -> None:
    by_network = participations_by_network(ACTIVITIES, 2024)

    assert [a.title for a in by_network[1]] == ["Vårmöte A", "Vårmöte B", "Höstmöte"]
    assert [a.title for a in by_network[2]] == ["Nätverksträff"]
    assert set(by_network) == {1, 2}, "an activity without a network is nobody's participation"


def test_grouped_participations_are_the_same_as_asked_one_network_at_a_time() -> None:
    for year in (2023, 2024, 2025, None):
        by_network = participations_by_network(ACTIVITIES, year)
        for network_id in (1, 2, 3):
            alone = participations(network_id, ACTIVITIES, year)
            assert by_network.get(network_id, []) == alone, (network_id, year)
