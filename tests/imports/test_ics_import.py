"""ICS import: Outlook-, Google- and Thunderbird-style files become the activities they
describe (Stockholm wall-clock times, all-day and multi-day spans, åäö, our own UIDs), an
import is idempotent by UID, changes update the stored activity, skipped events say why,
and a broken file is refused with a Swedish message naming its line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from secretariat_tui.domain.activities import Activity, Category
from secretariat_tui.domain.date_entry import EnteredDate
from secretariat_tui.imports.ics_calendar import (
    IcsFormatError,
    IcsImportPlan,
    ics_plan_report,
    plan_ics_import,
)
from secretariat_tui.store.calendar import ActivityRepository
from secretariat_tui.store.database import Database

FIXTURES = Path(__file__).parent / "ics_fixtures"
OUTLOOK_SUMMER = (
    "040000008200E00074C5B7101A82E008000000001E2F3A4B5C6DD901000000000000000010000000"
    "A1B2C3D4E5F60718293A4B5C6D7E8F90"
)
OUTLOOK_WINTER = (
    "040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5DA01000000000000000010000000"
    "FFEEDDCCBBAA99887766554433221100"
)
OUTLOOK_ALL_DAY = (
    "040000008200E00074C5B7101A82E0080000000011223344556677DA01000000000000000010000000"
    "ABCDEFABCDEFABCDEFABCDEFABCDEFAB"
)
OUR_UID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
OUTLOOK_RECURRING = "BEGIN:VEVENT\r\nCLASS:PUBLIC\r\nCREATED:20240110"
RECURRING = "återkommande händelse, läggs inte in (lägg in tillfällena för hand)"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def line_of(data: bytes, text: str) -> int:
    """The 1-based line of the file where ``text`` first stands."""
    return data[: data.index(text.encode())].count(b"\n") + 1


def plan(name: str, existing: list[Activity] | None = None) -> IcsImportPlan:
    return plan_ics_import(fixture(name), existing or [])


def by_uid(found: IcsImportPlan) -> dict[str, Activity]:
    return {activity.uid: activity for activity in found.added}


def day(year: int, month: int, dd: int) -> EnteredDate:
    return EnteredDate(date(year, month, dd))


def calendar(*events: str) -> bytes:
    """A minimal CRLF calendar around hand-written VEVENT bodies."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Handskrivet//SV"]
    for body in events:
        lines += ["BEGIN:VEVENT", *body.strip().splitlines(), "END:VEVENT"]
    return ("\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n").encode()


# --- Outlook ------------------------------------------------------------------------------------


def test_outlook_windows_zone_gives_stockholm_wall_clock_in_summer_and_winter() -> None:
    """W. Europe Standard Time from the VTIMEZONE: 13:00 stays 13:00 in June and in November."""
    found = by_uid(plan("outlook.ics"))
    assert found[OUTLOOK_SUMMER] == Activity(
        title="Plattformsmöte – vårens uppföljning",
        when=day(2024, 6, 12),
        category=Category.MEETING,
        starts_at=time(13, 0),
        ends_at=time(16, 0),
        location="Folkets hus, Järntorget, Göteborg",
        notes=(
            "Dagordning: 1. Återblick på vårens påverkansarbete och remissvar. "
            "2. Förberedelser inför Almedalen – vem gör vad? 3. Övriga frågor.\n\n"
            "Välkomna!\nHälsningar, kansliet"
        ),
        uid=OUTLOOK_SUMMER,
    )
    winter = found[OUTLOOK_WINTER]
    assert (winter.when, winter.starts_at, winter.ends_at) == (
        day(2024, 11, 14),
        time(13),
        time(16),
    )
    assert winter.title == "Höstens plattformsmöte"
    assert winter.location == "Kansliet, Storgatan 1, Örebro"


def test_outlook_category_named_like_ours_in_another_case_is_ours() -> None:
    found = by_uid(plan("outlook.ics"))
    assert found[OUTLOOK_WINTER].category is Category.PLATFORM_MEETING
    assert found[OUTLOOK_SUMMER].category is Category.MEETING  # no CATEGORIES: the default


def test_outlook_all_day_event_is_one_day_without_times() -> None:
    activity = by_uid(plan("outlook.ics"))[OUTLOOK_ALL_DAY]
    assert (activity.when, activity.ends_on, activity.starts_at, activity.ends_at) == (
        day(2024, 3, 6),
        None,
        None,
        None,
    )


def test_outlook_recurring_meeting_is_skipped_with_its_line_and_reason() -> None:
    found = plan("outlook.ics")
    (skipped,) = found.skipped
    assert skipped.line == line_of(fixture("outlook.ics"), OUTLOOK_RECURRING)
    assert skipped.what == "2024-01-15 09:00 Veckoavstämning kansliet"
    assert skipped.reason == RECURRING
    assert (found.events, len(found.added)) == (4, 3)


def test_line_endings_do_not_change_what_is_read() -> None:
    """The same Outlook file with CRLF, LF only and old-Mac CR gives the same plan."""
    crlf = fixture("outlook.ics")
    plans = [
        plan_ics_import(d, [])
        for d in (crlf, crlf.replace(b"\r\n", b"\n"), crlf.replace(b"\r\n", b"\r"))
    ]
    assert plans[0] == plans[1] == plans[2]


# --- Google -------------------------------------------------------------------------------------


def test_google_utc_times_become_stockholm_times_summer_and_winter() -> None:
    found = by_uid(plan("google.ics"))
    board = found["4q9k2m7d1r0s8t6u5v3w2x1y0z@google.com"]
    assert (board.when, board.starts_at, board.ends_at) == (day(2024, 9, 18), time(9), time(10, 30))
    assert board.notes == "Protokoll skrivs av sekreteraren."
    fika = found[OUR_UID]  # 16:00Z in December is 17:00 in Stockholm
    assert (fika.when, fika.starts_at, fika.ends_at) == (day(2024, 12, 5), time(17), time(19))


def test_google_all_day_single_and_multi_day_with_exclusive_end() -> None:
    found = by_uid(plan("google.ics"))
    assert found["7a8b9c0d1e2f3g4h5i6j7k8l9m@google.com"] == Activity(
        title="Nationaldagsfirande med medlemmarna",
        when=day(2024, 6, 6),
        category=Category.MEETING,
        location="Skansen, Stockholm",
        uid="7a8b9c0d1e2f3g4h5i6j7k8l9m@google.com",
    )
    almedalen = found["almedalen2024xyz@google.com"]
    assert (almedalen.when, almedalen.ends_on) == (day(2024, 6, 30), date(2024, 7, 4))
    assert (almedalen.starts_at, almedalen.ends_at) == (None, None)


def test_google_timed_event_over_two_days_ends_on_the_local_end_date() -> None:
    conference = by_uid(plan("google.ics"))["konferens2024abc@google.com"]
    assert (conference.when, conference.starts_at) == (day(2024, 10, 1), time(9))
    assert (conference.ends_on, conference.ends_at) == (date(2024, 10, 2), time(16))
    assert conference.location == "Malmö Live"


def test_our_own_uid_suffix_is_taken_off() -> None:
    assert OUR_UID in by_uid(plan("google.ics"))
    assert not any(a.uid.endswith("@secretariat-tui") for a in plan("google.ics").added)


def test_google_cancelled_recurring_and_changed_occurrence_are_skipped_with_reasons() -> None:
    data = fixture("google.ics")
    skipped = [(s.line, s.what, s.reason) for s in plan("google.ics").skipped]
    assert skipped == [
        (
            line_of(data, "BEGIN:VEVENT\nDTSTART:20241010"),
            "2024-10-10 10:00 Inställt: Möte med kommunen",
            "inställd (STATUS:CANCELLED)",
        ),
        (
            line_of(data, "BEGIN:VEVENT\nDTSTART;TZID=Europe/Stockholm:20240902"),
            "2024-09-02 17:00 Månadsfika för medlemmar",
            RECURRING,
        ),
        (
            line_of(data, "BEGIN:VEVENT\nDTSTART;TZID=Europe/Stockholm:20241007"),
            "2024-10-07 18:00 Månadsfika för medlemmar (flyttad)",
            "ändrat tillfälle av en återkommande händelse, läggs inte in",
        ),
    ]


def test_a_cancelled_event_already_imported_is_pointed_out_not_deleted() -> None:
    stored = Activity(
        "Möte med kommunen",
        day(2024, 10, 10),
        Category.MEETING,
        uid="installt2024@google.com",
        id=4,
    )
    found = plan("google.ics", [stored])
    cancelled = next(s for s in found.skipped if "CANCELLED" in s.reason)
    assert cancelled.reason == (
        "inställd (STATUS:CANCELLED); den finns i registret: ta bort den där om den inte blev av"
    )
    assert found.updated == ()


# --- Thunderbird --------------------------------------------------------------------------------


def test_thunderbird_iana_zone_floating_time_duration_and_categories() -> None:
    found = by_uid(plan("thunderbird.ics"))
    assert found["6c1d2f4a-8b3e-4e5f-9a7b-0c1d2e3f4a5b"] == Activity(
        title="Remissvar om avfallsförordningen lämnas in",
        when=day(2024, 4, 15),
        category=Category.ADVOCACY,
        starts_at=time(10),
        ends_at=time(11, 30),
        location="Digitalt",
        notes="Skickas till Miljödepartementet.\nDiarienummer M2024/00123.",
        uid="6c1d2f4a-8b3e-4e5f-9a7b-0c1d2e3f4a5b",
    )
    floating = found["0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d"]  # no zone: Stockholm local
    assert (floating.when, floating.starts_at, floating.ends_at) == (
        day(2024, 5, 20),
        time(18),
        time(20),
    )
    assert (floating.title, floating.location) == ("Medlemsträff i Umeå", "Väven, Umeå")
    planning = found["f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9"]  # DURATION:PT2H30M
    assert (planning.starts_at, planning.ends_at, planning.ends_on) == (time(9), time(11, 30), None)
    assert planning.category is Category.BOARD  # "Arbete,STYRELSE": the first of ours


def test_default_category_is_given_to_events_without_one_of_ours() -> None:
    found = plan_ics_import(fixture("thunderbird.ics"), [], default_category=Category.NETWORK)
    categories = {a.title: a.category for a in found.added}
    assert categories == {
        "Remissvar om avfallsförordningen lämnas in": Category.ADVOCACY,
        "Medlemsträff i Umeå": Category.NETWORK,
        "Styrelsens planeringsdag": Category.BOARD,
    }


# --- idempotency and updates -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["outlook.ics", "google.ics", "thunderbird.ics"])
def test_importing_the_same_file_again_changes_nothing(name: str, database: Database) -> None:
    """Stored and read back, the first import's activities are exactly what the file says."""
    first = plan(name)
    repository = ActivityRepository(database)
    repository.add_many(list(first.added))
    again = plan(name, repository.all())
    assert (again.added, again.updated) == ((), ())
    assert again.unchanged == len(first.added) > 0
    assert again.skipped == first.skipped
    assert not again.has_changes


def test_a_changed_summary_updates_the_stored_activity_and_keeps_what_only_we_know() -> None:
    stored = Activity(
        title="Julfika",
        when=day(2024, 12, 5),
        category=Category.NETWORK,
        starts_at=time(17),
        ends_at=time(19),
        participants="Nätverket för hållbarhet",
        in_report=False,
        network_id=3,
        uid=OUR_UID,
        id=12,
    )
    found = plan("google.ics", [stored])
    assert OUR_UID not in by_uid(found)
    ((old, new),) = found.updated
    assert old is stored
    assert new == replace(stored, title="Julfika med nätverket")
    assert "Uppdateras: 2024-12-05 17:00–19:00 Julfika med nätverket (ändras: Rubrik)" in (
        found.preview_lines()
    )


def test_a_category_of_ours_in_the_file_replaces_the_stored_one() -> None:
    first = by_uid(plan("thunderbird.ics"))["6c1d2f4a-8b3e-4e5f-9a7b-0c1d2e3f4a5b"]
    stored = replace(first, category=Category.MEETING, id=5)
    ((old, new),) = plan("thunderbird.ics", [stored]).updated
    assert (old.category, new.category, new.id) == (Category.MEETING, Category.ADVOCACY, 5)


def test_an_event_without_uid_gets_a_stable_one_so_a_second_import_finds_it() -> None:
    data = calendar(
        "SUMMARY:Årsmöte\nDTSTART;VALUE=DATE:20240425", "SUMMARY:Fika\nDTSTART;VALUE=DATE:20240425"
    )
    first = plan_ics_import(data, [])
    uids = [a.uid for a in first.added]
    assert len(set(uids)) == 2 and all(uid.startswith("ics-") for uid in uids)
    stored = [replace(a, id=i) for i, a in enumerate(first.added, 1)]
    again = plan_ics_import(data, stored)
    assert (again.added, again.unchanged) == ((), 2)


# --- events that are not imported ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("UID:a\nSUMMARY:Utan start", "saknar startdatum (DTSTART)"),
        ("UID:a\nSUMMARY:  \nDTSTART:20240425T100000", "saknar rubrik (SUMMARY)"),
        ("UID:a\nDTSTART:20240425T100000", "saknar rubrik (SUMMARY)"),
        (
            "UID:a\nSUMMARY:Baklänges\nDTSTART:20240425T100000\nDTEND:20240425T090000",
            "Sluttiden 09:00 ligger före starttiden 10:00.",
        ),
        (
            "UID:a\nSUMMARY:Blandat\nDTSTART;VALUE=DATE:20240425\nDTEND:20240426T090000",
            "DTSTART är ett datum men DTEND en tidpunkt",
        ),
        ("UID:a\nSUMMARY:Forntid\nDTSTART;VALUE=DATE:18500101", "datumet ligger utanför 1900–2100"),
        (
            f"UID:a\nSUMMARY:{'x' * 301}\nDTSTART;VALUE=DATE:20240425",
            "Rubriken är för lång (högst 300 tecken).",
        ),
    ],
)
def test_an_event_that_cannot_be_an_activity_is_skipped_with_its_reason(
    body: str, reason: str
) -> None:
    found = plan_ics_import(calendar(body), [])
    assert [(s.line, s.reason) for s in found.skipped] == [(4, reason)]
    assert found.added == ()


def test_a_repeated_uid_is_imported_once_and_the_repeat_named() -> None:
    data = calendar(
        "UID:dubbel\nSUMMARY:Första\nDTSTART;VALUE=DATE:20240425",
        "UID:dubbel\nSUMMARY:Andra\nDTSTART;VALUE=DATE:20240426",
    )
    found = plan_ics_import(data, [])
    assert [a.title for a in found.added] == ["Första"]
    assert [(s.line, s.reason) for s in found.skipped] == [(9, "samma UID som händelsen på rad 4")]


def test_an_event_as_long_as_its_start_has_no_end_time() -> None:
    data = calendar("UID:a\nSUMMARY:Deadline\nDTSTART:20240425T120000Z\nDTEND:20240425T120000Z")
    (activity,) = plan_ics_import(data, []).added
    assert (activity.starts_at, activity.ends_at) == (time(14), None)


# --- the preview ---------------------------------------------------------------------------------


def test_the_report_lists_each_change_the_unchanged_and_the_skipped() -> None:
    data = fixture("outlook.ics")
    report = ics_plan_report(plan_ics_import(data, []), "kalender.ics")
    skipped_line = line_of(data, OUTLOOK_RECURRING)
    assert report.errors == []
    assert report.lines == [
        "Läser kalender.ics: iCalendar, 4 händelser.",
        "Läggs till: 2024-03-06 Sista dag för verksamhetsberättelsen",
        "Läggs till: 2024-06-12 13:00–16:00 Plattformsmöte – vårens uppföljning",
        "Läggs till: 2024-11-14 13:00–16:00 Höstens plattformsmöte",
        "Oförändrade: 0",
        f"Hoppas över, rad {skipped_line}: 2024-01-15 09:00 Veckoavstämning kansliet – {RECURRING}",
        "3 läggs till, 0 uppdateras, 0 oförändrade, 1 hoppas över",
    ]


def test_multi_day_items_show_their_last_day_in_the_preview() -> None:
    lines = plan("google.ics").preview_lines()
    assert "Läggs till: 2024-06-30–2024-07-04 Almedalsveckan" in lines
    assert (
        "Läggs till: 2024-10-01–2024-10-02 09:00–16:00 Nationell konferens om hållbar upphandling"
        in lines
    )


# --- broken files --------------------------------------------------------------------------------


def swap(name: str, old: str, new: str | bytes) -> Callable[[], bytes]:
    """The fixture with ``old`` (which must be there) replaced once by ``new``."""

    def make() -> bytes:
        data = fixture(name)
        assert old.encode() in data, old
        return data.replace(old.encode(), new if isinstance(new, bytes) else new.encode(), 1)

    return make


def cut_before(name: str, text: str) -> Callable[[], bytes]:
    """The fixture cut off just before the last ``text``: a download that stopped."""

    def make() -> bytes:
        data = fixture(name)
        return data[: data.rindex(text.encode())]

    return make


def at(name: str, text: str) -> str:
    """``rad N: ``, N being the fixture's line where ``text`` stands."""
    return f"rad {line_of(fixture(name), text)}: "


NOT_UTF8 = (
    "tecken som inte är UTF-8 (filen är troligen sparad som Windows-1252/latin-1); en "
    "iCalendar-fil ska vara UTF-8. Exportera kalendern igen."
)
NOT_A_DATE = "är inget datum eller klockslag."
STOCKHOLM = "DTSTART;TZID=Europe/Stockholm:"
WINDOWS = "DTSTART;TZID=W. Europe Standard Time:"
FOLDED = "ssvar. 2. Förberedelser inför Almedalen – vem gör vad? 3.…"
GOOGLE_END = len(fixture("google.ics").splitlines()) + 1

BROKEN: dict[str, tuple[Callable[[], bytes], str]] = {
    "not iCalendar": (
        lambda: "Hej!\nHär är kalendern.\n".encode(),
        "Filen är ingen iCalendar-fil (.ics): den börjar med ”Hej!”, inte BEGIN:VCALENDAR.",
    ),
    "a vCard": (
        lambda: b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nEND:VCARD\r\n",
        "Filen är ingen iCalendar-fil (.ics): den börjar med ”BEGIN:VCARD”, inte BEGIN:VCALENDAR.",
    ),
    "empty": (lambda: b"", "Filen är tom."),
    "UTF-16": (
        lambda: fixture("google.ics").decode().encode("utf-16"),
        "Filen är sparad som UTF-16; en iCalendar-fil ska vara UTF-8.",
    ),
    "latin-1": (
        swap("thunderbird.ics", "Väven", "Väven".encode("latin-1")),
        at("thunderbird.ics", "LOCATION:Väven") + NOT_UTF8,
    ),
    "truncated": (
        cut_before("outlook.ics", "END:VEVENT"),
        f"Filen tar slut innan BEGIN:VEVENT på {at('outlook.ics', OUTLOOK_RECURRING)[:-2]} "
        "har avslutats med END:VEVENT: filen är avkortad eller skadad.",
    ),
    "END without its BEGIN": (
        swap("outlook.ics", "END:VALARM\r\n", ""),
        at("outlook.ics", "END:VALARM") + "END:VEVENT passar inte: BEGIN:VALARM på "
        f"{at('outlook.ics', 'BEGIN:VALARM')[:-2]} är inte avslutad.",
    ),
    "a fold without its space": (
        swap("outlook.ics", "\r\n ssvar.", "\r\nssvar."),
        at("outlook.ics", " ssvar.") + f"”{FOLDED}” är ingen iCalendar-rad (NAMN:värde).",
    ),
    "text after the calendar": (
        lambda: fixture("google.ics") + "<!-- sparad av webbläsaren -->\n".encode(),
        f"rad {GOOGLE_END}: ”<!-- sparad av webbläsaren -->” är ingen iCalendar-rad (NAMN:värde).",
    ),
    "a date that does not exist, in the last event": (
        swap("thunderbird.ics", f"{STOCKHOLM}20240902T090000", f"{STOCKHOLM}20241340T090000"),
        at("thunderbird.ics", f"{STOCKHOLM}20240902") + f"DTSTART ”20241340T090000” {NOT_A_DATE}",
    ),
    "a date in the wrong shape": (
        swap("google.ics", "DTEND:20240918T083000Z", "DTEND:2024-13-40"),
        at("google.ics", "DTEND:20240918T083000Z") + f"DTEND ”2024-13-40” {NOT_A_DATE}",
    ),
    "an unknown time zone": (
        swap("outlook.ics", f"{WINDOWS}20241114", "DTSTART;TZID=Mars/Olympus:20241114"),
        at("outlook.ics", f"{WINDOWS}20241114") + "DTSTART har tidszonen ”Mars/Olympus”, som "
        "varken beskrivs i filen (VTIMEZONE) eller är en känd tidszon.",
    ),
    "a broken duration": (
        swap("thunderbird.ics", "DURATION:PT2H30M", "DURATION:P2X"),
        at("thunderbird.ics", "DURATION:") + "DURATION ”P2X” är ingen tidslängd (t.ex. PT1H30M).",
    ),
    "a broken time zone rule": (
        swap("thunderbird.ics", "TZOFFSETTO:+0200", "TZOFFSETTO:+2 tim"),
        at("thunderbird.ics", "TZOFFSETTO:+0200") + "”TZOFFSETTO:+2 tim” kan inte läsas.",
    ),
}


@pytest.mark.parametrize(("make", "message"), list(BROKEN.values()), ids=list(BROKEN))
def test_a_broken_file_is_refused_with_what_and_where(
    make: Callable[[], bytes], message: str
) -> None:
    """The whole file is read first: an error anywhere (even in the last event) means no plan."""
    with pytest.raises(IcsFormatError) as refused:
        plan_ics_import(make(), [])
    assert str(refused.value) == message


def test_the_refusal_is_a_value_error_that_carries_its_line() -> None:
    data = swap("google.ics", "DTEND:20240918T083000Z", "DTEND:2024-13-40")()
    with pytest.raises(ValueError) as refused:
        plan_ics_import(data, [])
    assert isinstance(refused.value, IcsFormatError)
    assert refused.value.line == line_of(data, "DTEND:2024-13-40")


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(
            lambda d: d.replace(
                b"TZID=W. Europe Standard Time:", b'TZID="W. Europe Standard Time":'
            ),
            id="quoted TZID",
        ),
        pytest.param(
            lambda d: d[: d.index(b"BEGIN:VTIMEZONE")] + d[d.index(b"END:VTIMEZONE\r\n") + 15 :],
            id="no VTIMEZONE",
        ),
    ],
)
def test_outlook_zone_quoted_or_without_its_vtimezone_reads_the_same(
    variant: Callable[[bytes], bytes],
) -> None:
    """Outlook quotes the Windows zone name in some versions, and a forwarded invitation may
    lack the VTIMEZONE: the Windows name alone still means Stockholm's rules."""
    data = fixture("outlook.ics")
    changed = variant(data)
    assert changed != data
    assert plan_ics_import(changed, []).added == plan_ics_import(data, []).added


def test_items_other_registers_own_are_not_copied_into_activities() -> None:
    """Our own export holds submissions and annual meetings too: re-importing it must not
    turn them into activities."""
    found = plan_ics_import(fixture("google.ics"), [], elsewhere={OUR_UID})
    assert OUR_UID not in by_uid(found)
    (owned,) = [s for s in found.skipped if s.what.endswith("Julfika med nätverket")]
    assert owned.reason == (
        "finns redan i kalendern som inlaga eller årsmöte; ändras i det registret"
    )
