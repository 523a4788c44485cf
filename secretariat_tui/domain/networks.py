"""Network memberships: the networks the platform belongs to, and its participation in them.

Participation is not typed as a number: it is the activities that name the network, so
"deltog vid ett tillfälle under hösten" is counted from the calendar.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from secretariat_tui.domain.activities import Activity
from secretariat_tui.domain.errors import FieldErrors

NAME_MAX = 200


@dataclass(frozen=True)
class NetworkMembership:
    name: str
    organiser: str = ""
    since: date | None = None
    until: date | None = None
    """The last day as a member; None while the membership goes on."""
    role: str = ""
    """The platform's role: medlem, partner, observatör …"""
    meets: str = ""
    """How often the network meets, in words ("två gånger per år")."""
    contact: str = ""
    notes: str = ""
    about: str = ""
    """What the network is, as the annual report says it after the name ("ett forum för …")."""
    id: int | None = None

    def is_active_on(self, day: date) -> bool:
        started = self.since is None or self.since <= day
        return started and (self.until is None or day <= self.until)

    def is_active_in(self, year: int) -> bool:
        started = self.since is None or self.since.year <= year
        return started and (self.until is None or self.until.year >= year)


def check_network(network: NetworkMembership) -> None:
    errors: dict[str, str] = {}
    if not network.name.strip():
        errors["name"] = "Ange nätverkets namn."
    elif len(network.name) > NAME_MAX:
        errors["name"] = f"Namnet är för långt (högst {NAME_MAX} tecken)."
    if network.since and network.until and network.until < network.since:
        errors["until"] = (
            f"Slutet {network.until.isoformat()} ligger före starten {network.since.isoformat()}."
        )
    if errors:
        raise FieldErrors(errors)


def participations(
    network_id: int, activities: Iterable[Activity], year: int | None = None
) -> list[Activity]:
    """The activities that were participation in the network (in ``year``), by date."""
    found = [
        a for a in activities if a.network_id == network_id and (year is None or a.day.year == year)
    ]
    return sorted(found, key=_by_date)


def participations_by_network(
    activities: Iterable[Activity], year: int | None = None
) -> dict[int, list[Activity]]:
    """Every network's ``participations`` at once, from one pass over the activities.

    For a text about all networks: asking ``participations`` once per network reads every
    activity once per network, which grows with the square of the register.
    """
    found: dict[int, list[Activity]] = {}
    for activity in activities:
        if activity.network_id is not None and (year is None or activity.day.year == year):
            found.setdefault(activity.network_id, []).append(activity)
    return {network_id: sorted(taken, key=_by_date) for network_id, taken in found.items()}


def _by_date(activity: Activity) -> tuple[date, str]:
    return activity.day, activity.title
