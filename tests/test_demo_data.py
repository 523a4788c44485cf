"""The shipped demo database: the 2024 report's figures, invented contacts, never modified.

Every test opens a copy of ``data/demo.json``; the shipped file itself is only read, and its
hash is checked once more after the whole module has run.
"""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from secretariat_tui.domain.figures import year_figures
from secretariat_tui.domain.members import Member, MemberKind, MembershipForm
from secretariat_tui.domain.orgnr import normalise_org_number
from secretariat_tui.store.database import open_database
from secretariat_tui.store.members import MemberRepository
from secretariat_tui.store.schema import META_TABLE, SCHEMA_VERSION
from tests.demo_copy import DEMO, copy_of_demo, shipped_demo_untouched  # noqa: F401 (autouse)

DATA = Path(__file__).resolve().parent.parent / "data"
BUILD_SCRIPT = DATA / "build_demo.py"

FICTION_PHONE = re.compile(r"^070-174 06 (\d\d)$")

# People named in the 2024 report. Demo contacts are invented and share no name with them.
REPORT_PEOPLE = {
    "Jacob Flärdh",
    "Kremena Hultby",
    "Marianne Broddesson",
    "Sofie Arvidsson",
    "Emelie Huuva Skeppar",
    "Daniel Åman",
    "Paulina Brandberg",
}


def _members_in(path: Path) -> list[Member]:
    with open_database(path) as db:
        return MemberRepository(db).all()


@pytest.fixture(scope="module")
def members(tmp_path_factory: pytest.TempPathFactory) -> list[Member]:
    return _members_in(copy_of_demo(tmp_path_factory.mktemp("demo")))


def _load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_demo", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_demo_is_a_valid_database(tmp_path: Path) -> None:
    copy = copy_of_demo(tmp_path)
    with open_database(copy) as db:
        meta = db.table(META_TABLE).get(doc_id=1)
    assert isinstance(meta, dict)
    assert meta["app"] == "secretariat-tui"
    assert meta["schema"] == SCHEMA_VERSION


def test_2024_figures_match_the_annual_report(members: list[Member]) -> None:
    figures = year_figures(members, 2024)
    assert figures.new == 4
    assert figures.total_at_year_end == 27
    assert figures.count(kind=MemberKind.ORGANISATION) == 26
    assert figures.at_year_end[(MemberKind.ORGANISATION, MembershipForm.FULL)] == 20
    assert figures.at_year_end[(MemberKind.ORGANISATION, MembershipForm.NETWORKING)] == 6
    assert figures.at_year_end[(MemberKind.INDIVIDUAL, MembershipForm.INDIVIDUAL)] == 1
    assert figures.ended == 0


def test_nobody_ended_in_2023(members: list[Member]) -> None:
    assert year_figures(members, 2023).ended == 0


def test_the_2024_new_members_are_spread_over_the_year(members: list[Member]) -> None:
    months = sorted(m.joined.month for m in members if m.joined.year == 2024)
    assert len(months) == 4
    assert len(set(months)) == 4


def test_members_joined_from_2017_on(members: list[Member]) -> None:
    assert min(m.joined for m in members) >= date(2017, 1, 1)


def test_register_has_history(members: list[Member]) -> None:
    changed = [m for m in members if len(m.forms) > 1]
    assert [(c.form, c.effective.year) for m in changed for c in m.forms] == [
        (MembershipForm.NETWORKING, 2019),
        (MembershipForm.FULL, 2022),
    ]
    ended = {m.ended.year: m for m in members if m.ended is not None}
    assert sorted(ended) == [2021, 2022, 2025]
    assert ended[2021].end_reason == "Verksamheten avvecklad"
    assert all(m.end_reason for m in ended.values())
    assert ended[2025].is_member_on(date(2024, 12, 31))
    assert [m.joined.year for m in members].count(2025) == 1


def test_report_organisations_are_members(members: list[Member]) -> None:
    names = {m.name for m in members}
    for name in (
        "Childx",
        "Frälsningsarmén",
        "Terrafem",
        "Stockholms Stadsmission",
        "Roks",
        "Göteborgs Räddningsmission",
        "Kvinno- och tjejjouren i Umeå",
        "Kvinnojouren i Jämtlands län",
    ):
        assert name in names


def test_org_numbers_are_valid(members: list[Member]) -> None:
    given = [m.org_number for m in members if m.org_number]
    assert given, "the demo should show some organisation numbers"
    for number in given:
        assert normalise_org_number(number) == number
        assert number.startswith("8")
    assert len(set(given)) == len(given)
    assert all(not m.org_number for m in members if m.kind is MemberKind.INDIVIDUAL)


def test_emails_are_at_example_domains(members: list[Member]) -> None:
    emails = [m.contact.email for m in members if m.contact.email]
    assert emails
    for email in emails:
        assert email.endswith(("@example.org", "@example.se")), email


def test_phones_are_in_the_fiction_range(members: list[Member]) -> None:
    phones = [m.contact.phone for m in members if m.contact.phone]
    assert phones
    for phone in phones:
        match = FICTION_PHONE.match(phone)
        assert match, phone
        assert 5 <= int(match.group(1)) <= 99, phone


def test_contact_people_are_not_people_from_the_report(members: list[Member]) -> None:
    report_words = {word for name in REPORT_PEOPLE for word in name.split()}
    for member in members:
        people = {member.contact.person}
        if member.kind is MemberKind.INDIVIDUAL:
            people.add(member.name)
        for person in people:
            assert person, f"{member.name} has no contact person"
            assert not set(person.split()) & report_words, person


def test_build_script_reproduces_the_shipped_demo(tmp_path: Path) -> None:
    rebuilt = tmp_path / "rebuilt.json"
    _load_build_script().build_database(rebuilt)

    shipped = json.loads(DEMO.read_bytes())
    fresh = json.loads(rebuilt.read_bytes())
    shipped.pop(META_TABLE)
    fresh.pop(META_TABLE)
    assert fresh == shipped

    assert _members_in(rebuilt) == _members_in(copy_of_demo(tmp_path))
