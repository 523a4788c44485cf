"""Year figures: new and ended in the year, and who was a member on 31 December, by kind, form."""

from __future__ import annotations

from datetime import date

from secretariat_tui.domain.figures import year_figures
from secretariat_tui.domain.members import FormChange
from tests.factories import FULL, INDIVIDUAL, NETWORKING, ORG, PERSON, make_member


def test_members_who_joined_in_the_year_are_new() -> None:
    members = [
        make_member(joined=date(2023, 12, 31)),
        make_member(joined=date(2024, 1, 1)),
        make_member(kind=PERSON, joined=date(2024, 12, 31)),
        make_member(joined=date(2025, 1, 1)),
    ]
    assert year_figures(members, 2024).new == 2


def test_members_whose_last_day_is_in_the_year_have_ended() -> None:
    members = [
        make_member(joined=date(2020, 1, 1), ended=date(2023, 12, 31)),
        make_member(joined=date(2020, 1, 1), ended=date(2024, 1, 1)),
        make_member(joined=date(2020, 1, 1), ended=date(2024, 12, 31)),
        make_member(joined=date(2020, 1, 1), ended=date(2025, 1, 1)),
        make_member(joined=date(2020, 1, 1)),
    ]
    assert year_figures(members, 2024).ended == 2


def test_members_are_counted_at_year_end_by_kind_and_form() -> None:
    members = [
        *[make_member(joined=date(2019, 5, 1), form=FULL) for _ in range(3)],
        *[make_member(joined=date(2021, 5, 1), form=NETWORKING) for _ in range(2)],
        make_member(kind=PERSON, joined=date(2022, 5, 1), form=NETWORKING),
        make_member(kind=PERSON, joined=date(2022, 5, 1), form=INDIVIDUAL),
    ]
    figures = year_figures(members, 2024)
    assert figures.at_year_end == {
        (ORG, FULL): 3,
        (ORG, NETWORKING): 2,
        (PERSON, NETWORKING): 1,
        (PERSON, INDIVIDUAL): 1,
    }
    assert figures.total_at_year_end == 7
    assert figures.count(kind=ORG) == 5
    assert figures.count(form=NETWORKING) == 3
    assert figures.count(kind=PERSON, form=INDIVIDUAL) == 1
    assert figures.count(kind=PERSON, form=FULL) == 0


def test_a_member_who_ended_mid_year_is_not_counted_at_year_end() -> None:
    members = [
        make_member(joined=date(2019, 1, 1), ended=date(2024, 6, 30)),
        make_member(joined=date(2019, 1, 1)),
    ]
    figures = year_figures(members, 2024)
    assert figures.total_at_year_end == 1
    assert figures.ended == 1


def test_a_member_whose_last_day_is_31_december_is_still_counted_that_year() -> None:
    members = [make_member(joined=date(2019, 1, 1), ended=date(2024, 12, 31))]
    assert year_figures(members, 2024).total_at_year_end == 1
    assert year_figures(members, 2025).total_at_year_end == 0


def test_members_who_join_after_the_year_are_not_counted() -> None:
    members = [make_member(joined=date(2025, 1, 1))]
    assert year_figures(members, 2024).total_at_year_end == 0


def test_a_form_change_in_the_year_counts_with_the_form_held_on_31_december() -> None:
    switched = make_member(
        joined=date(2020, 1, 1),
        forms=(FormChange(date(2020, 1, 1), NETWORKING), FormChange(date(2024, 9, 1), FULL)),
    )
    later = make_member(
        joined=date(2020, 1, 1),
        forms=(FormChange(date(2020, 1, 1), NETWORKING), FormChange(date(2025, 1, 1), FULL)),
    )
    figures = year_figures([switched, later], 2024)
    assert figures.at_year_end == {(ORG, FULL): 1, (ORG, NETWORKING): 1}
    assert year_figures([switched, later], 2023).at_year_end == {(ORG, NETWORKING): 2}


def test_past_years_keep_their_figures_as_the_register_changes() -> None:
    members = [
        make_member(
            joined=date(2023, 3, 1),
            forms=(FormChange(date(2023, 3, 1), NETWORKING), FormChange(date(2024, 2, 1), FULL)),
        ),
        make_member(kind=PERSON, joined=date(2022, 3, 1), form=INDIVIDUAL, ended=date(2024, 5, 1)),
    ]
    f2023 = year_figures(members, 2023)
    assert (f2023.new, f2023.ended) == (1, 0)
    assert f2023.at_year_end == {(ORG, NETWORKING): 1, (PERSON, INDIVIDUAL): 1}
    f2024 = year_figures(members, 2024)
    assert (f2024.new, f2024.ended) == (0, 1)
    assert f2024.at_year_end == {(ORG, FULL): 1}


def test_the_2024_report_figures_come_out_of_a_matching_register() -> None:
    """§5: 4 new, 27 members (26 organisations: 20 full, 6 networking) and one individual."""
    members = [
        *[make_member(joined=date(2018, 1, 1), form=FULL) for _ in range(18)],
        *[make_member(joined=date(2024, 3, 1), form=FULL) for _ in range(2)],
        *[make_member(joined=date(2019, 1, 1), form=NETWORKING) for _ in range(4)],
        *[make_member(joined=date(2024, 5, 1), form=NETWORKING) for _ in range(2)],
        make_member(kind=PERSON, joined=date(2021, 1, 1), form=INDIVIDUAL),
        make_member(joined=date(2018, 1, 1), form=FULL, ended=date(2023, 12, 31)),
    ]
    figures = year_figures(members, 2024)
    assert figures.new == 4
    assert figures.total_at_year_end == 27
    assert figures.count(kind=ORG) == 26
    assert figures.count(kind=ORG, form=FULL) == 20
    assert figures.count(kind=ORG, form=NETWORKING) == 6
    assert figures.count(kind=PERSON) == 1
